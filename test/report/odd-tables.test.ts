// docs/ODD.md §8 lists exactly the lever and parameter tables (generated from them, and regenerated with `npm run odd`),
// and §3 and the step's drawing in src/model/step.ts name the mechanisms of the schedule in its order.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oddParameterTables, withOddParameterTables } from '../../src/report/odd-tables.ts';
import { LEVER_KEYS } from '../../src/scenario/levers.ts';
import { MECHANISM_IDS } from '../../src/scenario/mechanisms.ts';
import { PARAMETERS } from '../../src/scenario/parameters/index.ts';

const odd = readFileSync('docs/ODD.md', 'utf8');

describe('docs/ODD.md §8', () => {
  it('holds the tables generated from the code (regenerate them with `npm run odd`)', () => {
    expect(withOddParameterTables(odd), 'docs/ODD.md §8 is stale: run npm run odd').toBe(odd);
  });

  it('lists every lever and every parameter once, and nothing else, by its key', () => {
    const keys = [...oddParameterTables().matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]);
    expect(keys).toEqual([...LEVER_KEYS, ...PARAMETERS.map((p) => p.key)]);
  });
});

// The mechanism ids of a drawing: words joined by ─► arrows, in order.
const idsIn = (drawing: string) =>
  drawing.match(/\b[a-zA-Z]+\b(?=\s*(?:─►|$))/gm)?.filter((word) => (MECHANISM_IDS as readonly string[]).includes(word)) ?? [];

describe('the step as drawn', () => {
  it('in docs/ODD.md §3 names the schedule in its order', () => {
    const section = odd.slice(odd.indexOf('## 3 Process overview'), odd.indexOf('## 4 Design concepts'));
    const drawing = section.slice(section.indexOf('```'), section.indexOf('```', section.indexOf('```') + 3));
    expect(idsIn(drawing)).toEqual([...MECHANISM_IDS]);
  });

  it('in src/model/step.ts names the schedule in its order', () => {
    const head = readFileSync('src/model/step.ts', 'utf8').split('\nimport')[0];
    expect(idsIn(head.replaceAll('//', ''))).toEqual([...MECHANISM_IDS]);
  });
});
