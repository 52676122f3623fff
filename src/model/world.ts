// The model's state: organisations, ties, leaders and members' roles as one typed array per field (sparse ties and
// roles in pools with a free list, leaders in a pool that grows as they come from outside, each organisation's lists of
// ties and partnerships flat in shared typed arrays), partnerships as a growable pool. Mechanisms in model/ read and
// mutate it in place.
import type { Cause, Depth, Mandate, Scope } from './vocabulary.ts';

/** What a member weighs a partnership by, term by term (benefits and costs, per year): the balance of membership. */
export interface BalanceTerms {
  /** Funding: the value of the activities it pays for, and the coordination time it buys. */
  fund: number;
  /** The penalty the stick imposes that membership avoids. */
  compliance: number;
  /** Social capital: trust in the partners it is tied to. */
  social: number;
  /** Access to more powerful partners' resources. */
  resource: number;
  coordination: number;
  capacity: number;
  competition: number;
  values: number;
  /** The member's mean effective trust in the members it is tied to. */
  trust: number;
  net: number;
}

/** Returns an empty pool of roles with room for this many: a role is one member's place in a partnership, at a slot
 * the partnership lists beside the member (Partnership.roles). The literal is where a role's fields are declared. */
export function createRoles(poolSize: number) {
  const f = () => new Float64Array(poolSize);
  return {
    /** Slots in the pool (it doubles when full). */
    poolSize,
    /** Slots ever used: every role held is below it. */
    count: 0,
    /** Its judgement of the partnership: a running estimate of its net benefit per year, starting at indifference. */
    belief: f(),
    /** How much it wants to be in the partnership, from 0 to 1: 1 when it chose to join, 0 when compelled; it moves
     * towards 1 while its judgement is positive and towards 0 while negative. */
    commitment: f(),
    /** Its mean effective trust in the members it is tied to, as last scored, and that trust's two parts: between the
     * organisations, and between their leaders (lost when a leader leaves). */
    trust: f(),
    orgTrust: f(),
    leaderTrust: f(),
    /** The step it joined. */
    joined: new Int32Array(poolSize),
    /** How deeply it takes part: 1 in the core group (as a member of any small partnership is), 0 in an area-wide
     * partnership's wider membership (light, informal contact with its lead; no share of its internal network). */
    core: new Uint8Array(poolSize),
    /** A wider member's: the slot its tie to the lead was at when last scored, where the continuum looks first (-1 until
     * first found). */
    leadTie: new Int32Array(poolSize),
    /** Its judgement at its best so far (−∞ before its first weighing), and then: the terms of its balance an exit can be
     * put down to (funding, social capital, competition, capacity, values) and its trust's two parts, what its exit, if
     * it leaves, is measured against. */
    bestBelief: f(),
    bestFund: f(),
    bestSocial: f(),
    bestCompetition: f(),
    bestCapacity: f(),
    bestValues: f(),
    bestOrgTrust: f(),
    bestLeaderTrust: f(),
    /** The carrot its partnership received then (the lever where it is funded, else 0): an exit is put down to funding
     * only when that fell, not when the fund's worth fell with the member's commitment or trust. */
    bestCarrot: f(),
    /** Slots freed, reused last freed first. */
    free: [] as number[],
  };
}

/** Members' roles in their partnerships, in a pool: one typed array per field, a role at a slot. */
export type Roles = ReturnType<typeof createRoles>;

/** Dhillon's four features of a partnership and their mean, the continuum score. */
export interface Features {
  trust: number;
  network: number;
  norms: number;
  motivation: number;
  score: number;
}

/** One partnership: a collective of members with a lead, a mandate and a place on the continuum. */
export interface Partnership extends Features {
  readonly id: number;
  readonly area: number;
  /** A small group ('group'), or an area-wide partnership open to every organisation of its area ('area'). */
  readonly scope: Scope;
  /** Members in its core group: all of a group's; an area-wide partnership's core, the rest its wider membership. */
  core: number;
  readonly formedStep: number;
  endedStep: number | null;
  endReason: Cause | null;
  lead: number;
  readonly mandate: Mandate;
  readonly principles: boolean;
  readonly laInvolved: boolean;
  readonly funded: boolean;
  /** Its first lead's leader's experience when it formed. */
  readonly leadExperience: number;
  /** Members, and the slot of each one's role in World.roles (same order). */
  members: number[];
  roles: number[];
  /** Slots of the ties between core members: the partnership's internal network. */
  ties: number[];
  /** The ordinal level on the continuum, and its peak; the features when the score was at its peak. */
  level: number;
  peakLevel: number;
  peak: Features;
}

/** One post a leader held: the organisation, the step they took it and the step they left it (null while in post), and
 * their experience when they took it and when they left it (null while in post: it grows there). */
export interface Post {
  readonly leader: number;
  readonly org: number;
  readonly from: number;
  to: number | null;
  readonly startExperience: number;
  endExperience: number | null;
}

/** A leader who left a post and seeks another in the system: where they left, and the personal network they carry (each
 * contact's organisation and its leader then, and the leader-level trust each way between them). */
export interface Seeker {
  readonly leader: number;
  readonly from: number;
  readonly contacts: readonly { readonly org: number; readonly leader: number; readonly mine: number; readonly theirs: number }[];
}

/** One multi-academy trust: a governance group of schools and academies with a lead, based where most of its schools are. */
export interface Trust {
  readonly id: number;
  /** Its group UID in the register, or null for a trust of the starting world or founded in the run. */
  readonly uid: number | null;
  readonly name: string;
  /** The step it was founded (its first joining date in the register; 0 when the register gives none). */
  readonly founded: number;
  ended: number | null;
  endReason: TrustEnd | null;
  /** Its central office (an organisation of kind trust), or -1 for a trust a school founded. */
  readonly office: number;
  /** Who leads it: its office, or its founding school (the most powerful remaining school once that one leaves). */
  lead: number;
  /** Its schools and academies, in the order they joined. */
  members: number[];
  /** The area most of its schools are in (the lower area on a tie; its office's area, or its last, with none). */
  home: number;
}

/** Why a trust ended: merged into another, or closed with its schools handed on. */
export type TrustEnd = 'merged' | 'closed';

/** One school's joining of a trust: when, which, and into which trust. */
export interface TrustJoin {
  readonly step: number;
  readonly org: number;
  readonly trust: number;
}

/** The whole state of a run. */
export interface World {
  readonly orgs: Orgs;
  readonly ties: Ties;
  /** Leaders, by id: each organisation's is orgs.leaderId; a leader leads at most one organisation. */
  readonly leaders: Leaders;
  /** Members' roles in the active partnerships (Partnership.roles lists their slots). */
  readonly roles: Roles;
  /** Every post held, in the order taken (a leader's posts over time). */
  readonly posts: Post[];
  /** Leaders out of post who seek another post in the system. */
  seekers: Seeker[];
  readonly partnerships: Partnership[];
  /** Ids of partnerships still active. */
  active: number[];
  readonly areaCount: number;
  /** Members of each area, and the local authority of each area. */
  readonly areaMembers: number[][];
  readonly areaAuthority: Int32Array;
  /** Multi-academy trusts, ended ones included (an organisation's `trust` indexes them), and every joining of one. */
  readonly trusts: Trust[];
  readonly trustJoins: TrustJoin[];
}

/** Returns empty organisation arrays for n organisations. The literal is where an organisation's fields are declared:
 * the Orgs type follows from it (a literal also gives every world one hidden class, which the step loop's code relies on). */
export function createOrgs(n: number) {
  const f = () => new Float64Array(n);
  return {
    n,
    kind: new Uint8Array(n),
    area: new Uint16Array(n),
    /** Its market: area and kind in one number, equal for rivals (same kind, same area). */
    market: new Int32Array(n),
    x: f(),
    y: f(),
    /** Size, resources and status. */
    power: f(),
    /** Capacity for partnership work. */
    capacity: f(),
    /** Organisational culture (a position on one axis): fixed with the organisation. */
    culture: f(),
    /** Norms and values held now: start at the culture and converge among partners. */
    norms: f(),
    /** Motivation mix: shared values, access to resources, compliance (sum to 1). */
    motValues: f(),
    motResources: f(),
    motCompliance: f(),
    /** Exposure to market competition (before the lever scales it). */
    exposure: f(),
    /** Trustworthiness: the temptation it resists before defecting (Gorobets & Nooteboom 2004), from its motives and its
     * leader's integrity, set when a leader takes the post. */
    trustworthiness: f(),
    /** Share of its contacts that must be in a partnership before it joins that partnership (Granovetter 1978). */
    joinThreshold: f(),
    /** Weight on trust against expected gain in partner choice, adapted by experience (Gorobets & Nooteboom 2006). */
    trustWeight: f(),
    /** The multi-academy trust it belongs to (an index into World.trusts; -1 for none; a trust's office belongs to its
     * trust), and the step it joined (NaN when the register does not say). */
    trust: new Int32Array(n).fill(-1),
    trustJoined: new Float64Array(n).fill(Number.NaN),
    /** Its leader's id in World.leaders (whose experience, tenure and trustworthiness are the person's). */
    leaderId: new Int32Array(n),
    /** Its leader's experience: World.leaders.experience of leaderId, kept with it (by the leaders mechanism and
     * setExperienceInPlace) so that readers by organisation find it beside the organisation's other columns. */
    leaderExperience: f(),
    /** Share of the rest of its trust (schools and office) in other areas: 0 outside a trust or in one based all in its
     * area, 1 in one all of whose other schools are elsewhere. Kept by the governance mechanism. */
    remote: f(),
    /** Partnerships whose core it belongs to now (every partnership it is in, but the area-wide ones whose wider
     * membership it is in: those take no share of its capacity). */
    memberships: new Int32Array(n),
    /** Per step scratch: effort it puts into its ties (on informal ties, and in its partnerships as far as it is committed
     * to them), its resolve (trustworthiness less the cost of contributing, before rivalry and the benefit of
     * cooperation), its shadow of the future, and its mean commitment to its partnerships. */
    effort: f(),
    effortShared: f(),
    /** How far its capacity for partnership work covers its partnerships, from 0 to 1. */
    stretch: f(),
    commitment: f(),
    resolve: f(),
    shadow: f(),
    /** Share of its partnerships that are funded (0 in none), counted at the start of each step. */
    fundedShare: f(),
    /** Share of its partnership benefit that came from funding last step. */
    fundDependence: f(),
    /** Per step scratch of the membership pass: funding and total benefit seen across its partnerships. */
    fundSeen: f(),
    benefitSeen: f(),
    /** Scratch of the continuum pass, four numbers for each organisation side by side (at 4i): summed trust (effective,
     * between organisations, between leaders) in, and number of, tied co-members. Side by side, so that the pass reaches
     * one place in memory for each member, not four. */
    seen: new Float64Array(4 * n),
    /** Scratch of the area-wide pass: 1 while it is a member of the partnership being kept open. */
    inKept: new Uint8Array(n),
    /** Defections it suffered this step, and cooperation it received. */
    betrayed: f(),
    rewarded: f(),
    /** Tie slots of each organisation (column slot), and the organisation at the other end of each (column partner, same
     * order): the partners' column saves a trip to the tie pool for each tie when only who is at the other end is wanted. */
    ties: createOrgLists(n, ['slot', 'partner']),
    /** Partnership ids of each organisation, at either depth (column id); its length is read where a pass over many
     * organisations skips those in none. */
    partnerships: createOrgLists(n, ['id']),
  } as const;
}

/** Organisations: one entry per organisation in every array. Fixed in number for a run. */
export type Orgs = ReturnType<typeof createOrgs>;

// Room a list gets when it first fills (it doubles after that), and the room in the columns per organisation at first.
const FIRST_CAPACITY = 4;
const FIRST_ROOM = 8;

/** Returns empty lists of numbers, one list per organisation of n, in these parallel columns (an organisation's k-th
 * entries in every column go together). The lists are flat, not a JS array per organisation: list i holds length[i]
 * entries from start[i] in one shared typed array per column, with room there for capacity[i]. A list that fills moves
 * to the end of the columns with twice the room, leaving its old room unused until the columns are rebuilt (compacted,
 * and doubled if need be) when the end is reached. So a pass over organisations reads each list in place, with no trip
 * through an array object to its elements. The literal is where the layout's fields are declared. */
export function createOrgLists<C extends string>(n: number, names: readonly C[]) {
  return {
    start: new Int32Array(n),
    length: new Int32Array(n),
    capacity: new Int32Array(n),
    /** Entries of the columns taken: every list's room is below it. */
    used: 0,
    /** Room held by the lists, all told (what the columns need when rebuilt). */
    held: 0,
    names,
    columns: Object.fromEntries(names.map((name) => [name, new Int32Array(FIRST_ROOM * n)])) as Record<C, Int32Array>,
  };
}

/** One list of numbers per organisation, flat in typed arrays (createOrgLists). */
export type OrgLists<C extends string> = ReturnType<typeof createOrgLists<C>>;

/** Returns a copy of organisation i's list in one column, as an array (for readers outside the step loop). */
export function listOf<C extends string>(lists: OrgLists<C>, name: C, i: number): number[] {
  const start = lists.start[i];
  return Array.from(lists.columns[name].subarray(start, start + lists.length[i]));
}

/** Returns the position in organisation i's list of the first entry equal to value in one column, or -1. */
export function indexInList<C extends string>(lists: OrgLists<C>, name: C, i: number, value: number): number {
  const column = lists.columns[name];
  const start = lists.start[i];
  const length = lists.length[i];
  for (let k = 0; k < length; k++) if (column[start + k] === value) return k;
  return -1;
}

/** Adds an entry at the end of organisation i's list, in place (moving the list if it is full); returns its index in
 * the columns, where the caller writes the entry's value in each column, read after this call (it may rebuild them). */
export function appendToListInPlace<C extends string>(lists: OrgLists<C>, i: number): number {
  const length = lists.length[i];
  if (length === lists.capacity[i]) moveListInPlace(lists, i, Math.max(FIRST_CAPACITY, 2 * length));
  lists.length[i] = length + 1;
  return lists.start[i] + length;
}

/** Removes the entry at position k of organisation i's list, in place, keeping the order of the rest (the order in which
 * mechanisms go through an organisation's ties and partnerships decides their draws). */
export function removeFromListInPlace<C extends string>(lists: OrgLists<C>, i: number, k: number): void {
  const start = lists.start[i];
  const end = start + lists.length[i];
  for (const name of lists.names) lists.columns[name].copyWithin(start + k, start + k + 1, end);
  lists.length[i]--;
}

// Moves organisation i's list to room for this many entries at the end of the columns, in place, rebuilding the columns
// first when the end has too little room left.
function moveListInPlace<C extends string>(lists: OrgLists<C>, i: number, capacity: number): void {
  const room = lists.columns[lists.names[0]].length;
  if (lists.used + capacity > room) rebuildColumnsInPlace(lists, Math.max(room, 2 * (lists.held + capacity)));
  const start = lists.start[i];
  for (const name of lists.names) lists.columns[name].copyWithin(lists.used, start, start + lists.length[i]);
  lists.start[i] = lists.used;
  lists.held += capacity - lists.capacity[i];
  lists.capacity[i] = capacity;
  lists.used += capacity;
}

// Copies every list, with its room, into new columns of this size, in place: side by side in organisation order, the room
// that moved lists left behind given back.
function rebuildColumnsInPlace<C extends string>(lists: OrgLists<C>, room: number): void {
  for (const name of lists.names) {
    const old = lists.columns[name];
    const rebuilt = new Int32Array(room);
    let at = 0;
    for (let i = 0; i < lists.start.length; i++) {
      rebuilt.set(old.subarray(lists.start[i], lists.start[i] + lists.length[i]), at);
      at += lists.capacity[i];
    }
    lists.columns[name] = rebuilt;
  }
  let at = 0;
  for (let i = 0; i < lists.start.length; i++) {
    lists.start[i] = at;
    at += lists.capacity[i];
  }
  lists.used = at;
}

/** Returns an empty tie pool with room for this many ties. The literal is where a tie's fields are declared: the Ties
 * type and the pool's growth follow from it. Side A of a tie is the lower index. */
export function createTies(poolSize: number) {
  const f = () => new Float64Array(poolSize);
  return {
    /** Slots in the pool (it doubles when full). */
    poolSize,
    /** Slots ever used: every live tie is below it. */
    count: 0,
    a: new Int32Array(poolSize),
    b: new Int32Array(poolSize),
    alive: new Uint8Array(poolSize),
    /** Organisation-level trust of A in B and of B in A. */
    trustAB: f(),
    trustBA: f(),
    /** Leader-level trust, lost when either leader leaves. */
    leaderAB: f(),
    leaderBA: f(),
    /** Reputation damage of B in A's eyes, and of A in B's (Pant & Yu 2025). */
    damageAB: f(),
    damageBA: f(),
    strength: f(),
    age: f(),
    interactions: f(),
    /** Partnerships both ends share; of those, how many set out a statement of principles, and how many the local
     * authority takes part in. */
    shared: new Int32Array(poolSize),
    sharedPrincipled: new Int32Array(poolSize),
    sharedConvened: new Int32Array(poolSize),
    /** Slots freed, reused last freed first. A pair's slot is found from its ends' lists of ties (findTie), not from an
     * index of pairs: the lists are short (a few ties each) and already near in memory. */
    free: [] as number[],
  };
}

/** Sparse ties between pairs, in a pool: a tie is at a slot with alive = 1. */
export type Ties = ReturnType<typeof createTies>;

/** Returns an empty leader pool with room for this many leaders. The literal is where a leader's fields are declared. */
export function createLeaders(poolSize: number) {
  const f = () => new Float64Array(poolSize);
  return {
    /** Slots in the pool (it doubles when full). */
    poolSize,
    /** Leaders ever in the system: ids 0 to count − 1. */
    count: 0,
    /** The organisation they lead, or -1 out of post (seeking a post, retired or gone from the system). */
    org: new Int32Array(poolSize),
    /** Experience, from 0 to 1: grows with time in post. */
    experience: f(),
    /** The step they took their present (or last) post. */
    since: f(),
    /** Their own part of an organisation's trustworthiness (a draw from 0 to 1), which they carry between posts. */
    integrity: f(),
    /** Their present (or last) post: an index into World.posts (-1 before their first). */
    post: new Int32Array(poolSize),
  };
}

/** Leaders as people: one entry per leader who has been in the system, with a stable id. */
export type Leaders = ReturnType<typeof createLeaders>;

/** Adds a leader with this experience and integrity, out of post, growing the pool if full; returns their id. */
export function addLeaderInPlace(world: World, experience: number, integrity: number): number {
  const leaders = world.leaders;
  if (leaders.count === leaders.poolSize) growPoolInPlace(leaders, createLeaders);
  const id = leaders.count++;
  leaders.org[id] = -1;
  leaders.experience[id] = experience;
  leaders.since[id] = 0;
  leaders.integrity[id] = integrity;
  leaders.post[id] = -1;
  return id;
}

/** Returns the experience of organisation i's leader. */
export function experienceOf(world: World, i: number): number {
  return world.orgs.leaderExperience[i];
}

/** Sets leader id's experience, in place, and their organisation's copy if they are in post. */
export function setExperienceInPlace(world: World, id: number, experience: number): void {
  world.leaders.experience[id] = experience;
  const i = world.leaders.org[id];
  if (i >= 0) world.orgs.leaderExperience[i] = experience;
}

/** Adds a role at this depth, joined this step, growing the pool if full; returns its slot. Its member is committed to
 * the partnership (1) unless compelled (0); its judgement starts at indifference, its best judgement at −∞. */
export function addRoleInPlace(world: World, step: number, depth: Depth, compelled: boolean): number {
  const roles = world.roles;
  const slot = takeSlotInPlace(roles, createRoles);
  roles.belief[slot] = 0;
  roles.commitment[slot] = compelled ? 0 : 1;
  roles.trust[slot] = 0;
  roles.orgTrust[slot] = 0;
  roles.leaderTrust[slot] = 0;
  roles.joined[slot] = step;
  roles.core[slot] = +(depth === 'core');
  roles.leadTie[slot] = -1;
  roles.bestBelief[slot] = Number.NEGATIVE_INFINITY;
  roles.bestFund[slot] = 0;
  roles.bestSocial[slot] = 0;
  roles.bestCompetition[slot] = 0;
  roles.bestCapacity[slot] = 0;
  roles.bestValues[slot] = 0;
  roles.bestOrgTrust[slot] = 0;
  roles.bestLeaderTrust[slot] = 0;
  roles.bestCarrot[slot] = 0;
  return slot;
}

/** Returns the depth of the role at this slot. */
export function depthOf(roles: Roles, slot: number): Depth {
  return roles.core[slot] === 1 ? 'core' : 'wider';
}

// Returns a slot of a pool with a free list (ties or roles), in place: the last freed, else the next never used, the
// pool doubled first when full.
function takeSlotInPlace<T extends { poolSize: number; count: number; free: number[] }>(pool: T, create: (poolSize: number) => T): number {
  if (pool.free.length > 0) return pool.free.pop() as number;
  if (pool.count === pool.poolSize) growPoolInPlace(pool, create);
  return pool.count++;
}

// Doubles a pool (ties, leaders or roles): every typed-array field is copied into one twice as long.
function growPoolInPlace<T extends { poolSize: number }>(pool: T, create: (poolSize: number) => T): void {
  const grown = create(pool.poolSize * 2);
  const fields = pool as unknown as Record<string, { set(from: ArrayLike<number>): void }>;
  for (const [name, value] of Object.entries(grown)) {
    if (!ArrayBuffer.isView(value)) continue;
    (value as unknown as { set(from: ArrayLike<number>): void }).set(fields[name] as unknown as ArrayLike<number>);
    (fields as Record<string, unknown>)[name] = value;
  }
  pool.poolSize = grown.poolSize;
}

/** Returns the slot of the tie between i and j, or -1 when they have none: looked for among the partners of the end
 * with fewer ties. */
export function findTie(world: World, i: number, j: number): number {
  const lists = world.orgs.ties;
  const swap = lists.length[j] < lists.length[i];
  const from = swap ? j : i;
  const other = swap ? i : j;
  const { slot, partner } = lists.columns;
  const start = lists.start[from];
  const end = start + lists.length[from];
  for (let k = start; k < end; k++) if (partner[k] === other) return slot[k];
  return -1;
}

/** Returns the slot of the tie between i and j, or -1 when they have none: `hint` when the tie is at that slot (a slot it
 * was at before; the ends' lists are not searched), else findTie's. */
export function findTieFrom(world: World, i: number, j: number, hint: number): number {
  const t = world.ties;
  if (hint >= 0 && t.alive[hint] === 1 && t.a[hint] === Math.min(i, j) && t.b[hint] === Math.max(i, j)) return hint;
  return findTie(world, i, j);
}

/** Adds a tie between i and j (or returns the one they have) with this starting trust and strength, counting
 * the partnerships they already share; returns its slot. */
export function addTieInPlace(world: World, i: number, j: number, trust: number, strength: number): number {
  const existing = findTie(world, i, j);
  if (existing >= 0) return existing;
  const ties = world.ties;
  const slot = takeSlotInPlace(ties, createTies);
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
  ties.sharedPrincipled[slot] = 0;
  ties.sharedConvened[slot] = 0;
  listTieInPlace(world.orgs.ties, lo, slot, hi);
  listTieInPlace(world.orgs.ties, hi, slot, lo);
  const memberships = world.orgs.partnerships;
  for (let k = 0; k < memberships.length[lo]; k++) {
    const id = memberships.columns.id[memberships.start[lo] + k];
    if (indexInList(memberships, 'id', hi, id) < 0) continue;
    const p = world.partnerships[id];
    if (!isCore(world, p, lo) || !isCore(world, p, hi)) continue;
    countSharedInPlace(ties, slot, p, 1);
    p.ties.push(slot);
  }
  return slot;
}

// Adds a tie at this slot, whose other end is partner, to the end of organisation i's list, in place.
function listTieInPlace(lists: Orgs['ties'], i: number, slot: number, partner: number): void {
  const at = appendToListInPlace(lists, i);
  lists.columns.slot[at] = slot;
  lists.columns.partner[at] = partner;
}

/** Adds partnership id to the end of organisation i's list of partnerships, in place. */
export function listPartnershipInPlace(orgs: Orgs, i: number, id: number): void {
  // Appended before the column is read: appending may rebuild the columns.
  const at = appendToListInPlace(orgs.partnerships, i);
  orgs.partnerships.columns.id[at] = id;
}

/** Removes partnership id from organisation i's list of partnerships, in place, keeping the order of the rest. */
export function unlistPartnershipInPlace(orgs: Orgs, i: number, id: number): void {
  removeFromListInPlace(orgs.partnerships, i, indexInList(orgs.partnerships, 'id', i, id));
}

/** Returns whether member i of p is in its core group (every member of a small group is). */
export function isCore(world: World, p: Partnership, i: number): boolean {
  return p.scope === 'group' || world.roles.core[p.roles[p.members.indexOf(i)]] === 1;
}

/** Returns p's core members (all of a small group's members), in member order. */
export function coreOf(world: World, p: Partnership): number[] {
  return p.scope === 'group' ? p.members : p.members.filter((_, k) => world.roles.core[p.roles[k]] === 1);
}

/** Counts a partnership in (sign 1) or out of (sign -1) a tie's shared partnerships, with its principles and its
 * local authority's part, in place. */
export function countSharedInPlace(ties: Ties, slot: number, p: Partnership, sign: 1 | -1): void {
  ties.shared[slot] += sign;
  ties.sharedPrincipled[slot] += sign * +p.principles;
  ties.sharedConvened[slot] += sign * +p.laInvolved;
}

/** Removes the tie in this slot from the pool and from both ends' lists; only a tie in no shared partnership is removed. */
export function removeTieInPlace(world: World, slot: number): void {
  const ties = world.ties;
  const lo = ties.a[slot];
  const hi = ties.b[slot];
  ties.alive[slot] = 0;
  removeFromListInPlace(world.orgs.ties, lo, indexInList(world.orgs.ties, 'slot', lo, slot));
  removeFromListInPlace(world.orgs.ties, hi, indexInList(world.orgs.ties, 'slot', hi, slot));
  ties.free.push(slot);
}

/** Returns the other end of a tie seen from organisation i. */
export function otherEnd(ties: Ties, slot: number, i: number): number {
  return ties.a[slot] === i ? ties.b[slot] : ties.a[slot];
}

/** Returns effective trust: organisation-level and leader-level trust combined, the leader's by this weight
 * (trustTypes.leaderWeight). Linear, so applied to a pair's sums it gives the pair's summed effective trust. */
export function effectiveTrust(organisation: number, leader: number, leaderWeight: number): number {
  return (1 - leaderWeight) * organisation + leaderWeight * leader;
}

/** Returns i's effective trust in the other end of a tie. */
export function trustFrom(ties: Ties, slot: number, i: number, leaderWeight: number): number {
  return trustOf(ties, slot, ties.a[slot] === i, leaderWeight);
}

/** Returns the effective trust of one end of a tie in the other: of its lower end (A) in B when `lower`, else of B in A. */
export function trustOf(ties: Ties, slot: number, lower: boolean, leaderWeight: number): number {
  return lower
    ? effectiveTrust(ties.trustAB[slot], ties.leaderAB[slot], leaderWeight)
    : effectiveTrust(ties.trustBA[slot], ties.leaderBA[slot], leaderWeight);
}
