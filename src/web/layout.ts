// Where the network view draws things: each area a region of the canvas with its name, each organisation at its
// own position inside its area (the model's x, y: a place in the area's unit square, or a map position from the
// register, scaled into the area's box with north up), sized by power and nudged apart so no two overlap.
// A pure function of the organisations and the canvas size, computed again only on resize or a new run.

/** What the layout reads of the organisations (a World's Orgs has all of it). */
export interface LayoutOrgs {
  readonly n: number;
  readonly area: ArrayLike<number>;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly power: ArrayLike<number>;
}

/** One area's region of the canvas: its frame, the band at its top for its name, and the box its organisations sit in. */
export interface AreaCell {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Height of the band for the name (0 when the cell is too small for one). */
  readonly band: number;
  readonly inner: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
}

/** The layout of one network view. */
export interface NetworkLayout {
  readonly width: number;
  readonly height: number;
  readonly cols: number;
  readonly rows: number;
  readonly cells: readonly AreaCell[];
  /** Each organisation's centre and radius, in CSS pixels. */
  readonly px: Float64Array;
  readonly py: Float64Array;
  readonly r: Float64Array;
}

/** Returns the columns and rows of the grid of areas that gives each area the largest square-ish cell on a width x height canvas. */
export function areaGrid(areas: number, width: number, height: number): { cols: number; rows: number } {
  let best = { cols: 1, rows: Math.max(1, areas), size: -1, empty: Infinity };
  for (let cols = 1; cols <= Math.max(1, areas); cols++) {
    const rows = Math.ceil(areas / cols);
    const size = Math.min(width / cols, height / rows);
    const empty = cols * rows - areas;
    if (size > best.size + 1e-9 || (Math.abs(size - best.size) <= 1e-9 && empty < best.empty)) best = { cols, rows, size, empty };
  }
  return { cols: best.cols, rows: best.rows };
}

/** Gap between area cells, in CSS pixels. */
const GAP = 6;

/** How the model's x, y are read: a place in the area's unit square of a grid (organisations drawn from counts), or a
 * position on a map (the register's eastings and northings, in metres). */
export type Positions = 'grid' | 'map';

/** Returns the layout of organisations on a canvas of this size: areas in a grid, positions from x, y within each area. */
export function layoutNetwork(
  orgs: LayoutOrgs,
  areaCount: number,
  width: number,
  height: number,
  textScale = 1,
  positions: Positions = 'grid',
): NetworkLayout {
  const { cols, rows } = areaGrid(areaCount, width, height);
  const cw = (width - GAP * (cols + 1)) / cols;
  const ch = (height - GAP * (rows + 1)) / rows;
  const counts = new Array<number>(areaCount).fill(0);
  for (let i = 0; i < orgs.n; i++) counts[orgs.area[i]]++;
  const cells: AreaCell[] = [];
  for (let a = 0; a < areaCount; a++) {
    const x = GAP + (a % cols) * (cw + GAP);
    const y = GAP + Math.floor(a / cols) * (ch + GAP);
    const band = (ch >= 110 * textScale ? 28 : ch >= 50 * textScale ? 16 : 0) * textScale;
    const margin = Math.min(6, cw / 10);
    cells.push({
      x,
      y,
      w: cw,
      h: ch,
      band,
      inner: { x: x + margin, y: y + band + margin / 2, w: Math.max(1, cw - 2 * margin), h: Math.max(1, ch - band - margin) },
    });
  }
  const px = new Float64Array(orgs.n);
  const py = new Float64Array(orgs.n);
  const r = new Float64Array(orgs.n);
  const bounds = positions === 'map' ? areaBounds(orgs, areaCount) : [];
  for (let i = 0; i < orgs.n; i++) {
    const a = orgs.area[i];
    const box = cells[a].inner;
    const base = nodeBase(box.w, box.h, counts[a]);
    r[i] = base * (0.55 + 0.9 * clamp01(orgs.power[i]));
    const pad = Math.min(base * 1.5, box.w / 2, box.h / 2);
    if (positions === 'map') {
      // One scale for both axes, so distances keep their proportions; north is up.
      const b = bounds[a];
      const scale = Math.min((box.w - 2 * pad) / Math.max(1e-9, b.maxX - b.minX), (box.h - 2 * pad) / Math.max(1e-9, b.maxY - b.minY));
      px[i] = box.x + box.w / 2 + (orgs.x[i] - (b.minX + b.maxX) / 2) * scale;
      py[i] = box.y + box.h / 2 - (orgs.y[i] - (b.minY + b.maxY) / 2) * scale;
      continue;
    }
    // Positions are col + 0.05 + 0.9u inside the area's unit square (ODD 5): take the fraction and stretch it to the box.
    const u = clamp01((fraction(orgs.x[i]) - 0.05) / 0.9);
    const v = clamp01((fraction(orgs.y[i]) - 0.05) / 0.9);
    px[i] = box.x + pad + u * (box.w - 2 * pad);
    py[i] = box.y + pad + v * (box.h - 2 * pad);
  }
  if (orgs.n <= 4000) separateInPlace(orgs, cells, px, py, r);
  return { width, height, cols, rows, cells, px, py, r };
}

// Each area's extent on the map: the smallest and largest x and y of its organisations.
function areaBounds(orgs: LayoutOrgs, areaCount: number): { minX: number; maxX: number; minY: number; maxY: number }[] {
  const bounds = Array.from({ length: areaCount }, () => ({ minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity }));
  for (let i = 0; i < orgs.n; i++) {
    const b = bounds[orgs.area[i]];
    b.minX = Math.min(b.minX, orgs.x[i]);
    b.maxX = Math.max(b.maxX, orgs.x[i]);
    b.minY = Math.min(b.minY, orgs.y[i]);
    b.maxY = Math.max(b.maxY, orgs.y[i]);
  }
  return bounds;
}

/** Returns the base radius of nodes in a box holding `count` organisations: a share of the room each has, within bounds. */
export function nodeBase(w: number, h: number, count: number): number {
  return Math.max(1.2, Math.min(10, 0.16 * Math.sqrt((w * h) / Math.max(1, count))));
}

// Nudges overlapping organisations of an area apart, a few rounds, keeping each inside its area's box. Deterministic.
function separateInPlace(orgs: LayoutOrgs, cells: readonly AreaCell[], px: Float64Array, py: Float64Array, r: Float64Array): void {
  const byArea: number[][] = cells.map(() => []);
  for (let i = 0; i < orgs.n; i++) byArea[orgs.area[i]].push(i);
  for (let round = 0; round < 12; round++) {
    let moved = false;
    byArea.forEach((members, a) => {
      const box = cells[a].inner;
      for (let s = 0; s < members.length; s++) {
        for (let t = s + 1; t < members.length; t++) {
          const i = members[s];
          const j = members[t];
          const want = r[i] + r[j] + 2;
          let dx = px[j] - px[i];
          let dy = py[j] - py[i];
          let d = Math.hypot(dx, dy);
          if (d >= want) continue;
          if (d < 1e-6) {
            // Same spot: part them along a direction fixed by their indices.
            const angle = ((i * 7919 + j * 104729) % 360) * (Math.PI / 180);
            dx = Math.cos(angle);
            dy = Math.sin(angle);
            d = 1;
          }
          const push = (want - Math.max(d, 1e-6)) / 2;
          px[i] -= (dx / d) * push;
          py[i] -= (dy / d) * push;
          px[j] += (dx / d) * push;
          py[j] += (dy / d) * push;
          moved = true;
        }
      }
      for (const i of members) {
        px[i] = Math.min(box.x + box.w - r[i], Math.max(box.x + r[i], px[i]));
        py[i] = Math.min(box.y + box.h - r[i], Math.max(box.y + r[i], py[i]));
      }
    });
    if (!moved) break;
  }
}

/** Returns the organisation nearest to a point within its radius plus `slack`, or -1. */
export function nodeAt(layout: NetworkLayout, x: number, y: number, slack = 5): number {
  let best = -1;
  let bestD = Infinity;
  for (let i = 0; i < layout.px.length; i++) {
    const d = Math.hypot(layout.px[i] - x, layout.py[i] - y);
    if (d <= layout.r[i] + slack && d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

function fraction(value: number): number {
  return value - Math.floor(value);
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
