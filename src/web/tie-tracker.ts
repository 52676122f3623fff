// The page's memory of ties between frames, kept per tie pair: when each tie appeared (to fade it in), the trust it had
// when last seen, and the ties that broke (to flash them red, as thick as their trust was, as they fade out). The model's tie pool reuses slots; a slot whose pair changed held a tie that ended and now
// holds a new one. Time is passed in, so the tracker is a pure function of the states it is shown.
import { effectiveTrust, type Ties } from '../model/world.ts';

/** How long a new tie takes to fade in, and a broken one to fade out, in ms, at most (at high speed, a few steps' time). */
export const FADE_IN_MS = 700;
export const FADE_OUT_MS = 1100;
/** How many steps' time a fade lasts at most, so that fast play does not pile up fading ties. */
const FADE_STEPS = 4;
/** Most broken ties remembered at once (the oldest are forgotten first). */
export const DYING_CAPACITY = 1024;

/** Returns the effective trust of a tie, both directions averaged (what its thickness shows), leader-level trust
 * weighed by the run's trustTypes.leaderWeight. */
export function tieTrust(ties: Ties, slot: number, leaderWeight: number): number {
  return effectiveTrust(ties.trustAB[slot] + ties.trustBA[slot], ties.leaderAB[slot] + ties.leaderBA[slot], leaderWeight) / 2;
}

/** A tie pool as the tracker reads it: the slots in use, each slot's ends and whether it is alive, and each tie's trust
 * as drawn (tieTrust). */
export interface TrackedTies {
  readonly count: number;
  readonly a: ArrayLike<number>;
  readonly b: ArrayLike<number>;
  readonly alive: ArrayLike<number>;
  readonly trust: ArrayLike<number>;
}

/** Per-tie animation state of one run's tie pool. */
export class TieTracker {
  /** Pair key (lower * n + higher) last seen in each slot, -1 for none. */
  pair: Float64Array<ArrayBuffer> = new Float64Array(0);
  /** When the tie in each slot appeared (ms; -Infinity for ties there from the start). */
  born: Float64Array<ArrayBuffer> = new Float64Array(0);
  /** Trust of each tie when last synced: what it is drawn with. */
  shown: Float64Array<ArrayBuffer> = new Float64Array(0);
  /** Broken ties: their ends, the trust they had, when they broke; a ring of DYING_CAPACITY. */
  readonly dyingA = new Int32Array(DYING_CAPACITY);
  readonly dyingB = new Int32Array(DYING_CAPACITY);
  readonly dyingTrust = new Float64Array(DYING_CAPACITY);
  readonly dyingAt = new Float64Array(DYING_CAPACITY).fill(-Infinity);
  private dyingNext = 0;
  private seen = 0;
  /** How long fades last now (shorter at high speed). */
  fadeInMs = FADE_IN_MS;
  fadeOutMs = FADE_OUT_MS;

  /** Sets the speed of play in steps per second: a fade lasts at most FADE_STEPS steps' time. */
  setPace(stepsPerSecond: number): void {
    const step = 1000 / Math.max(1, stepsPerSecond);
    this.fadeInMs = Math.min(FADE_IN_MS, FADE_STEPS * step);
    this.fadeOutMs = Math.min(FADE_OUT_MS, 1.5 * FADE_STEPS * step);
  }

  /** Forgets everything: the next sync takes the ties it finds as there from the start. */
  clear(): void {
    this.pair.fill(-1);
    this.dyingAt.fill(-Infinity);
    this.seen = 0;
  }

  /** Takes in the tie pool after some steps at time `now`: new pairs are born, pairs gone are dying. With `initial`, every
   * tie is taken as there from the start (no fade). Returns how many ties were born and how many broke. */
  sync(ties: TrackedTies, n: number, now: number, initial = false): { born: number; broke: number } {
    this.ensure(ties.count);
    let born = 0;
    let broke = 0;
    const end = Math.max(this.seen, ties.count);
    // A pair gone from its slot may live on in another (the pool reuses slots): it broke only if no slot holds it now.
    const live = new Set<number>();
    if (!initial) for (let slot = 0; slot < ties.count; slot++) if (ties.alive[slot] === 1) live.add(ties.a[slot] * n + ties.b[slot]);
    for (let slot = 0; slot < end; slot++) {
      const alive = slot < ties.count && ties.alive[slot] === 1;
      const key = alive ? ties.a[slot] * n + ties.b[slot] : -1;
      const old = this.pair[slot];
      if (old === key) continue;
      if (old >= 0 && !initial && !live.has(old)) {
        this.pushDying(Math.floor(old / n), old % n, this.shown[slot], now);
        broke++;
      }
      this.pair[slot] = key;
      if (key >= 0) {
        this.born[slot] = initial ? -Infinity : now;
        born += initial ? 0 : 1;
      }
    }
    for (let slot = 0; slot < ties.count; slot++) if (ties.alive[slot] === 1) this.shown[slot] = ties.trust[slot];
    this.seen = ties.count;
    return { born, broke };
  }

  /** Returns how far a tie has faded in at `now`, from 0 (just born) to 1. */
  fadeIn(slot: number, now: number): number {
    return Math.min(1, Math.max(0, (now - this.born[slot]) / this.fadeInMs));
  }

  /** Returns how much of a broken tie is left to see at `now`: 1 as it breaks, 0 once faded (or for an empty entry). */
  dyingLeft(k: number, now: number): number {
    return Math.max(0, 1 - (now - this.dyingAt[k]) / this.fadeOutMs);
  }

  private pushDying(a: number, b: number, trust: number, now: number): void {
    const k = this.dyingNext;
    this.dyingA[k] = a;
    this.dyingB[k] = b;
    this.dyingTrust[k] = trust;
    this.dyingAt[k] = now;
    this.dyingNext = (k + 1) % DYING_CAPACITY;
  }

  private ensure(capacity: number): void {
    if (this.pair.length >= capacity) return;
    const grow = (old: Float64Array<ArrayBuffer>, fill: number): Float64Array<ArrayBuffer> => {
      const next = new Float64Array(capacity).fill(fill);
      next.set(old);
      return next;
    };
    this.pair = grow(this.pair, -1);
    this.born = grow(this.born, -Infinity);
    this.shown = grow(this.shown, 0);
  }
}
