// The page's memory of ties: a new pair fades in, a pair gone is remembered breaking, a reused slot is a new pair.
import { describe, expect, it } from 'vitest';
import { addTieInPlace, removeTieInPlace, type Ties } from '../../src/model/world.ts';
import { TieTracker, tieTrust, type TrackedTies } from '../../src/web/tie-tracker.ts';
import { smallWorld } from '../model/small-world.ts';

const world = (n: number) => smallWorld(n, { poolSize: 2 });

/** The default weight of leader-level trust in effective trust. */
const LW = 0.5;

/** The tie pool as the model's worker sends it: each tie's trust as drawn, worked out. */
const tracked = (ties: Ties): TrackedTies => ({
  ...ties,
  trust: Float64Array.from({ length: ties.count }, (_, slot) => tieTrust(ties, slot, LW)),
});

describe('tie tracker', () => {
  it('takes the ties there at the start as settled', () => {
    const w = world(4);
    addTieInPlace(w, 0, 1, 0.4, 0.2);
    const t = new TieTracker();
    expect(t.sync(tracked(w.ties), 4, 1000, true)).toEqual({ born: 0, broke: 0 });
    expect(t.fadeIn(0, 1000)).toBe(1);
    expect(t.shown[0]).toBeCloseTo(0.4);
  });

  it('fades a new tie in over the fade time', () => {
    const w = world(4);
    const t = new TieTracker();
    t.sync(tracked(w.ties), 4, 0, true);
    const slot = addTieInPlace(w, 2, 3, 0.3, 0.1);
    expect(t.sync(tracked(w.ties), 4, 1000)).toEqual({ born: 1, broke: 0 });
    expect(t.fadeIn(slot, 1000)).toBe(0);
    expect(t.fadeIn(slot, 1000 + t.fadeInMs / 2)).toBeCloseTo(0.5);
    expect(t.fadeIn(slot, 1000 + t.fadeInMs)).toBe(1);
  });

  it('remembers a broken tie by its ends and trust, fading out', () => {
    const w = world(4);
    const slot = addTieInPlace(w, 1, 3, 0.6, 0.1);
    const t = new TieTracker();
    t.sync(tracked(w.ties), 4, 0, true);
    removeTieInPlace(w, slot);
    expect(t.sync(tracked(w.ties), 4, 500)).toEqual({ born: 0, broke: 1 });
    const k = t.dyingAt.indexOf(500);
    expect([t.dyingA[k], t.dyingB[k]]).toEqual([1, 3]);
    expect(t.dyingTrust[k]).toBeCloseTo(0.6);
    expect(t.dyingLeft(k, 500)).toBe(1);
    expect(t.dyingLeft(k, 500 + t.fadeOutMs)).toBe(0);
  });

  it('sees a slot taken by another pair as one tie broken and one born', () => {
    const w = world(5);
    const slot = addTieInPlace(w, 0, 1, 0.5, 0.1);
    const t = new TieTracker();
    t.sync(tracked(w.ties), 5, 0, true);
    removeTieInPlace(w, slot);
    expect(addTieInPlace(w, 3, 4, 0.2, 0.1)).toBe(slot);
    expect(t.sync(tracked(w.ties), 5, 100)).toEqual({ born: 1, broke: 1 });
    expect(t.pair[slot]).toBe(3 * 5 + 4);
  });

  it('does not see a pair that broke and formed again between frames as broken', () => {
    const w = world(4);
    const slot = addTieInPlace(w, 0, 2, 0.5, 0.1);
    addTieInPlace(w, 1, 2, 0.5, 0.1);
    const t = new TieTracker();
    t.sync(tracked(w.ties), 4, 0, true);
    removeTieInPlace(w, slot);
    addTieInPlace(w, 2, 3, 0.5, 0.1);
    addTieInPlace(w, 0, 2, 0.5, 0.1);
    expect(t.sync(tracked(w.ties), 4, 100).broke).toBe(0);
  });

  it('shortens fades when play is fast', () => {
    const t = new TieTracker();
    t.setPace(6);
    const slow = t.fadeInMs;
    t.setPace(60);
    expect(t.fadeInMs).toBeLessThan(slow);
    expect(t.fadeOutMs).toBeGreaterThan(0);
  });

  it('measures trust as the mean of both directions at both levels', () => {
    const w = world(2);
    const slot = addTieInPlace(w, 0, 1, 0.2, 0.1);
    w.ties.trustAB[slot] = 0.8;
    w.ties.leaderBA[slot] = 0.4;
    expect(tieTrust(w.ties, slot, 0.5)).toBeCloseTo((0.8 + 0.2 + 0.2 + 0.4) / 4);
    expect(tieTrust(w.ties, slot, 1)).toBeCloseTo((0.2 + 0.4) / 2);
  });
});
