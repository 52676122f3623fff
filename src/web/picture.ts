// What the page draws of a run, as the model's worker sends it: the organisations' and ties' state copied into typed
// arrays (transferred, not cloned) with what the views derive from the partnerships and trusts already worked out, so
// that the page's thread never holds the world. picture() reads a run in the worker; the page only reads pictures.
import { inTrustElsewhere } from '../model/trusts.ts';
import { isCore, type World } from '../model/world.ts';
import type { ClassroomRun } from './classroom.ts';
import type { RunId } from './feed.ts';
import { tieTrust } from './tie-tracker.ts';

/** How many partnerships' rings an organisation shows at most. */
export const RINGS = 3;

/** A trust as the views show it: its name, its office (-1 for none), its lead and members (for the selected school's
 * links to its trust), and its home area. */
export interface TrustShown {
  readonly name: string;
  readonly office: number;
  readonly lead: number;
  readonly members: readonly number[];
  readonly home: number;
}

/** A run's state as drawn at one step: every array has one entry per organisation, tie slot (below tieCount) or area. */
export interface Picture {
  readonly run: RunId;
  readonly step: number;
  readonly n: number;
  readonly areaCount: number;
  readonly kind: Uint8Array;
  readonly area: Uint16Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly power: Float64Array;
  /** Each organisation's trust (-1: none), whether that trust is based outside its area, and its core memberships. */
  readonly trust: Int32Array;
  readonly elsewhere: Uint8Array;
  readonly memberships: Int32Array;
  /** Each organisation's partnership rings (RINGS a row, highest level first, -1 for none), and the highest level of
   * the area-wide partnerships whose wider membership it is in (-1: none). */
  readonly rings: Int8Array;
  readonly wider: Int8Array;
  readonly tieCount: number;
  readonly tieA: Int32Array;
  readonly tieB: Int32Array;
  readonly tieAlive: Uint8Array;
  /** Effective trust of each tie, both ways averaged (what its thickness shows). */
  readonly tieTrust: Float64Array;
  /** The highest level of an active partnership whose internal network holds the tie (-1: none), and that partnership. */
  readonly tieLevel: Int8Array;
  readonly tiePartnership: Int32Array;
  /** Per area: the highest level of its active area-wide partnership (-1: none), its active partnerships, members in
   * any partnership, and organisations. */
  readonly areaWide: Int8Array;
  readonly areaActive: Int32Array;
  readonly areaIn: Int32Array;
  readonly areaSize: Int32Array;
  /** Each partnership's area, by id (every partnership of the run, ended ones too). */
  readonly partnershipArea: Uint16Array;
  /** Each trust's colour (an index into TRUST_COLORS), and the trusts. */
  readonly trustColours: readonly number[];
  readonly trusts: readonly TrustShown[];
}

/** Returns a run's picture now, and the buffers to transfer with it (all its arrays: each is a fresh copy). */
export function picture(run: ClassroomRun): { picture: Picture; transfer: ArrayBuffer[] } {
  const world = run.sim.world;
  const { orgs, ties } = world;
  const n = orgs.n;
  const count = ties.count;
  const tieTrustNow = new Float64Array(count);
  const leaderWeight = run.sim.params.trustTypes.leaderWeight;
  for (let slot = 0; slot < count; slot++) if (ties.alive[slot] === 1) tieTrustNow[slot] = tieTrust(ties, slot, leaderWeight);
  const tieLevel = new Int8Array(count).fill(-1);
  const tiePartnership = new Int32Array(count).fill(-1);
  const areaWide = new Int8Array(world.areaCount).fill(-1);
  const areaActive = new Int32Array(world.areaCount);
  for (const id of world.active) {
    const p = world.partnerships[id];
    areaActive[p.area]++;
    if (p.scope === 'area') areaWide[p.area] = Math.max(areaWide[p.area], p.level);
    for (const slot of p.ties) {
      if (p.level > tieLevel[slot]) {
        tieLevel[slot] = p.level;
        tiePartnership[slot] = id;
      }
    }
  }
  const areaIn = new Int32Array(world.areaCount);
  const areaSize = new Int32Array(world.areaCount);
  const elsewhere = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    areaSize[orgs.area[i]]++;
    areaIn[orgs.area[i]] += +(orgs.memberships[i] > 0);
    elsewhere[i] = +inTrustElsewhere(world, i);
  }
  const rings = new Int8Array(n * RINGS);
  const wider = new Int8Array(n);
  membershipRingsInPlace(world, rings, wider);
  const shown: Picture = {
    run: run.id,
    step: run.step,
    n,
    areaCount: world.areaCount,
    kind: orgs.kind.slice(),
    area: orgs.area.slice(),
    x: orgs.x.slice(),
    y: orgs.y.slice(),
    power: orgs.power.slice(),
    trust: orgs.trust.slice(),
    elsewhere,
    memberships: orgs.memberships.slice(),
    rings,
    wider,
    tieCount: count,
    tieA: ties.a.slice(0, count),
    tieB: ties.b.slice(0, count),
    tieAlive: ties.alive.slice(0, count),
    tieTrust: tieTrustNow,
    tieLevel,
    tiePartnership,
    areaWide,
    areaActive,
    areaIn,
    areaSize,
    partnershipArea: Uint16Array.from(world.partnerships, (p) => p.area),
    trustColours: [...run.trustColours],
    trusts: world.trusts.map((t) => ({ name: t.name, office: t.office, lead: t.lead, members: [...t.members], home: t.home })),
  };
  const transfer = Object.values(shown)
    .filter((v): v is ArrayBufferView => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);
  return { picture: shown, transfer };
}

/** Sets each organisation's partnership rings (RINGS slots: the levels of the partnerships whose core it is in, highest
 * first, -1 for none) and its wider mark (the highest level of the area-wide partnerships whose wider membership it is in). */
export function membershipRingsInPlace(world: World, rings: Int8Array, wider: Int8Array): void {
  const orgs = world.orgs;
  rings.fill(-1);
  wider.fill(-1);
  const ids = orgs.partnerships.columns.id;
  for (let i = 0; i < orgs.n; i++) {
    const start = orgs.partnerships.start[i];
    for (let k = start; k < start + orgs.partnerships.length[i]; k++) {
      const p = world.partnerships[ids[k]];
      if (isCore(world, p, i)) insertLevel(rings, i * RINGS, p.level);
      else wider[i] = Math.max(wider[i], p.level);
    }
  }
}

// Puts a partnership's level into an organisation's ring slots, highest first (three kept).
function insertLevel(rings: Int8Array, at: number, level: number): void {
  for (let k = 0; k < RINGS; k++) {
    if (level > rings[at + k]) {
      for (let m = RINGS - 1; m > k; m--) rings[at + m] = rings[at + m - 1];
      rings[at + k] = level;
      return;
    }
  }
}

/** Returns the slots of an organisation's live ties in a picture. */
export function tiesOf(shown: Picture, org: number): number[] {
  const slots: number[] = [];
  for (let slot = 0; slot < shown.tieCount; slot++)
    if (shown.tieAlive[slot] === 1 && (shown.tieA[slot] === org || shown.tieB[slot] === org)) slots.push(slot);
  return slots;
}
