// The model's state: organisations and ties as one typed array per field (sparse ties in a pool with
// a free list), partnerships as a growable pool. Mechanisms in model/ read and mutate it in place.
import type { Cause, Mandate } from './vocabulary.ts';

/** Organisations: one entry per organisation in every array. Fixed in number for a run. */
export interface Orgs {
  readonly n: number;
  readonly kind: Uint8Array;
  readonly area: Uint16Array;
  /** Its market: area and kind in one number, equal for rivals (same kind, same area). */
  readonly market: Int32Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Size, resources and status. */
  readonly power: Float64Array;
  /** Capacity for partnership work. */
  readonly capacity: Float64Array;
  /** Organisational culture (a position on one axis): fixed with the organisation. */
  readonly culture: Float64Array;
  /** Norms and values held now: start at the culture and converge among partners. */
  readonly norms: Float64Array;
  /** Motivation mix: shared values, access to resources, compliance (sum to 1). */
  readonly motValues: Float64Array;
  readonly motResources: Float64Array;
  readonly motCompliance: Float64Array;
  /** Exposure to market competition (before the lever scales it). */
  readonly exposure: Float64Array;
  /** Trustworthiness: the temptation it resists before defecting (Gorobets & Nooteboom 2004). */
  readonly trustworthiness: Float64Array;
  /** Share of its contacts that must be in a partnership before it joins that partnership (Granovetter 1978). */
  readonly joinThreshold: Float64Array;
  /** Weight on trust against expected gain in partner choice, adapted by experience (Gorobets & Nooteboom 2006). */
  readonly trustWeight: Float64Array;
  /** 1 once the organisation is in a trust not based on its locality. */
  readonly nonLocal: Uint8Array;
  /** Its leader: experience, and tenure in steps. */
  readonly leaderExperience: Float64Array;
  readonly leaderTenure: Float64Array;
  /** Partnerships it belongs to now. */
  readonly memberships: Int32Array;
  /** Per step scratch: effort it puts into partnership work, its resolve (trustworthiness less the cost
   * of contributing, before rivalry and the benefit of cooperation), and its shadow of the future. */
  readonly effort: Float64Array;
  readonly resolve: Float64Array;
  readonly shadow: Float64Array;
  /** Share of its partnership benefit that came from funding last step. */
  readonly fundDependence: Float64Array;
  /** Per step scratch of the membership pass: funding and total benefit seen across its partnerships. */
  readonly fundSeen: Float64Array;
  readonly benefitSeen: Float64Array;
  /** Scratch of the continuum pass: summed trust in, and number of, tied co-members. */
  readonly trustSeen: Float64Array;
  readonly tiesSeen: Float64Array;
  /** Defections it suffered this step, and cooperation it received. */
  readonly betrayed: Float64Array;
  readonly rewarded: Float64Array;
  /** Tie indices of each organisation. */
  readonly ties: number[][];
  /** Partnership ids of each organisation. */
  readonly partnerships: number[][];
}

/** Sparse ties between pairs, in a pool: a tie is at a slot with alive = 1. Side A is the lower index. */
export interface Ties {
  poolSize: number;
  count: number;
  a: Int32Array;
  b: Int32Array;
  alive: Uint8Array;
  /** Organisation-level trust of A in B and of B in A. */
  trustAB: Float64Array;
  trustBA: Float64Array;
  /** Leader-level trust, lost when either leader leaves. */
  leaderAB: Float64Array;
  leaderBA: Float64Array;
  /** Reputation damage of B in A's eyes, and of A in B's (Pant & Yu 2025). */
  damageAB: Float64Array;
  damageBA: Float64Array;
  strength: Float64Array;
  age: Float64Array;
  interactions: Float64Array;
  /** Partnerships both ends share, and how many of those are mandated. */
  shared: Int32Array;
  sharedMandated: Int32Array;
  free: number[];
  /** Pair key (lower * n + higher) to slot. */
  index: Map<number, number>;
}

/** One partnership: a collective of members with a lead, a mandate and a place on the continuum. */
export interface Partnership {
  readonly id: number;
  readonly area: number;
  readonly formedStep: number;
  endedStep: number | null;
  endReason: Cause | null;
  lead: number;
  readonly mandate: Mandate;
  readonly principles: boolean;
  readonly laInvolved: boolean;
  readonly funded: boolean;
  /** Members and each one's running net benefit (same order). */
  members: number[];
  /** Slots of the ties between members: the partnership's internal network. */
  ties: number[];
  satisfaction: number[];
  /** Each member's mean effective trust in the members it is tied to, as last scored (same order). */
  memberTrust: number[];
  /** Initial stock of goodwill (and start-up funding), spent over the first years. */
  goodwill: number;
  /** Highest carrot seen while it was funded, to tell when its funding has fallen. */
  peakCarrot: number;
  /** Dhillon's four features and their mean, the continuum score; the ordinal level and its peak. */
  trust: number;
  network: number;
  norms: number;
  motivation: number;
  score: number;
  level: number;
  peakLevel: number;
}

/** The whole state of a run. */
export interface World {
  readonly orgs: Orgs;
  readonly ties: Ties;
  readonly partnerships: Partnership[];
  /** Ids of partnerships still active. */
  active: number[];
  readonly areaCount: number;
  /** Members of each area, and the local authority of each area. */
  readonly areaMembers: number[][];
  readonly areaAuthority: Int32Array;
}

/** Returns empty organisation arrays for n organisations. */
export function createOrgs(n: number): Orgs {
  const f = () => new Float64Array(n);
  return {
    n,
    kind: new Uint8Array(n),
    area: new Uint16Array(n),
    market: new Int32Array(n),
    x: f(),
    y: f(),
    power: f(),
    capacity: f(),
    culture: f(),
    norms: f(),
    motValues: f(),
    motResources: f(),
    motCompliance: f(),
    exposure: f(),
    trustworthiness: f(),
    joinThreshold: f(),
    trustWeight: f(),
    nonLocal: new Uint8Array(n),
    leaderExperience: f(),
    leaderTenure: f(),
    memberships: new Int32Array(n),
    effort: f(),
    resolve: f(),
    shadow: f(),
    fundDependence: f(),
    fundSeen: f(),
    benefitSeen: f(),
    trustSeen: f(),
    tiesSeen: f(),
    betrayed: f(),
    rewarded: f(),
    ties: Array.from({ length: n }, () => []),
    partnerships: Array.from({ length: n }, () => []),
  };
}

/** Returns an empty tie pool with room for `poolSize` ties. */
export function createTies(poolSize: number): Ties {
  const f = () => new Float64Array(poolSize);
  return {
    poolSize,
    count: 0,
    a: new Int32Array(poolSize),
    b: new Int32Array(poolSize),
    alive: new Uint8Array(poolSize),
    trustAB: f(),
    trustBA: f(),
    leaderAB: f(),
    leaderBA: f(),
    damageAB: f(),
    damageBA: f(),
    strength: f(),
    age: f(),
    interactions: f(),
    shared: new Int32Array(poolSize),
    sharedMandated: new Int32Array(poolSize),
    free: [],
    index: new Map(),
  };
}

function growTiesInPlace(ties: Ties): void {
  const poolSize = ties.poolSize * 2;
  const grow = <T extends Float64Array | Int32Array | Uint8Array>(old: T): T => {
    const next = new (old.constructor as new (n: number) => T)(poolSize);
    next.set(old);
    return next;
  };
  ties.a = grow(ties.a);
  ties.b = grow(ties.b);
  ties.alive = grow(ties.alive);
  ties.trustAB = grow(ties.trustAB);
  ties.trustBA = grow(ties.trustBA);
  ties.leaderAB = grow(ties.leaderAB);
  ties.leaderBA = grow(ties.leaderBA);
  ties.damageAB = grow(ties.damageAB);
  ties.damageBA = grow(ties.damageBA);
  ties.strength = grow(ties.strength);
  ties.age = grow(ties.age);
  ties.interactions = grow(ties.interactions);
  ties.shared = grow(ties.shared);
  ties.sharedMandated = grow(ties.sharedMandated);
  ties.poolSize = poolSize;
}

/** Returns the slot of the tie between i and j, or -1 when they have none. */
export function findTie(world: World, i: number, j: number): number {
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  return world.ties.index.get(lo * world.orgs.n + hi) ?? -1;
}

/** Adds a tie between i and j (or returns the one they have) with this starting trust and strength, counting
 * the partnerships they already share; returns its slot. */
export function addTieInPlace(world: World, i: number, j: number, trust: number, strength: number): number {
  const existing = findTie(world, i, j);
  if (existing >= 0) return existing;
  const ties = world.ties;
  if (ties.free.length === 0 && ties.count === ties.poolSize) growTiesInPlace(ties);
  const slot = ties.free.length > 0 ? (ties.free.pop() as number) : ties.count++;
  const lo = Math.min(i, j);
  const hi = Math.max(i, j);
  ties.a[slot] = lo;
  ties.b[slot] = hi;
  ties.alive[slot] = 1;
  ties.trustAB[slot] = trust;
  ties.trustBA[slot] = trust;
  ties.leaderAB[slot] = trust;
  ties.leaderBA[slot] = trust;
  ties.damageAB[slot] = 0;
  ties.damageBA[slot] = 0;
  ties.strength[slot] = strength;
  ties.age[slot] = 0;
  ties.interactions[slot] = 0;
  ties.shared[slot] = 0;
  ties.sharedMandated[slot] = 0;
  ties.index.set(lo * world.orgs.n + hi, slot);
  world.orgs.ties[lo].push(slot);
  world.orgs.ties[hi].push(slot);
  for (const id of world.orgs.partnerships[lo]) {
    if (!world.orgs.partnerships[hi].includes(id)) continue;
    const p = world.partnerships[id];
    ties.shared[slot]++;
    ties.sharedMandated[slot] += +(p.mandate === 'mandated');
    p.ties.push(slot);
  }
  return slot;
}

/** Removes the tie in this slot from the pool and from both ends' lists; only a tie in no shared partnership is removed. */
export function removeTieInPlace(world: World, slot: number): void {
  const ties = world.ties;
  const lo = ties.a[slot];
  const hi = ties.b[slot];
  ties.alive[slot] = 0;
  ties.index.delete(lo * world.orgs.n + hi);
  for (const end of [lo, hi]) {
    const list = world.orgs.ties[end];
    list.splice(list.indexOf(slot), 1);
  }
  ties.free.push(slot);
}

/** Returns the other end of a tie seen from organisation i. */
export function otherEnd(ties: Ties, slot: number, i: number): number {
  return ties.a[slot] === i ? ties.b[slot] : ties.a[slot];
}

/** Returns i's effective trust in the other end of a tie: organisation-level and leader-level trust combined. */
export function trustFrom(ties: Ties, slot: number, i: number, leaderWeight: number): number {
  return ties.a[slot] === i
    ? (1 - leaderWeight) * ties.trustAB[slot] + leaderWeight * ties.leaderAB[slot]
    : (1 - leaderWeight) * ties.trustBA[slot] + leaderWeight * ties.leaderBA[slot];
}
