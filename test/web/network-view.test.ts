// What the network view draws around each organisation: rings for the partnerships whose core it is in, and a light
// ring for the area-wide partnerships whose wider membership it is in (their core drawn as any partnership's); and in a
// large world, which ties it draws: up to a budget, those inside partnerships first, the strongest first.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCore, listOf } from '../../src/model/world.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { ClassroomRun } from '../../src/web/classroom.ts';
import { fillAndStrokePath, PathInParts, strokePath, strongestTiesFloor } from '../../src/web/network-view.ts';
import { membershipRingsInPlace, picture, RINGS } from '../../src/web/picture.ts';

const scenario = loadScenario(
  'scenarios/baseline.yaml',
  createMemoryHost({ 'scenarios/baseline.yaml': readFileSync('scenarios/baseline.yaml', 'utf8') }),
);
const run = new ClassroomRun('A', scenario, scenario.time.seed, {});
for (let s = 0; s < 60; s++) run.advance();
const world = run.sim.world;

describe('membership rings', () => {
  const rings = new Int8Array(world.orgs.n * RINGS);
  const wider = new Int8Array(world.orgs.n);
  membershipRingsInPlace(world, rings, wider);
  const areaWide = world.active.map((id) => world.partnerships[id]).filter((p) => p.scope === 'area');

  it('has area-wide partnerships with wider members in the baseline at year 5', () => {
    expect(areaWide.length).toBeGreaterThan(0);
    expect(areaWide.some((p) => p.members.some((i) => !isCore(world, p, i)))).toBe(true);
  });

  it('rings an organisation for the partnerships whose core it is in, highest level first, at most RINGS', () => {
    for (let i = 0; i < world.orgs.n; i++) {
      const levels = listOf(world.orgs.partnerships, 'id', i)
        .map((id) => world.partnerships[id])
        .filter((p) => isCore(world, p, i))
        .map((p) => p.level)
        .sort((x, y) => y - x)
        .slice(0, RINGS);
      expect(Array.from(rings.subarray(i * RINGS, i * RINGS + levels.length))).toEqual(levels);
      expect(Array.from(rings.subarray(i * RINGS + levels.length, (i + 1) * RINGS)).every((l) => l === -1)).toBe(true);
    }
  });

  it('marks a wider member with the highest level of the area-wide partnerships it is a wider member of, others -1', () => {
    for (let i = 0; i < world.orgs.n; i++) {
      const levels = listOf(world.orgs.partnerships, 'id', i)
        .map((id) => world.partnerships[id])
        .filter((p) => !isCore(world, p, i))
        .map((p) => p.level);
      expect(wider[i]).toBe(levels.length > 0 ? Math.max(...levels) : -1);
    }
  });
});

describe('the ties a large world draws', () => {
  const { picture: shown } = picture(run);
  const live = (keep: (slot: number) => boolean) =>
    Array.from({ length: shown.tieCount }, (_, slot) => slot).filter((slot) => shown.tieAlive[slot] === 1 && keep(slot));
  const inPartnerships = live((slot) => shown.tieLevel[slot] >= 0).length;
  const rank = (slot: number) => (shown.tieLevel[slot] >= 0 ? 1 : 0) + shown.tieTrust[slot];
  const drawn = (floor: number) => live((slot) => rank(slot) >= floor).length;

  it('draws them all when the budget allows', () => {
    expect(strongestTiesFloor(shown, live(() => true).length)).toBe(0);
  });

  it('keeps within the budget, every tie inside a partnership and the strongest others first', () => {
    const budget = inPartnerships + Math.floor((live(() => true).length - inPartnerships) / 3);
    const floor = strongestTiesFloor(shown, budget);
    expect(floor).toBeGreaterThan(0);
    expect(drawn(floor)).toBeLessThanOrEqual(budget);
    // One bin lower would pass the budget: the floor leaves out no more than it must.
    expect(drawn(floor - 1 / 64)).toBeGreaterThan(budget);
    expect(floor).toBeLessThanOrEqual(1);
    expect(drawn(floor)).toBeGreaterThanOrEqual(inPartnerships);
  });

  it('leaves out the weakest ties inside partnerships when they alone pass the budget', () => {
    const budget = Math.floor(inPartnerships / 2);
    const floor = strongestTiesFloor(shown, budget);
    expect(floor).toBeGreaterThan(1);
    expect(drawn(floor)).toBeLessThanOrEqual(budget);
    expect(drawn(floor - 1 / 64)).toBeGreaterThan(budget);
  });
});

describe('a path of many shapes, drawn in parts', () => {
  // A canvas that records the calls that begin and end a path.
  const recording = () => {
    const calls: string[] = [];
    const ctx = {
      beginPath: () => calls.push('begin'),
      stroke: () => calls.push('stroke'),
      fill: () => calls.push('fill'),
    } as unknown as CanvasRenderingContext2D;
    return { ctx, calls };
  };

  it('ends a part every PATH_PART shapes and the last, shorter part at the end', () => {
    const { ctx, calls } = recording();
    const path = new PathInParts(ctx, strokePath);
    for (let k = 0; k < 2 * 256 + 88; k++) path.added();
    path.end();
    expect(calls).toEqual(['begin', 'stroke', 'begin', 'stroke', 'begin', 'stroke']);
  });

  it('draws nothing more at the end when the shapes filled the last part exactly, or there were none', () => {
    const full = recording();
    const path = new PathInParts(full.ctx, fillAndStrokePath);
    for (let k = 0; k < 256; k++) path.added();
    path.end();
    expect(full.calls).toEqual(['begin', 'fill', 'stroke', 'begin']);
    const empty = recording();
    new PathInParts(empty.ctx, strokePath).end();
    expect(empty.calls).toEqual(['begin']);
  });
});
