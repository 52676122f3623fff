// Scenario discovery by PRIM (Friedman & Fisher, 1999): boxes of input values where an outcome of interest holds.
import { quantile, withoutUndefined } from './bootstrap.ts';
import { logGamma } from './student-t.ts';

/** How PRIM peels and pastes, and which box it picks. */
export interface PrimOptions {
  /** Share of the box's points each peel removes (default 0.05). */
  readonly peelAlpha?: number;
  /** Share of the box's points each paste adds (default 0.01). */
  readonly pasteAlpha?: number;
  /** Peeling stops before a box holds less than this share of all points (default 0.05). */
  readonly minMass?: number;
  /** The box picked on a trajectory is the densest with at least this coverage (default 0.5). */
  readonly minCoverage?: number;
  /** Boxes found one after another, each on the points outside the ones before (covering; default 1). */
  readonly maxBoxes?: number;
}

/** A box: per input, the lowest and highest value inside; which inputs it restricts; what it holds. */
export interface PrimBox {
  readonly limits: readonly (readonly [low: number, high: number])[];
  readonly restricted: readonly boolean[];
  /** Per input, for a restricted one, the quasi-p-value of its limit (Bryant & Lempert, 2010, as EMA Workbench computes
   * it): the chance of a box of this size holding at least this many points with the outcome if they were drawn at the
   * density of the box with that limit lifted (one-sided binomial). Near 1, the limit adds nothing; null where unrestricted. */
  readonly quasiP: readonly (number | null)[];
  /** Points inside. */
  readonly count: number;
  /** Points inside where the outcome holds. */
  readonly positives: number;
  /** Share of all points inside. */
  readonly mass: number;
  /** Share of all points with the outcome that are inside. */
  readonly coverage: number;
  /** Share of the points inside with the outcome. */
  readonly density: number;
}

/** One box's discovery: its peeling trajectory from the full box, the box picked on it, and that box after pasting. */
export interface PrimTrajectory {
  readonly steps: readonly PrimBox[];
  readonly chosen: number;
  readonly box: PrimBox;
}

/** PRIM's answer: the data's size and base rate, and the boxes found in order. */
export interface PrimResult {
  readonly n: number;
  readonly positives: number;
  /** Share of all points with the outcome: the density a box must beat. */
  readonly density: number;
  readonly boxes: readonly PrimTrajectory[];
  /** The options it ran with, all explicit. */
  readonly settings: Required<PrimOptions>;
}

const DEFAULT_PRIM: Required<PrimOptions> = { peelAlpha: 0.05, pasteAlpha: 0.01, minMass: 0.05, minCoverage: 0.5, maxBoxes: 1 };
type PrimSettings = Required<PrimOptions>;

/**
 * Returns the boxes PRIM (Friedman & Fisher, 1999) finds where the outcome y holds (true, or a non-zero number) among
 * the points x, numeric inputs only, as EMA Workbench's prim does (Kwakkel, 2017). A box is a limit on each side of
 * each input, none at first. Peeling: for each input and side it tries removing the points inside below that input's
 * peelAlpha-quantile (type 7) inside the box, or above its (1 − peelAlpha)-quantile (those at the extreme when ties
 * leave none beyond), never emptying the box; it keeps the peel that leaves the densest box (ties: the one keeping more
 * points, then the first input, low side before high), its new limit the lowest (highest) value left, until the next
 * box would hold less than minMass of all points. The box picked on this trajectory is the densest whose coverage of
 * the data it ran on is at least minCoverage (ties: the earlier). Pasting then moves one limit at a time outwards to
 * take in the nearest ceil(pasteAlpha × count) points beyond it that are within every other limit (and any tied with
 * the last), while some such move raises the density (the one raising it most, ties: more points). Covering
 * (maxBoxes > 1) seeks each next box among the points outside the boxes before, stopping when none of them has the
 * outcome, when they are fewer than minMass of all points, or when the box found is no denser than they are; the
 * first box is always reported (when any point has the outcome), so that its trajectory shows the trade-off between
 * density and coverage even when nothing beats the base rate. A PrimBox gives each input's lowest and highest value
 * inside, and as restricted the inputs whose limits exclude some point of the data it was sought in; mass and coverage
 * are shares of all points and of all points with the outcome. Deterministic. Throws a RangeError when an option is
 * out of range, x is empty, its rows are empty or of different lengths or hold a value that is not finite, y's length
 * differs from x's, or y holds NaN.
 */
export function prim(x: readonly (readonly number[])[], y: ArrayLike<number | boolean>, options: PrimOptions = {}): PrimResult {
  const settings = resolvePrimOptions(options);
  const n = x.length;
  if (y.length !== n) throw new RangeError(`${n} rows of inputs but ${y.length} outcomes: PRIM needs one outcome per row`);
  if (n === 0) throw new RangeError('PRIM needs at least one point, but there are no rows');
  const d = x[0].length;
  if (d === 0) throw new RangeError('PRIM needs at least one input, but the rows are empty');
  x.forEach((row, i) => {
    if (row.length !== d) throw new RangeError(`row ${i} has ${row.length} inputs, row 0 has ${d}: every row needs the same inputs`);
    const bad = row.find((value) => !Number.isFinite(value));
    if (bad !== undefined) throw new RangeError(`row ${i} holds ${bad}: PRIM needs finite inputs`);
  });
  const outcome = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const value = y[i];
    if (typeof value === 'number' && Number.isNaN(value))
      throw new RangeError(`outcome ${i} is NaN: PRIM needs to know for every point whether the outcome holds`);
    outcome[i] = value ? 1 : 0;
  }
  const columns = Array.from({ length: d }, (_, j) => Float64Array.from(x, (row) => row[j]));
  const data: PrimData = {
    n,
    columns,
    outcome,
    // Each input's points in increasing order, once: a box's values of an input are then read off in order, unsorted.
    orders: columns.map((column) => Uint32Array.from({ length: n }, (_, i) => i).sort((i, l) => column[i] - column[l] || i - l)),
    allPositives: outcome.reduce((sum, value) => sum + value, 0),
  };

  const boxes: PrimTrajectory[] = [];
  const rest = new Uint8Array(n).fill(1);
  while (boxes.length < settings.maxBoxes) {
    const restCount = countOf(rest);
    const restPositives = positivesIn(data, rest);
    if (restPositives === 0 || restCount / n < settings.minMass) break;
    const steps = peel(data, fullBox(rest, d), settings);
    const described = steps.map((step) => describeBox(data, rest, step));
    const chosen = chooseBox(described, restPositives, settings.minCoverage);
    const found = paste(data, rest, steps[chosen], settings.pasteAlpha);
    const box = describeBox(data, rest, found);
    if (boxes.length > 0 && !denser(box.positives, box.count, restPositives, restCount)) break;
    boxes.push({ steps: described, chosen, box });
    for (let i = 0; i < n; i++) if (found.inside[i]) rest[i] = 0;
  }
  return { n, positives: data.allPositives, density: data.allPositives / n, boxes, settings };
}

/** The points PRIM works on: inputs by column, outcomes as 0/1, and each input's point indices in increasing order. */
interface PrimData {
  readonly n: number;
  readonly columns: readonly Float64Array[];
  readonly outcome: Uint8Array;
  readonly orders: readonly Uint32Array[];
  readonly allPositives: number;
}

/** A box while PRIM works on it: its limits per input (±Infinity where it sets none) and which points are inside. */
interface Box {
  readonly low: Float64Array;
  readonly high: Float64Array;
  readonly inside: Uint8Array;
}

/** Returns the options with defaults filled in; throws a RangeError naming the first out of range. */
function resolvePrimOptions(options: PrimOptions): PrimSettings {
  const settings: PrimSettings = { ...DEFAULT_PRIM, ...withoutUndefined(options) };
  const { peelAlpha, pasteAlpha, minMass, minCoverage, maxBoxes } = settings;
  if (!(peelAlpha > 0 && peelAlpha < 0.5))
    throw new RangeError(`peelAlpha must be between 0 and 0.5, exclusive (the share of a box's points a peel removes), not ${peelAlpha}`);
  if (!(pasteAlpha > 0 && pasteAlpha < 0.5))
    throw new RangeError(`pasteAlpha must be between 0 and 0.5, exclusive (the share of a box's points a paste adds), not ${pasteAlpha}`);
  if (!(minMass > 0 && minMass < 1))
    throw new RangeError(`minMass must be between 0 and 1, exclusive (the least share of all points a box holds), not ${minMass}`);
  if (!(minCoverage >= 0 && minCoverage <= 1))
    throw new RangeError(
      `minCoverage must be between 0 and 1 (the least share of the points with the outcome the picked box holds), not ${minCoverage}`,
    );
  if (!Number.isInteger(maxBoxes) || maxBoxes < 1)
    throw new RangeError(`maxBoxes must be a positive integer (the most boxes covering finds), not ${maxBoxes}`);
  return settings;
}

/** Returns the box without limits around the points of `rest`. */
function fullBox(rest: Uint8Array, d: number): Box {
  return { low: new Float64Array(d).fill(-Infinity), high: new Float64Array(d).fill(Infinity), inside: rest.slice() };
}

/** Returns how many points a mask holds. */
function countOf(mask: Uint8Array): number {
  return mask.reduce((sum, value) => sum + value, 0);
}

/** Returns how many points of a mask have the outcome. */
function positivesIn(data: PrimData, mask: Uint8Array): number {
  let positives = 0;
  for (let i = 0; i < data.n; i++) positives += mask[i] & data.outcome[i];
  return positives;
}

/** Returns whether p1 positives in c1 points are denser than p2 in c2, compared exactly in integers. */
function denser(p1: number, c1: number, p2: number, c2: number): boolean {
  return p1 * c2 > p2 * c1;
}

/** Returns whether p1 positives in c1 points beat p2 in c2: denser, or as dense with more points. */
function better(p1: number, c1: number, p2: number, c2: number): boolean {
  return denser(p1, c1, p2, c2) || (!denser(p2, c2, p1, c1) && c1 > c2);
}

/** Returns the peeling trajectory: boxes from `start` on, each the best peel of the one before. */
function peel(data: PrimData, start: Box, { peelAlpha, minMass }: PrimSettings): Box[] {
  const steps = [start];
  const values = new Float64Array(data.n);
  const points = new Uint32Array(data.n);
  for (;;) {
    const box = steps[steps.length - 1];
    const count = countOf(box.inside);
    const positives = positivesIn(data, box.inside);
    let best: { input: number; low: boolean; limit: number; count: number; positives: number } | null = null;
    for (let input = 0; input < data.orders.length; input++) {
      let m = 0;
      for (const i of data.orders[input]) {
        if (!box.inside[i]) continue;
        values[m] = data.columns[input][i];
        points[m++] = i;
      }
      const sorted = values.subarray(0, m);
      for (const low of [true, false]) {
        const removed = peelRun(sorted, low ? peelAlpha : 1 - peelAlpha, low);
        if (removed === m) continue;
        let removedPositives = 0;
        for (let r = 0; r < removed; r++) removedPositives += data.outcome[points[low ? r : m - 1 - r]];
        const left = { count: count - removed, positives: positives - removedPositives };
        if (best === null || better(left.positives, left.count, best.positives, best.count)) {
          best = { input, low, limit: sorted[low ? removed : m - 1 - removed], ...left };
        }
      }
    }
    if (best === null || best.count / data.n < minMass) return steps;
    steps.push(peeled(data, box, best.input, best.low, best.limit));
  }
}

/** Returns how many of the sorted values a peel at the p-quantile removes from the low end (or high end): those
 * strictly beyond the quantile, or when ties leave none, all those equal to the extreme. */
function peelRun(sorted: Float64Array, p: number, low: boolean): number {
  const m = sorted.length;
  const cut = quantile(sorted, p);
  let removed = 0;
  while (removed < m && (low ? sorted[removed] < cut : sorted[m - 1 - removed] > cut)) removed++;
  if (removed > 0) return removed;
  const extreme = low ? sorted[0] : sorted[m - 1];
  while (removed < m && sorted[low ? removed : m - 1 - removed] === extreme) removed++;
  return removed;
}

/** Returns the box with one limit moved inwards: the points inside beyond it leave. */
function peeled(data: PrimData, box: Box, input: number, low: boolean, limit: number): Box {
  const next = { low: box.low.slice(), high: box.high.slice(), inside: box.inside.slice() };
  (low ? next.low : next.high)[input] = limit;
  const column = data.columns[input];
  for (let i = 0; i < data.n; i++) if (low ? column[i] < limit : column[i] > limit) next.inside[i] = 0;
  return next;
}

/** Returns the box with one limit moved outwards: the points of `rest` now within every limit join. */
function pasted(data: PrimData, rest: Uint8Array, box: Box, input: number, low: boolean, limit: number): Box {
  const next = { low: box.low.slice(), high: box.high.slice(), inside: box.inside.slice() };
  (low ? next.low : next.high)[input] = limit;
  for (let i = 0; i < data.n; i++) if (rest[i] && !next.inside[i] && within(data, next, i)) next.inside[i] = 1;
  return next;
}

/** Returns whether point i is within every limit of the box, or (with `except`) of every input but that one. */
function within(data: PrimData, box: Box, i: number, except = -1): boolean {
  for (let j = 0; j < data.columns.length; j++) {
    if (j === except) continue;
    const value = data.columns[j][i];
    if (value < box.low[j] || value > box.high[j]) return false;
  }
  return true;
}

/** Returns the PrimBox of a box sought among the points of `rest`. */
function describeBox(data: PrimData, rest: Uint8Array, box: Box): PrimBox {
  const limits = data.columns.map((column) => {
    let low = Infinity;
    let high = -Infinity;
    column.forEach((value, i) => {
      if (!box.inside[i]) return;
      low = Math.min(low, value);
      high = Math.max(high, value);
    });
    return [low, high] as const;
  });
  const restricted = data.columns.map((column, j) =>
    column.some((value, i) => rest[i] === 1 && (value < box.low[j] || value > box.high[j])),
  );
  const count = countOf(box.inside);
  const positives = positivesIn(data, box.inside);
  const quasiP = restricted.map((isRestricted, j) => {
    if (!isRestricted) return null;
    let lifted = 0;
    let liftedPositives = 0;
    for (let i = 0; i < data.n; i++) {
      if (rest[i] === 0 || !within(data, box, i, j)) continue;
      lifted += 1;
      liftedPositives += data.outcome[i];
    }
    return binomialUpperTail(positives, count, liftedPositives / lifted);
  });
  return {
    limits,
    restricted,
    quasiP,
    count,
    positives,
    mass: count / data.n,
    coverage: positives / data.allPositives,
    density: positives / count,
  };
}

/** Returns P(X >= k) for X binomial with n trials of chance p, summed in log space (exact to rounding for any n here). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  const logChoose = (m: number): number => logGamma(n + 1) - logGamma(m + 1) - logGamma(n - m + 1);
  let tail = 0;
  for (let m = k; m <= n; m++) tail += Math.exp(logChoose(m) + m * Math.log(p) + (n - m) * Math.log1p(-p));
  return Math.min(1, tail);
}

/** Returns the step of the densest box covering at least minCoverage of the positives it was sought among (ties: the
 * earlier); the first box covers them all, so there always is one. */
function chooseBox(steps: readonly PrimBox[], restPositives: number, minCoverage: number): number {
  let chosen = 0;
  steps.forEach((box, s) => {
    if (box.positives / restPositives >= minCoverage && denser(box.positives, box.count, steps[chosen].positives, steps[chosen].count))
      chosen = s;
  });
  return chosen;
}

/** Returns the box after pasting (Friedman & Fisher, 1999): its limits moved outwards, one at a time, while some
 * move raises its density. */
function paste(data: PrimData, rest: Uint8Array, chosen: Box, pasteAlpha: number): Box {
  let box = chosen;
  for (;;) {
    const count = countOf(box.inside);
    const positives = positivesIn(data, box.inside);
    const take = Math.ceil(pasteAlpha * count);
    let best: { box: Box; count: number; positives: number } | null = null;
    for (let input = 0; input < data.columns.length; input++) {
      const column = data.columns[input];
      for (const low of [true, false]) {
        const limit = low ? box.low[input] : box.high[input];
        // The points beyond this limit and within all the others, nearest first.
        const beyond: number[] = [];
        for (let i = 0; i < data.n; i++) {
          if (rest[i] && (low ? column[i] < limit : column[i] > limit) && within(data, box, i, input)) beyond.push(i);
        }
        if (beyond.length === 0) continue;
        beyond.sort((i, l) => (low ? column[l] - column[i] : column[i] - column[l]));
        const extended = pasted(data, rest, box, input, low, column[beyond[Math.min(take, beyond.length) - 1]]);
        const candidate = { box: extended, count: countOf(extended.inside), positives: positivesIn(data, extended.inside) };
        if (!denser(candidate.positives, candidate.count, positives, count)) continue;
        if (best === null || better(candidate.positives, candidate.count, best.positives, best.count)) best = candidate;
      }
    }
    if (best === null) return box;
    box = best.box;
  }
}
