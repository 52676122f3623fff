// Every shipped scenario's output files are byte-identical to the pinned ones: a refactor moves no byte of output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { outputHashes, PINS_PATH, PINS_UPDATE_COMMAND } from './outputs.ts';

describe('the output files of the shipped scenarios', () => {
  it(`are byte-identical to test/pins/outputs.json (a deliberate model change regenerates it: ${PINS_UPDATE_COMMAND})`, () => {
    const pinned = JSON.parse(readFileSync(PINS_PATH, 'utf8'));
    expect(outputHashes()).toEqual(pinned);
    // Every shipped scenario's golden run, national's included: about a minute on its own, two under load on two cores.
  }, 240_000);
});
