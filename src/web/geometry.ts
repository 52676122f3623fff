// Plane geometry for the network view: convex hulls of partnerships, their padded outline as arcs, and
// distances for hit-testing clicks on nodes and ties. Pure functions of numbers.

/** A point on the canvas, in CSS pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One corner of a padded hull: an arc around a hull vertex from angle `start` to `end` (radians, increasing). */
export interface HullArc {
  readonly cx: number;
  readonly cy: number;
  readonly start: number;
  readonly end: number;
}

// z component of (a - o) x (b - o): positive when o, a, b turn in the positive direction (clockwise on a y-down screen).
function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Returns the convex hull of points in the positive direction (Andrew's monotone chain), without collinear points;
 * one or two points come back as they are (distinct ones only). */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((p, q) => p.x - q.x || p.y - q.y);
  const unique = sorted.filter((p, i) => i === 0 || p.x !== sorted[i - 1].x || p.y !== sorted[i - 1].y);
  if (unique.length < 3) return unique;
  const lower: Point[] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = unique.length - 1; i >= 0; i--) {
    const p = unique[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  // All points on one line: the chain keeps its two ends.
  return hull.length >= 2 ? hull : unique.slice(0, 1).concat(unique.slice(-1));
}

/** Returns the arcs that, joined by straight lines (as canvas `arc` calls in one path join them), outline a hull grown
 * by `pad` all round: a circle for one point, a capsule for two. */
export function paddedHullArcs(hull: readonly Point[]): HullArc[] {
  if (hull.length === 0) return [];
  if (hull.length === 1) return [{ cx: hull[0].x, cy: hull[0].y, start: 0, end: 2 * Math.PI }];
  const k = hull.length;
  const normal = (a: Point, b: Point): number => Math.atan2(-(b.x - a.x), b.y - a.y);
  return hull.map((v, i) => {
    const before = normal(hull[(i - 1 + k) % k], v);
    let after = normal(v, hull[(i + 1) % k]);
    while (after < before) after += 2 * Math.PI;
    return { cx: v.x, cy: v.y, start: before, end: after };
  });
}

/** Returns the distance from a point to the segment a-b. */
export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Returns the centroid of some points (the origin for none). */
export function centroid(points: readonly Point[]): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  for (const p of points) {
    x += p.x;
    y += p.y;
  }
  return { x: x / points.length, y: y / points.length };
}
