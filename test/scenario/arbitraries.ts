// fast-check generators of valid scenario inputs, shared by the property tests of test/scenario/.
import fc from 'fast-check';
import { COUNTED_KINDS, type ScenarioInput } from '../../src/scenario/schema.ts';

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/** A schedule that starts at step 0 and strictly increases. */
const schedule = fc
  .tuple(unit, fc.array(fc.record({ gap: fc.integer({ min: 1, max: 60 }), value: unit }), { maxLength: 3 }))
  .map(([first, rest]) => {
    let from = 0;
    return [
      { from: 0, value: first },
      ...rest.map(({ gap, value }) => {
        from += gap;
        return { from, value };
      }),
    ];
  });

const lever = fc.oneof(unit, schedule);
const levers = <K extends string>(...names: K[]) =>
  fc.record(Object.fromEntries(names.map((name) => [name, lever])) as Record<K, typeof lever>, { requiredKeys: [], noNullPrototype: true });

const area = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 12 }),
    weight: fc.double({ min: 0.01, max: 100, noNaN: true }),
    context: levers('history', 'culture', 'politics'),
    localAuthority: levers('support'),
  },
  { requiredKeys: ['name'], noNullPrototype: true },
);

/** Any valid scenario input, with any subset of its keys written. */
export const scenarioInput: fc.Arbitrary<ScenarioInput> = fc.record(
  {
    name: fc.string({ minLength: 1, maxLength: 20 }),
    description: fc.string({ maxLength: 40 }),
    time: fc.record(
      {
        steps: fc.integer({ min: 1, max: 20000 }),
        stepsPerYear: fc.integer({ min: 1, max: 365 }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
    organisations: fc.record(
      {
        areas: fc.oneof(fc.integer({ min: 1, max: 12 }), fc.uniqueArray(area, { minLength: 1, maxLength: 4, selector: (a) => a.name })),
        kinds: fc.record(Object.fromEntries(COUNTED_KINDS.map((kind) => [kind, fc.nat({ max: 1000 })])), {
          requiredKeys: [],
          noNullPrototype: true,
        }),
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
    policy: levers('carrot', 'stick'),
    market: levers('competition'),
    governance: levers('fragmentation'),
    localAuthority: levers('support'),
    leaders: levers('experience', 'turnover'),
    partnerships: levers('principles'),
    context: levers('history', 'culture', 'politics'),
    trust: fc.record(
      {
        up: unit,
        down: unit,
        damageGrowth: unit,
        damageDecay: unit,
        dependenceWeight: fc.double({ min: 0, max: 5, noNaN: true }),
        sensitivity: fc.double({ min: 0.01, max: 50, noNaN: true }),
      },
      { requiredKeys: [], noNullPrototype: true },
    ),
  },
  { requiredKeys: [], noNullPrototype: true },
);
