// Limits a scenario is held to before anything runs: at most MAX_ORGANISATIONS in all (on the merged scenario, placed
// at the file that set the counts), at most MAX_AREAS areas as a number or a list, weights no larger than
// MAX_AREA_WEIGHT (1e308 summed to infinity and ran "NaN organisations" with exit 0), at most MAX_STEPS steps; and the
// check for repeated area names takes one pass (a list of 200,000 areas took 154 s to validate).
import { describe, expect, it } from 'vitest';
import { isPartnersimError } from '../../src/errors.ts';
import { checkScenarioInput, type Origin } from '../../src/scenario/check.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import * as message from '../../src/scenario/messages.ts';
import { MAX_AREA_WEIGHT, MAX_AREAS, MAX_ORGANISATIONS, MAX_STEPS } from '../../src/scenario/schema.ts';

const load = (files: Record<string, string>) => loadScenario('s.yaml', createMemoryHost(files));

function refusal(action: () => unknown): { code: string; message: string } {
  try {
    action();
  } catch (error) {
    if (isPartnersimError(error)) return error;
    throw error;
  }
  return expect.fail('accepted');
}

describe('scenario limits', () => {
  it('refuses more than MAX_ORGANISATIONS in all, at the file that set the counts, however they were split across files', () => {
    const files = {
      'big.yaml': 'name: big\norganisations: {kinds: {school: 300000}}\n',
      's.yaml': 'extends: big.yaml\nname: s\norganisations: {kinds: {academy: 250000}}\n',
    };
    const error = refusal(() => load(files));
    expect(error.code).toBe('out-of-range');
    expect(error.message).toBe(message.tooManyOrganisations('s.yaml:3:34', 550_000, MAX_ORGANISATIONS));
    expect(() => load({ 's.yaml': 'name: s\norganisations: {kinds: {school: 190000, academy: 170000}}\n' })).not.toThrow();
  });

  it('refuses an area weight that could overflow', () => {
    const error = refusal(() => load({ 's.yaml': 'organisations:\n  areas: [{name: a, weight: 1e308}, {name: b}]\n' }));
    expect(error.code).toBe('out-of-range');
    expect(error.message).toContain(`at most ${MAX_AREA_WEIGHT}`);
  });

  it('refuses more than MAX_AREAS areas in a list, saying how many were found', () => {
    const areas = Array.from({ length: MAX_AREAS + 1 }, (_, i) => `{name: a${i}}`).join(', ');
    const error = refusal(() => load({ 's.yaml': `organisations:\n  areas: [${areas}]\n` }));
    expect(error.code).toBe('out-of-range');
    expect(error.message).toContain(`(at most ${MAX_AREAS}), found a list of 10,001`);
  });

  it('refuses more than MAX_STEPS steps', () => {
    expect(refusal(() => load({ 's.yaml': `time: {steps: ${MAX_STEPS + 1}}\n` })).code).toBe('out-of-range');
  });

  it('finds a repeated area name among 200,000 in one pass', () => {
    const origin: Origin = { kind: 'file', at: (path) => `s.yaml:${path.join('.')}`, order: () => 0 };
    const areas = Array.from({ length: 200_000 }, (_, i) => ({ name: `a${i === 199_999 ? 7 : i}` }));
    const started = performance.now();
    // The list is above the schema's MAX_AREAS too; which problem comes first does not matter here, only that both
    // are found at once rather than in minutes.
    expect(() => checkScenarioInput({ organisations: { areas } }, origin)).toThrow();
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
