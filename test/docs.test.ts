// The documents stand on their own: no file of the project points outside it to the engineers' briefs, the seven
// patterns the model is judged by are listed with their sources in docs/ODD.md §1.2 (each source among the
// references of §10), and the scenarios and the README cite the patterns there by number.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kaplanMeier, survivalAt } from '../src/engine/survival.ts';

const ROOT = resolve(import.meta.dirname, '..');
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

/** Returns the project's files: those git tracks, and new ones it does not ignore. */
function projectFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return listed.stdout.split('\0').filter((path) => path !== '');
}

/** Returns the text of a section of docs/ODD.md, from its heading to the next heading of the same or a higher level. */
function oddSection(heading: string): string {
  const odd = read('docs/ODD.md');
  const start = odd.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const level = heading.split(' ')[0];
  const rest = odd.slice(start + heading.length + 2);
  const next = rest.search(new RegExp(`\\n#{1,${level.length}} `));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The briefs the engineers work from, which are not part of the project (spelt in pieces so this file does not name them). */
const OUTSIDE = [['MODEL', 'md'].join('.'), ['..', 'shared'].join('/')];

describe('the documents', () => {
  it('point nowhere outside the project: no file names the briefs', () => {
    const files = projectFiles();
    expect(files).toContain('docs/ODD.md');
    const offending = files.flatMap((path) => {
      const bytes = readFileSync(resolve(ROOT, path));
      if (bytes.includes(0)) return []; // a binary file (an image, a font)
      const text = bytes.toString('utf8');
      return OUTSIDE.filter((name) => text.includes(name)).map((name) => `${path}: ${name}`);
    });
    expect(offending).toEqual([]);
  });

  it('list the seven patterns in docs/ODD.md §1.2, each with sources found among the references', () => {
    const table = oddSection('### 1.2 Patterns')
      .split('\n')
      .filter((line) => /^\| \d/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()));
    expect(table.map((cells) => cells[1])).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    const references = oddSection('## 10 References');
    for (const cells of table) {
      const sources = cells[3];
      const cited = [...sources.matchAll(/(ABPP)|([A-Z][a-z]+)(?: et al\.| & [A-Z][a-z]+)? (\d{4})/g)];
      expect(cited.length, `pattern ${cells[1]} names no source`).toBeGreaterThan(0);
      for (const [, abpp, author, year] of cited) {
        const entry = abpp ? /^- Area-Based Partnerships Project \(ABPP\)/m : new RegExp(`^- ${author},[^\\n]*\\(${year}\\)`, 'm');
        expect(references, `pattern ${cells[1]} cites ${abpp ?? `${author} ${year}`}`).toMatch(entry);
      }
    }
  });

  it('cite patterns by their number in docs/ODD.md §1.2, in the scenarios and the README', () => {
    const cited = (text: string) => [...text.matchAll(/pattern (\d+)/g)].map((m) => Number(m[1]));
    const scenarios = projectFiles().filter((path) => /^scenarios\/.*\.yaml$/.test(path));
    const citing = scenarios.filter((path) => cited(read(path)).length > 0);
    expect(citing.length).toBeGreaterThanOrEqual(7);
    for (const path of citing) {
      const header = read(path)
        .split('\n')
        .filter((line) => line.startsWith('#'))
        .join(' ')
        .replace(/\s*#\s*/g, ' ');
      expect(header, path).toMatch(/pattern \d+ of docs\/ODD\.md §1\.2/);
      for (const n of cited(header)) expect(n, path).toBeGreaterThanOrEqual(1);
      for (const n of cited(header)) expect(n, path).toBeLessThanOrEqual(7);
    }
    const readme = read('README.md');
    expect(readme).toContain('[docs/ODD.md §1.2](docs/ODD.md#12-patterns)');
    expect(cited(readme).every((n) => n >= 1 && n <= 7)).toBe(true);
  });

  it('state the survival convention the engine computes, and which figures pool replicates and which average them', () => {
    const readme = read('README.md').replace(/\s+/g, ' ');
    expect(readme).toContain('a partnership that dissolves at age exactly 3 counts as ended in S(3) (events at age t count in S(t))');
    expect(readme).toContain("the metric's `mean` and interval average those estimates");
    expect(readme).toContain("The report's survival curve and hazard chart instead pool every replicate's partnerships");
    // One of two partnerships dissolves at exactly 3 years, the other is still active at 4: S(3) is already a half.
    const durations = [3, 4];
    const curve = kaplanMeier(durations, [true, false]);
    expect(survivalAt(curve, durations, 3)).toBe(0.5);
    expect(survivalAt(curve, durations, 2.99)).toBe(1);
    expect(survivalAt(curve, durations, 5)).toBeNull();
  });
});
