// Normalising: turns a scenario as written (shorthand, defaults left out) into the explicit Scenario
// the engine runs. Pure and idempotent: a normalised scenario is itself valid input and comes back equal.
import { digest } from '../random.ts';
import { DEFAULT_AREA_COUNT, DEFAULT_AREA_WEIGHT, DEFAULT_KINDS, DEFAULT_LEVERS, DEFAULT_TIME, DEFAULT_TRUST } from './defaults.ts';
import {
  COUNTED_KINDS,
  type Area,
  type CountedKind,
  type LeverInput,
  type LeverKey,
  type Schedule,
  type Scenario,
  type ScenarioInput,
} from './schema.ts';

/** What normalising accepts: a scenario as written, or one already normalised. */
export type NormalizeInput = ScenarioInput | Scenario;

type WrittenLever = LeverInput | Schedule | undefined;
type WrittenArea = { readonly name: string; readonly weight?: number };

/** Returns the explicit scenario for this input: defaults merged, constants turned into schedules, areas
 * listed with every lever; `$schema` and `extends` dropped. Keys come in a fixed order, so its JSON is canonical. */
export function normalizeScenario(input: NormalizeInput, fallbackName = 'scenario'): Scenario {
  const lever = (key: LeverKey) => toSchedule(writtenLever(input, key), DEFAULT_LEVERS[key]);
  const context = { history: lever('context.history'), culture: lever('context.culture'), politics: lever('context.politics') };
  const localAuthority = { support: lever('localAuthority.support') };
  const kinds = input.organisations?.kinds as Partial<Record<CountedKind, number>> | undefined;
  return {
    name: input.name ?? fallbackName,
    description: input.description ?? '',
    time: {
      steps: input.time?.steps ?? DEFAULT_TIME.steps,
      stepsPerYear: input.time?.stepsPerYear ?? DEFAULT_TIME.stepsPerYear,
      seed: input.time?.seed ?? DEFAULT_TIME.seed,
    },
    organisations: {
      areas: normalizeAreas(input.organisations?.areas, context, localAuthority),
      kinds: Object.fromEntries(COUNTED_KINDS.map((kind) => [kind, kinds?.[kind] ?? DEFAULT_KINDS[kind]])) as Record<CountedKind, number>,
    },
    policy: { carrot: lever('policy.carrot'), stick: lever('policy.stick') },
    market: { competition: lever('market.competition') },
    governance: { fragmentation: lever('governance.fragmentation') },
    localAuthority,
    leaders: { experience: lever('leaders.experience'), turnover: lever('leaders.turnover') },
    partnerships: { principles: lever('partnerships.principles') },
    context,
    trust: {
      up: input.trust?.up ?? DEFAULT_TRUST.up,
      down: input.trust?.down ?? DEFAULT_TRUST.down,
      damageGrowth: input.trust?.damageGrowth ?? DEFAULT_TRUST.damageGrowth,
      damageDecay: input.trust?.damageDecay ?? DEFAULT_TRUST.damageDecay,
      dependenceWeight: input.trust?.dependenceWeight ?? DEFAULT_TRUST.dependenceWeight,
      sensitivity: input.trust?.sensitivity ?? DEFAULT_TRUST.sensitivity,
    },
  };
}

/** Returns the scenario's hash: the digest of its canonical JSON, the same for any two scenarios that normalise alike. */
export function hashScenario(scenario: Scenario): string {
  return digest(JSON.stringify(normalizeScenario(scenario)));
}

// Areas given as a count get generated names; either way each area lever falls back to the scenario-wide schedule.
function normalizeAreas(
  written: number | readonly WrittenArea[] | undefined,
  context: Area['context'],
  localAuthority: Area['localAuthority'],
): Area[] {
  const listed: readonly WrittenArea[] =
    typeof written === 'object' ? written : Array.from({ length: written ?? DEFAULT_AREA_COUNT }, (_, i) => ({ name: `Area ${i + 1}` }));
  return listed.map((area) => {
    const lever = (key: LeverKey, wide: Schedule) => toSchedule(writtenLever(area, key), wide);
    return {
      name: area.name,
      weight: area.weight ?? DEFAULT_AREA_WEIGHT,
      context: {
        history: lever('context.history', context.history),
        culture: lever('context.culture', context.culture),
        politics: lever('context.politics', context.politics),
      },
      localAuthority: { support: lever('localAuthority.support', localAuthority.support) },
    };
  });
}

// Returns the lever at a dotted key of a scenario or area, as written (either input type nests levers alike).
function writtenLever(holder: object, key: LeverKey): WrittenLever {
  const [group, name] = key.split('.');
  return (holder as Record<string, Record<string, WrittenLever> | undefined>)[group]?.[name];
}

// Always builds fresh entries, so the result shares no object with the input.
function toSchedule(written: WrittenLever, fallback: number | Schedule): Schedule {
  const lever = written ?? fallback;
  return typeof lever === 'number' ? [{ from: 0, value: lever }] : lever.map(({ from, value }) => ({ from, value }));
}
