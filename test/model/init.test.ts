// The starting world: organisations apportioned to areas by largest remainder, one local authority per
// area, and every kind counted exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, createWorld } from '../../src/model/init.ts';
import { createLeverValues, type StepContext } from '../../src/model/context.ts';
import { setLeverValuesInPlace } from '../../src/engine/levers.ts';
import { createRng } from '../../src/random.ts';
import { normalizeScenario } from '../../src/scenario/normalize.ts';
import { resolveParams } from '../../src/scenario/parameters/index.ts';
import { COUNTED_KINDS, ORG_KINDS, type Scenario, type ScenarioInput } from '../../src/scenario/schema.ts';

/** Largest remainder in exact integer arithmetic (integer weights): remainders compared as (total w) mod sum, ties to the earlier area. */
function apportionExactly(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  const order = weights.map((w, a) => [(total * w) % sum, a]).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  let short = total - counts.reduce((s, c) => s + c, 0);
  for (let k = 0; short > 0; k++, short--) counts[order[k][1]]++;
  return counts;
}

describe('apportion', () => {
  it('gives exact shares when they divide evenly', () => {
    expect(apportion(100, [1, 1, 1, 1])).toEqual([25, 25, 25, 25]);
    expect(apportion(70, [1, 2, 4])).toEqual([10, 20, 40]);
    expect(apportion(0, [1, 3])).toEqual([0, 0]);
    expect(apportion(9, [5])).toEqual([9]);
  });

  it('gives the units left over to the largest remainders', () => {
    // Quotas 2.5, 1.5, 6 -> floors 2, 1, 6; one left, remainders tie at 0.5 -> the earlier area.
    expect(apportion(10, [2.5, 1.5, 6])).toEqual([3, 1, 6]);
    // Quotas 0.7, 3.5, 2.8 -> floors 0, 3, 2; two left for remainders 0.7 and 0.8.
    expect(apportion(7, [1, 5, 4])).toEqual([1, 3, 3]);
    expect(apportion(11, [1, 1, 1])).toEqual([4, 4, 3]);
  });

  it('gives tied remainders to the earlier area', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(5, [1, 1])).toEqual([3, 2]);
    expect(apportion(2, [1, 3])).toEqual([1, 1]);
    // Quotas 4/3, 4/3, 1/3: every remainder is 1/3, so the one unit left goes to the first area.
    expect(apportion(3, [1, 4, 4])).toEqual([1, 1, 1]);
    expect(apportion(3, [4, 4, 1])).toEqual([2, 1, 0]);
  });

  it('sums to the total and gives each area its quota rounded down or up', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 20000 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const counts = apportion(total, weights);
          const sum = weights.reduce((s, w) => s + w, 0);
          expect(counts).toHaveLength(weights.length);
          expect(counts.reduce((s, c) => s + c, 0)).toBe(total);
          counts.forEach((c, a) => {
            const quota = (total * weights[a]) / sum;
            expect(Number.isInteger(c)).toBe(true);
            expect(c).toBeGreaterThanOrEqual(Math.floor(quota) - 1e-9);
            expect(c).toBeLessThanOrEqual(Math.ceil(quota) + 1e-9);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('agrees with largest remainder in exact arithmetic for integer weights', () => {
    fc.assert(
      fc.property(fc.nat({ max: 500 }), fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 8 }), (total, weights) => {
        expect(apportion(total, weights)).toEqual(apportionExactly(total, weights));
      }),
      { numRuns: 2000 },
    );
  });
});

function buildWorld(scenario: Scenario, seed: number) {
  const levers = createLeverValues(scenario.organisations.areas.length);
  setLeverValuesInPlace(levers, scenario, 0);
  const ctx: StepContext = {
    step: 0,
    stepsPerYear: scenario.time.stepsPerYear,
    dt: 1 / scenario.time.stepsPerYear,
    rng: createRng(seed),
    levers,
    params: resolveParams(scenario),
    fundHorizon: 1,
    emit: () => {},
    formed: 0,
    dissolved: 0,
    tieUpdates: 0,
  };
  return createWorld(scenario, ctx);
}

describe('createWorld', () => {
  const input: ScenarioInput = {
    organisations: {
      areas: [{ name: 'North', weight: 2 }, { name: 'Middle' }, { name: 'South', weight: 1.5 }],
      kinds: { school: 31, academy: 17, trust: 3, college: 2, provider: 5, community: 0 },
    },
  };
  const scenario = normalizeScenario(input);
  const world = buildWorld(scenario, 7);
  const LA = ORG_KINDS.indexOf('localAuthority');

  it('has every organisation counted: the kinds asked for, and one local authority per area', () => {
    expect(world.orgs.n).toBe(31 + 17 + 3 + 2 + 5 + 0 + 3);
    expect(world.areaCount).toBe(3);
    COUNTED_KINDS.forEach((kind) => {
      const count = Array.from(world.orgs.kind).filter((k) => k === ORG_KINDS.indexOf(kind)).length;
      expect(count, kind).toBe(scenario.organisations.kinds[kind]);
    });
    expect(Array.from(world.orgs.kind).filter((k) => k === LA).length).toBe(3);
  });

  it('places one local authority in each area, at areaAuthority', () => {
    for (let a = 0; a < 3; a++) {
      const authorities = world.areaMembers[a].filter((i) => world.orgs.kind[i] === LA);
      expect(authorities).toEqual([world.areaAuthority[a]]);
      expect(world.orgs.area[world.areaAuthority[a]]).toBe(a);
    }
  });

  it('apportions each kind to the areas by weight', () => {
    const weights = [2, 1, 1.5];
    COUNTED_KINDS.forEach((kind) => {
      const expected = apportion(scenario.organisations.kinds[kind], weights);
      const actual = [0, 1, 2].map((a) => world.areaMembers[a].filter((i) => world.orgs.kind[i] === ORG_KINDS.indexOf(kind)).length);
      expect(actual, kind).toEqual(expected);
    });
    // School: quotas 13.78, 6.89, 10.33 -> 14, 7, 10.
    expect([0, 1, 2].map((a) => world.areaMembers[a].filter((i) => world.orgs.kind[i] === 0).length)).toEqual([14, 7, 10]);
  });

  it("lists each organisation in its own area's members, once", () => {
    const all = world.areaMembers.flat();
    expect([...all].sort((x, y) => x - y)).toEqual(Array.from({ length: world.orgs.n }, (_, i) => i));
    world.areaMembers.forEach((members, a) => members.forEach((i) => expect(world.orgs.area[i]).toBe(a)));
  });

  it('is the same world for the same seed', () => {
    const again = buildWorld(scenario, 7);
    expect(Array.from(again.orgs.power)).toEqual(Array.from(world.orgs.power));
    expect(again.ties.count).toBe(world.ties.count);
    expect(Array.from(again.ties.trustAB.subarray(0, again.ties.count))).toEqual(
      Array.from(world.ties.trustAB.subarray(0, world.ties.count)),
    );
    expect(buildWorld(scenario, 8).orgs.power).not.toEqual(world.orgs.power);
  });
});
