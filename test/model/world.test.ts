// The sparse tie pool: adding, finding and removing ties keeps the pool and both ends' lists (of ties and of
// partners) consistent, reuses freed slots, grows past its capacity, and counts the partnerships both ends share. The
// organisations' flat lists keep their order and their own room as they fill, move and are rebuilt.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addTieInPlace,
  appendToListInPlace,
  createOrgLists,
  findTie,
  indexInList,
  listOf,
  listPartnershipInPlace,
  removeFromListInPlace,
  removeTieInPlace,
  type Partnership,
  type World,
} from '../../src/model/world.ts';
import { brokenLayout } from './invariants.ts';
import { smallWorld } from './small-world.ts';

/** Asserts that the pool and the organisations' lists describe exactly the pairs in `expected`. */
function expectConsistent(world: World, expected: ReadonlySet<string>): void {
  const { ties, orgs } = world;
  expect(ties.count).toBeLessThanOrEqual(ties.poolSize);
  for (const field of [ties.a, ties.b, ties.alive, ties.trustAB, ties.strength, ties.shared, ties.sharedPrincipled, ties.sharedConvened])
    expect(field.length).toBe(ties.poolSize);
  const alive: string[] = [];
  for (let slot = 0; slot < ties.count; slot++) {
    const lo = ties.a[slot];
    const hi = ties.b[slot];
    if (ties.alive[slot] === 1) {
      alive.push(`${lo}-${hi}`);
      expect(lo).toBeLessThan(hi);
      expect(findTie(world, lo, hi)).toBe(slot);
      expect(findTie(world, hi, lo)).toBe(slot);
      expect(listOf(orgs.ties, 'slot', lo).filter((s) => s === slot)).toHaveLength(1);
      expect(listOf(orgs.ties, 'slot', hi).filter((s) => s === slot)).toHaveLength(1);
      expect(ties.free).not.toContain(slot);
    } else {
      expect(ties.free.filter((s) => s === slot)).toHaveLength(1);
    }
  }
  expect(new Set(alive)).toEqual(expected);
  expect(alive).toHaveLength(expected.size);
  expect(ties.free.length + expected.size).toBe(ties.count);
  for (let i = 0; i < orgs.n; i++) {
    const partners = listOf(orgs.ties, 'partner', i);
    listOf(orgs.ties, 'slot', i).forEach((slot, k) => {
      expect(ties.alive[slot]).toBe(1);
      expect(ties.a[slot] === i || ties.b[slot] === i).toBe(true);
      expect(partners[k]).toBe(ties.a[slot] === i ? ties.b[slot] : ties.a[slot]);
    });
  }
  const ends = orgs.ties.length.reduce((s, length) => s + length, 0);
  expect(ends).toBe(2 * expected.size);
}

const key = (i: number, j: number) => `${Math.min(i, j)}-${Math.max(i, j)}`;

describe('addTieInPlace / findTie', () => {
  it('adds a tie with its starting values, the lower index as side A, and finds it from either end', () => {
    const world = smallWorld(6, { poolSize: 8 });
    expect(findTie(world, 4, 1)).toBe(-1);
    const slot = addTieInPlace(world, 4, 1, 0.3, 0.2);
    const t = world.ties;
    expect([t.a[slot], t.b[slot], t.alive[slot]]).toEqual([1, 4, 1]);
    expect([t.trustAB[slot], t.trustBA[slot], t.leaderAB[slot], t.leaderBA[slot]]).toEqual([0.3, 0.3, 0.3, 0.3]);
    expect([t.damageAB[slot], t.damageBA[slot], t.strength[slot], t.age[slot], t.interactions[slot]]).toEqual([0, 0, 0.2, 0, 0]);
    expect(findTie(world, 1, 4)).toBe(slot);
    expect(findTie(world, 4, 1)).toBe(slot);
    expect(findTie(world, 1, 5)).toBe(-1);
    expectConsistent(world, new Set([key(1, 4)]));
  });

  it('returns the existing tie for a pair that has one, leaving its state alone', () => {
    const world = smallWorld(4, { poolSize: 8 });
    const slot = addTieInPlace(world, 0, 2, 0.3, 0.2);
    world.ties.trustAB[slot] = 0.9;
    expect(addTieInPlace(world, 2, 0, 0.1, 0.1)).toBe(slot);
    expect(world.ties.trustAB[slot]).toBe(0.9);
    expect(world.ties.strength[slot]).toBe(0.2);
    expectConsistent(world, new Set([key(0, 2)]));
  });
});

describe('removeTieInPlace', () => {
  it('removes the tie from the pool and both ends, and its slot is reused by the next tie', () => {
    const world = smallWorld(6, { poolSize: 8 });
    const s01 = addTieInPlace(world, 0, 1, 0.2, 0.1);
    const s12 = addTieInPlace(world, 1, 2, 0.2, 0.1);
    const s23 = addTieInPlace(world, 2, 3, 0.2, 0.1);
    removeTieInPlace(world, s12);
    expect(findTie(world, 1, 2)).toBe(-1);
    expect(listOf(world.orgs.ties, 'slot', 1)).toEqual([s01]);
    expect(listOf(world.orgs.ties, 'slot', 2)).toEqual([s23]);
    expectConsistent(world, new Set([key(0, 1), key(2, 3)]));
    const reused = addTieInPlace(world, 4, 5, 0.5, 0.4);
    expect(reused).toBe(s12);
    expect(world.ties.count).toBe(3);
    expect([world.ties.trustAB[reused], world.ties.strength[reused]]).toEqual([0.5, 0.4]);
    expectConsistent(world, new Set([key(0, 1), key(2, 3), key(4, 5)]));
  });

  it('keeps the order of both ends’ lists, and finds a pair removed and tied again at its new slot', () => {
    const world = smallWorld(6, { poolSize: 8 });
    const s01 = addTieInPlace(world, 0, 1, 0.2, 0.1);
    const s02 = addTieInPlace(world, 0, 2, 0.2, 0.1);
    const s03 = addTieInPlace(world, 0, 3, 0.2, 0.1);
    const s04 = addTieInPlace(world, 0, 4, 0.2, 0.1);
    removeTieInPlace(world, s02);
    expect(listOf(world.orgs.ties, 'slot', 0)).toEqual([s01, s03, s04]);
    expect(listOf(world.orgs.ties, 'partner', 0)).toEqual([1, 3, 4]);
    removeTieInPlace(world, s04);
    const s45 = addTieInPlace(world, 4, 5, 0.2, 0.1);
    expect(s45).toBe(s04);
    const s20 = addTieInPlace(world, 2, 0, 0.2, 0.1);
    expect(s20).toBe(s02);
    expect(listOf(world.orgs.ties, 'slot', 0)).toEqual([s01, s03, s20]);
    expect(listOf(world.orgs.ties, 'partner', 0)).toEqual([1, 3, 2]);
    expect([findTie(world, 0, 2), findTie(world, 2, 0), findTie(world, 0, 4), findTie(world, 5, 4)]).toEqual([s20, s20, -1, s45]);
    expectConsistent(world, new Set([key(0, 1), key(0, 3), key(0, 2), key(4, 5)]));
  });
});

describe('growing the pool', () => {
  it('grows past the initial capacity and keeps every tie and its values', () => {
    const world = smallWorld(12, { poolSize: 2 });
    const pairs: [number, number][] = [];
    for (let i = 0; i < 11; i++) pairs.push([i, i + 1], [i, (i + 5) % 12]);
    const slots = pairs.map(([i, j], k) => {
      const slot = addTieInPlace(world, i, j, 0.1, 0.1);
      world.ties.trustAB[slot] = k / 100;
      return slot;
    });
    const expected = new Set(pairs.map(([i, j]) => key(i, j)));
    expect(world.ties.poolSize).toBeGreaterThanOrEqual(expected.size);
    expect(world.ties.poolSize).toBeGreaterThan(2);
    expectConsistent(world, expected);
    // The last value written to a slot survives every growth.
    const last = new Map<number, number>();
    slots.forEach((slot, k) => last.set(slot, k / 100));
    for (const [slot, value] of last) expect(world.ties.trustAB[slot]).toBe(value);
  });
});

describe('any sequence of adds and removes', () => {
  it('keeps the pool and the lists consistent with the set of pairs added and not removed', () => {
    const n = 9;
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), i: fc.nat({ max: n - 1 }), j: fc.nat({ max: n - 1 }) }),
      fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 1, max: 8 }), (ops, capacity) => {
        const world = smallWorld(n, { poolSize: capacity });
        const expected = new Set<string>();
        let peak = 0;
        for (const o of ops) {
          if (o.kind === 'add') {
            if (o.i === o.j) continue;
            const before = findTie(world, o.i, o.j);
            const free = [...world.ties.free];
            const slot = addTieInPlace(world, o.i, o.j, 0.2, 0.1);
            if (before >= 0) expect(slot).toBe(before);
            else if (free.length > 0) expect(free).toContain(slot);
            expected.add(key(o.i, o.j));
            peak = Math.max(peak, expected.size);
          } else {
            if (expected.size === 0) continue;
            const pair = [...expected][o.pick % expected.size];
            const [i, j] = pair.split('-').map(Number);
            const freeBefore = world.ties.free.length;
            removeTieInPlace(world, findTie(world, i, j));
            expect(world.ties.free.length).toBe(freeBefore + 1);
            expected.delete(pair);
          }
        }
        expectConsistent(world, expected);
        // Slots are reused: the pool takes a new slot only when none is free, so it holds as many as were ever alive at once.
        expect(world.ties.count).toBe(peak);
      }),
      { numRuns: 300 },
    );
  });

  it('reuses a freed slot before taking a new one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), fc.nat(), (count, pick) => {
        const world = smallWorld(count + 1, { poolSize: 4 });
        const slots = Array.from({ length: count }, (_, k) => addTieInPlace(world, 0, k + 1, 0.2, 0.1));
        const gone = slots[pick % count];
        removeTieInPlace(world, gone);
        const before = world.ties.count;
        expect(addTieInPlace(world, 1, 2, 0.2, 0.1)).toBe(gone);
        expect(world.ties.count).toBe(before);
      }),
    );
  });
});

describe('shared partnerships', () => {
  const features = { trust: 0, network: 0, norms: 0, motivation: 0, score: 0 };
  const partnership = (id: number, members: number[], how: { principles?: boolean; laInvolved?: boolean } = {}): Partnership => ({
    id,
    area: 0,
    scope: 'group',
    core: members.length,
    formedStep: 0,
    endedStep: null,
    endReason: null,
    lead: members[0],
    mandate: 'voluntary',
    principles: how.principles ?? false,
    laInvolved: how.laInvolved ?? false,
    funded: false,
    leadExperience: 0,
    members,
    roles: [],
    ties: [],
    ...features,
    level: 0,
    peakLevel: 0,
    peak: { ...features },
  });

  it('counts the partnerships both ends already share, those with agreed principles and those the LA convenes, and joins their networks', () => {
    const world = smallWorld(5, { poolSize: 4 });
    const voluntary = partnership(0, [0, 1, 2]);
    const mandated = partnership(1, [0, 1, 3], { principles: true, laInvolved: true });
    const other = partnership(2, [1, 4], { laInvolved: true });
    for (const p of [voluntary, mandated, other]) {
      world.partnerships.push(p);
      world.active.push(p.id);
      for (const i of p.members) listPartnershipInPlace(world.orgs, i, p.id);
    }
    const s01 = addTieInPlace(world, 1, 0, 0.2, 0.1);
    expect([world.ties.shared[s01], world.ties.sharedPrincipled[s01], world.ties.sharedConvened[s01]]).toEqual([2, 1, 1]);
    expect(voluntary.ties).toEqual([s01]);
    expect(mandated.ties).toEqual([s01]);
    expect(other.ties).toEqual([]);
    const s02 = addTieInPlace(world, 0, 2, 0.2, 0.1);
    expect([world.ties.shared[s02], world.ties.sharedPrincipled[s02], world.ties.sharedConvened[s02]]).toEqual([1, 0, 0]);
    const s24 = addTieInPlace(world, 2, 4, 0.2, 0.1);
    expect([world.ties.shared[s24], world.ties.sharedPrincipled[s24], world.ties.sharedConvened[s24]]).toEqual([0, 0, 0]);
    expect(voluntary.ties).toEqual([s01, s02]);
  });

  it('gives a reused slot fresh counts, not those of the tie that held it', () => {
    const world = smallWorld(4, { poolSize: 4 });
    const p = partnership(0, [0, 1], { principles: true, laInvolved: true });
    world.partnerships.push(p);
    const slot = addTieInPlace(world, 0, 1, 0.2, 0.1);
    world.ties.shared[slot] = 3;
    world.ties.sharedPrincipled[slot] = 2;
    world.ties.sharedConvened[slot] = 2;
    world.ties.damageAB[slot] = 0.5;
    removeTieInPlace(world, slot);
    const reused = addTieInPlace(world, 2, 3, 0.2, 0.1);
    expect(reused).toBe(slot);
    const { shared, sharedPrincipled, sharedConvened, damageAB } = world.ties;
    expect([shared[reused], sharedPrincipled[reused], sharedConvened[reused], damageAB[reused]]).toEqual([0, 0, 0, 0]);
  });
});

describe('createOrgLists', () => {
  it('keeps every list in order, its columns together, as lists fill and move and the columns are rebuilt', () => {
    // Three organisations' lists grown in turn, far past the room the columns start with, with entries taken out of the
    // middle and the ends on the way: each list keeps its order, and its own room.
    const lists = createOrgLists(3, ['value', 'twice']);
    const expected: number[][] = [[], [], []];
    const firstRoom = lists.columns.value.length;
    for (let k = 0; k < 200; k++) {
      const i = (k * k) % 3;
      const at = appendToListInPlace(lists, i);
      lists.columns.value[at] = k;
      lists.columns.twice[at] = 2 * k;
      expected[i].push(k);
      if (k % 5 === 4) {
        const j = k % 3;
        const drop = expected[j][(k * 7) % expected[j].length];
        removeFromListInPlace(lists, j, indexInList(lists, 'value', j, drop));
        expected[j].splice(expected[j].indexOf(drop), 1);
      }
      expect(brokenLayout('lists', lists)).toEqual([]);
    }
    expect(lists.columns.value.length).toBeGreaterThan(firstRoom);
    for (let i = 0; i < 3; i++) {
      expect(listOf(lists, 'value', i)).toEqual(expected[i]);
      expect(listOf(lists, 'twice', i)).toEqual(expected[i].map((v) => 2 * v));
    }
  });

  it('lists an organisation’s partnerships past a rebuild of the columns', () => {
    const world = smallWorld(2);
    for (let id = 0; id < 40; id++) listPartnershipInPlace(world.orgs, id % 2, id);
    expect(listOf(world.orgs.partnerships, 'id', 0)).toEqual(Array.from({ length: 20 }, (_, k) => 2 * k));
    expect(listOf(world.orgs.partnerships, 'id', 1)).toEqual(Array.from({ length: 20 }, (_, k) => 2 * k + 1));
  });
});
