// The parameter table: every parameter's default lies within its plausible range and its limits, and it has a unit, a
// meaning and a source (a reference for its value or its form, a calibration, or `assumption`); the rules across parameters hold at
// the defaults; resolving a scenario's parameters takes its values in place of the defaults, nested names included.
import { describe, expect, it } from 'vitest';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import {
  BLOCKS,
  defaultParams,
  limitsOf,
  PARAMETER_RULES,
  PARAMETERS,
  parameterValue,
  resolveParams,
  withinLimits,
} from '../../src/scenario/parameters/index.ts';

describe('the parameter table', () => {
  it.each(PARAMETERS.map((p) => [p.key, p.spec] as const))('%s: default within range and limits, unit, meaning and source', (_, spec) => {
    const [low, high] = spec.range;
    expect(low).toBeLessThan(high);
    expect(spec.default).toBeGreaterThanOrEqual(low);
    expect(spec.default).toBeLessThanOrEqual(high);
    expect(withinLimits(spec, spec.default)).toBe(true);
    expect(withinLimits(spec, low) && withinLimits(spec, high)).toBe(true);
    expect(spec.unit.length).toBeGreaterThan(0);
    expect(spec.meaning.length).toBeGreaterThan(10);
    const source = spec.source;
    expect(source === 'assumption' || Object.values(source)[0].length > 0).toBe(true);
    if (spec.integer) expect(Number.isInteger(spec.default) && Number.isInteger(low) && Number.isInteger(high)).toBe(true);
  });

  it('gives every parameter one key, and counts more than 150 of them', () => {
    const keys = PARAMETERS.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(150);
    expect(keys).toContain('trust.up');
    expect(keys).toContain('model.kinds.school.power');
    expect(keys).toContain('model.interaction.benefitBase');
  });

  it('takes [0, 1] as the limits of a share and 0 or more for a scale, unless the table says otherwise', () => {
    expect(limitsOf(BLOCKS.interaction.params.expectedContribution)).toEqual([0, 1]);
    expect(limitsOf(BLOCKS.trustTypes.params.knowledgeInteractions)).toEqual([0, Number.POSITIVE_INFINITY]);
    expect(limitsOf(BLOCKS.trust.params.sensitivity)).toEqual([0, 50]);
    expect(withinLimits(BLOCKS.trust.params.sensitivity, 0)).toBe(false);
    expect(withinLimits(BLOCKS.joining.params.maxMembers, 20.5)).toBe(false);
  });

  it('meets its own rules at the defaults', () => {
    for (const rule of PARAMETER_RULES) expect(rule.holds(rule.keys.map((key) => parameterValue({}, key))), rule.says).toBe(true);
  });
});

describe('resolveParams', () => {
  it('gives the defaults for a scenario that sets none', () => {
    expect(resolveParams(normalizeScenario({}))).toEqual(defaultParams());
  });

  it("takes the scenario's trust block and model values, nested names included, and leaves the rest at their defaults", () => {
    const scenario = normalizeScenario({
      trust: { down: 0.4 },
      model: { interaction: { benefitBase: 0.5 }, kinds: { school: { power: 0.35 } } },
    });
    const params = resolveParams(scenario);
    expect(params.trust.down).toBe(0.4);
    expect(params.interaction.benefitBase).toBe(0.5);
    expect(params.kinds['school.power']).toBe(0.35);
    expect(params.kinds['academy.power']).toBe(defaultParams().kinds['academy.power']);
    expect(params.interaction.costBase).toBe(defaultParams().interaction.costBase);
  });

  it('keeps only values that differ from the default in the normalised scenario, so its hash is that of the same file without them', () => {
    const plain = normalizeScenario({ name: 'x' });
    expect(normalizeScenario({ name: 'x', model: { interaction: { benefitBase: 0.45 } }, mechanisms: { leaders: true } })).toEqual(plain);
    expect(normalizeScenario({ name: 'x', model: { interaction: { benefitBase: 0.5 } } }).model).toEqual({
      interaction: { benefitBase: 0.5 },
    });
  });
});
