// Small hand-built worlds for testing one mechanism at a time: a world of a few organisations whose every field is zero
// until a test sets it, a step context with the default parameters and every lever at zero, a generator that returns
// the draws a test scripts (so that each branch of a mechanism is taken on purpose), and ties with chosen trust.
import { createLeverValues, type LeverValues, type StepContext } from '../../src/model/context.ts';
import { formPartnershipInPlace, LA_KIND } from '../../src/model/partnerships.ts';
import type { PartnershipEvent } from '../../src/model/vocabulary.ts';
import {
  addTieInPlace,
  createLeaders,
  createOrgs,
  createRoles,
  createTies,
  type Orgs,
  type Roles,
  type World,
} from '../../src/model/world.ts';
import { createRng, type Rng } from '../../src/random.ts';
import { type BlockId, defaultParams, type ModelParams } from '../../src/scenario/parameters/index.ts';

export interface SmallWorldOptions {
  /** Each organisation's area (all in area 0 unless given). */
  readonly area?: readonly number[];
  /** Each area's local authority, made of the local-authority kind; none unless given (areaAuthority is then -1). */
  readonly authorities?: readonly number[];
  /** The tie pool's starting size. */
  readonly poolSize?: number;
  /** Values of organisations' number fields for every organisation but the authorities (capacity 1, say). */
  readonly every?: { readonly [F in NumberField]?: number };
}

type NumberField = { [K in keyof Orgs]: Orgs[K] extends Float64Array ? K : never }[keyof Orgs];

/** A role's fields (Roles' columns), by name. */
export type RoleFields = { [K in Exclude<keyof Roles, 'poolSize' | 'count' | 'free'>]: number };

/** Returns the fields of the role at this slot, as an object. */
export function roleOf(world: World, slot: number): RoleFields {
  const r = world.roles;
  return Object.fromEntries(
    Object.entries(r).flatMap(([name, column]) => (ArrayBuffer.isView(column) ? [[name, (column as Float64Array)[slot]]] : [])),
  ) as RoleFields;
}

/** Sets these fields of the role at this slot, in place. */
export function setRoleInPlace(world: World, slot: number, fields: Partial<RoleFields>): void {
  for (const [name, value] of Object.entries(fields)) (world.roles[name as keyof RoleFields] as Float64Array)[slot] = value;
}

/** Returns a world of n organisations, every field zero (kind 0, a school), organisation i led by leader i (experience
 * 0), with no ties and no partnerships. */
export function smallWorld(n: number, options: SmallWorldOptions = {}): World {
  const orgs = createOrgs(n);
  const area = options.area ?? new Array<number>(n).fill(0);
  const areaCount = Math.max(0, ...area) + 1;
  const areaMembers = Array.from({ length: areaCount }, (): number[] => []);
  for (let i = 0; i < n; i++) {
    orgs.area[i] = area[i];
    areaMembers[area[i]].push(i);
  }
  const areaAuthority = new Int32Array(areaCount).fill(-1);
  for (const la of options.authorities ?? []) {
    orgs.kind[la] = LA_KIND;
    areaAuthority[area[la]] = la;
  }
  for (const [field, value] of Object.entries(options.every ?? {}) as [NumberField, number][])
    for (let i = 0; i < n; i++) if (orgs.kind[i] !== LA_KIND) orgs[field][i] = value;
  // Each organisation i led by leader i, in post since step 0, with every field of the leader zero.
  const leaders = createLeaders(Math.max(1, n));
  leaders.count = n;
  const posts = Array.from({ length: n }, (_, i) => ({ leader: i, org: i, from: 0, to: null, startExperience: 0, endExperience: null }));
  for (let i = 0; i < n; i++) {
    orgs.leaderId[i] = i;
    leaders.org[i] = i;
    leaders.post[i] = i;
  }
  return {
    orgs,
    ties: createTies(options.poolSize ?? 8),
    leaders,
    roles: createRoles(4),
    posts,
    seekers: [],
    partnerships: [],
    active: [],
    areaCount,
    areaMembers,
    areaAuthority,
    trusts: [],
    trustJoins: [],
  };
}

/** Parameters that differ from the defaults, block by block. */
export type ParamOverrides = { readonly [B in BlockId]?: Partial<ModelParams[B]> };

/** A step context whose events are kept. */
export type SmallContext = StepContext & { readonly events: PartnershipEvent[] };

/** The values of the calibrated parameters the hand-worked cases were worked with (before calibrations/england.yaml
 * moved their defaults), so that a new calibration leaves every worked example true. */
const WORKED_WITH: ParamOverrides = {
  membership: { capacityCost: 0.05 },
  interaction: { expectedContribution: 0.5, costBase: 0.2, decisionNoise: 0.15 },
  governance: { joinRate: 1 },
};

/** Returns a step context for a world: step 1, one step a year unless given, the default parameters (the calibrated ones at the values
 * the cases were worked with) with these overrides, every lever zero unless set, and the events it is sent kept in order. */
export function smallContext(
  world: World,
  rng: Rng,
  options: { stepsPerYear?: number; params?: ParamOverrides; levers?: Partial<{ [K in keyof LeverValues]: number }> } = {},
): SmallContext {
  const stepsPerYear = options.stepsPerYear ?? 1;
  const params = defaultParams() as Record<string, Record<string, number>>;
  for (const overrides of [WORKED_WITH, options.params ?? {}])
    for (const [block, values] of Object.entries(overrides)) Object.assign(params[block], values);
  const levers = createLeverValues(world.areaCount);
  const byName = levers as unknown as Record<string, number | Float64Array>;
  for (const [name, value] of Object.entries(options.levers ?? {})) {
    const current = byName[name];
    if (typeof current === 'number') byName[name] = value;
    else current.fill(value);
  }
  const events: PartnershipEvent[] = [];
  return {
    step: 1,
    stepsPerYear,
    dt: 1 / stepsPerYear,
    rng,
    levers,
    params: params as ModelParams,
    fundHorizon: 1,
    emit: (event) => events.push(event),
    formed: 0,
    dissolved: 0,
    tieUpdates: 0,
    events,
  };
}

/** A generator that returns these draws in order and throws when asked for one more; `left` counts those not drawn. */
export type ScriptedRng = Rng & { left(): number };

/** Returns a generator that returns exactly these draws, so that a test decides every random choice a mechanism makes
 * and, with `left() === 0` at the end, how many it makes. */
export function scriptedRng(draws: readonly number[]): ScriptedRng {
  let next = 0;
  const rng = () => {
    if (next >= draws.length) throw new Error(`asked for draw ${next + 1} of ${draws.length} scripted`);
    return draws[next++];
  };
  return Object.assign(rng, {
    left: () => draws.length - next,
    state: (): never => {
      throw new Error('a scripted generator has no state');
    },
  });
}

/** Adds a tie between i and j, in place, through which i's effective trust in j is `ij` and j's in i is `ji`
 * (organisation-level and leader-level trust alike); returns its slot. */
export function tieWith(world: World, i: number, j: number, ij: number, ji = ij, strength = 0.1): number {
  const slot = addTieInPlace(world, i, j, ij, strength);
  const t = world.ties;
  const [ab, ba] = t.a[slot] === i ? [ij, ji] : [ji, ij];
  t.trustAB[slot] = ab;
  t.leaderAB[slot] = ab;
  t.trustBA[slot] = ba;
  t.leaderBA[slot] = ba;
  return slot;
}

/** Returns the pairs of organisations tied, as `i-j` with i < j, sorted. */
export function tiedPairs(world: World): string[] {
  const t = world.ties;
  const pairs: string[] = [];
  for (let slot = 0; slot < t.count; slot++) if (t.alive[slot] === 1) pairs.push(`${t.a[slot]}-${t.b[slot]}`);
  return pairs.sort();
}

/** Puts organisations in a voluntary partnership of area 0 led by the first, in place, drawing from a generator of its
 * own (so a test's scripted draws are not spent on it); returns its id. */
export function inPartnership(world: World, members: readonly number[]): number {
  const spec = { area: 0, lead: members[0], members, principles: false, laInvolved: false, funded: false };
  return formPartnershipInPlace(world, smallContext(world, createRng(1)), { ...spec, mandate: 'voluntary', cause: 'network' }).id;
}

/** Returns the draws (all 0: each tie to the first member) that forming a partnership of m members takes, as each new
 * member gets a tie to up to 5 (partnerships.newMemberTies) of those already in: Σ min(5, k) for k < m. */
export function memberTieDraws(m: number): number[] {
  let draws = 0;
  for (let k = 0; k < m; k++) draws += Math.min(5, k);
  return new Array<number>(draws).fill(0);
}
