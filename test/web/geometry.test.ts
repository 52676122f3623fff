// Geometry of the network view: convex hulls, their padded outline, distances for clicks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centroid, convexHull, distanceToSegment, paddedHullArcs } from '../../src/web/geometry.ts';

describe('convex hull', () => {
  it('keeps the corners of a square and drops the inside and collinear points', () => {
    const hull = convexHull([
      { x: 0, y: 0 },
      { x: 2, y: 0 },
      { x: 2, y: 2 },
      { x: 0, y: 2 },
      { x: 1, y: 1 },
      { x: 1, y: 0 },
    ]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(
      expect.arrayContaining([
        { x: 0, y: 0 },
        { x: 2, y: 0 },
        { x: 2, y: 2 },
        { x: 0, y: 2 },
      ]),
    );
  });

  it('gives one or two points back, and a line of points as its two ends', () => {
    expect(
      convexHull([
        { x: 1, y: 1 },
        { x: 1, y: 1 },
      ]),
    ).toEqual([{ x: 1, y: 1 }]);
    expect(
      convexHull([
        { x: 0, y: 0 },
        { x: 3, y: 3 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 3, y: 3 },
    ]);
    expect(
      convexHull([
        { x: 0, y: 0 },
        { x: 1, y: 1 },
        { x: 2, y: 2 },
      ]),
    ).toEqual([
      { x: 0, y: 0 },
      { x: 2, y: 2 },
    ]);
  });

  it('contains every point it was given', () => {
    const point = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 30 }), (points) => {
        const hull = convexHull(points);
        if (hull.length < 3) return;
        for (const p of points) {
          for (let i = 0; i < hull.length; i++) {
            const a = hull[i];
            const b = hull[(i + 1) % hull.length];
            expect((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)).toBeGreaterThanOrEqual(-1e-9);
          }
        }
      }),
    );
  });
});

describe('padded hull', () => {
  it('is a whole circle around one point', () => {
    expect(paddedHullArcs([{ x: 3, y: 4 }])).toEqual([{ cx: 3, cy: 4, start: 0, end: 2 * Math.PI }]);
  });

  it('is a capsule around two points: two half circles facing away from each other', () => {
    const arcs = paddedHullArcs([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
    ]);
    expect(arcs).toHaveLength(2);
    for (const arc of arcs) expect(arc.end - arc.start).toBeCloseTo(Math.PI);
    // Around the right end the arc passes through angle 0 (pointing right, away from the other end).
    const right = arcs.find((a) => a.cx === 10)!;
    const through = (angle: number) => [angle, angle + 2 * Math.PI].some((t) => t >= right.start - 1e-9 && t <= right.end + 1e-9);
    expect(through(0)).toBe(true);
  });

  it('turns a full circle in all around a hull', () => {
    const arcs = paddedHullArcs(
      convexHull([
        { x: 0, y: 0 },
        { x: 4, y: 0 },
        { x: 4, y: 3 },
        { x: 0, y: 3 },
      ]),
    );
    expect(arcs.reduce((sum, a) => sum + (a.end - a.start), 0)).toBeCloseTo(2 * Math.PI);
  });
});

describe('distances', () => {
  it('measures to the nearest point of a segment, its ends included', () => {
    expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(distanceToSegment(-3, 4, 0, 0, 10, 0)).toBe(5);
    expect(distanceToSegment(1, 1, 2, 2, 2, 2)).toBeCloseTo(Math.SQRT2);
  });

  it('finds the centroid', () => {
    expect(
      centroid([
        { x: 0, y: 0 },
        { x: 4, y: 2 },
      ]),
    ).toEqual({ x: 2, y: 1 });
    expect(centroid([])).toEqual({ x: 0, y: 0 });
  });
});
