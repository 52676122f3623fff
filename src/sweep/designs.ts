// Samplers of the unit cube for parameter sweeps: random, Latin hypercube, Sobol', Saltelli and Morris designs.
// Each is pure and returns rows of k values in [0, 1]; mapping them onto parameter ranges happens elsewhere.
import type { Rng } from '../random.ts';
import { JOE_KUO_DIRECTIONS } from './sobol-directions.ts';

/** The number of Sobol' dimensions the direction table supports (dimension 1 plus one per table row). */
export const SOBOL_MAX_DIMS = JOE_KUO_DIRECTIONS.length + 1;

/** The most points a 32-bit Sobol' sequence holds: direction integers end at bit 32, and so do its indices. */
const SOBOL_MAX_POINTS = 2 ** 32;

// ---------------------------------------------------------------------------------------------
// Argument checks: every design rejects a size it cannot honour, saying which argument and why.

function requirePositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, not ${value}`);
}

function requireNonNegativeInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, not ${value}`);
}

/** Returns an integer in [0, m) from one draw. */
function drawIndex(rng: Rng, m: number): number {
  return Math.floor(rng() * m);
}

/** Shuffles `items` in place (Fisher & Yates, 1938; Durstenfeld's form), one draw per position from the end. */
function shuffleInPlace<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = drawIndex(rng, i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

// ---------------------------------------------------------------------------------------------
// Monte Carlo and Latin hypercube.

/**
 * Returns n rows of k independent uniform draws (plain Monte Carlo), drawn row by row and column by column,
 * so that a larger n from the same seed extends a smaller one: its first rows are unchanged.
 */
export function randomSample(n: number, k: number, rng: Rng): number[][] {
  requirePositiveInteger('n (the number of rows)', n);
  requirePositiveInteger('k (the number of columns)', k);
  return Array.from({ length: n }, () => Array.from({ length: k }, () => rng()));
}

/**
 * Returns an n-row Latin hypercube in k columns (McKay, Beckman & Conover, 1979): each column has exactly one
 * value in each stratum [i/n, (i+1)/n), at a uniform position inside it, and each column's strata are put in
 * rows by its own random permutation (Fisher–Yates). Draws, column by column: the permutation, then the n positions.
 */
export function latinHypercube(n: number, k: number, rng: Rng): number[][] {
  requirePositiveInteger('n (the number of rows)', n);
  requirePositiveInteger('k (the number of columns)', k);
  const rows = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const strata = Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(strata, rng);
    for (let i = 0; i < n; i++) rows[i][j] = (strata[i] + rng()) / n;
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Sobol' sequence.

const directionCache: Uint32Array[] = [];

/** Returns the 32 direction integers v_1..v_32 (scaled by 2^32) of 0-based dimension d, built once. */
function directionIntegers(d: number): Uint32Array {
  const cached = directionCache[d];
  if (cached) return cached;
  const v = new Uint32Array(32);
  if (d === 0) {
    // Dimension 1 is van der Corput: every m_j = 1.
    for (let j = 0; j < 32; j++) v[j] = 2 ** (31 - j);
  } else {
    const [a, ...m] = JOE_KUO_DIRECTIONS[d - 1];
    const s = m.length;
    for (let j = 0; j < 32; j++) {
      if (j < s) {
        v[j] = (m[j] << (31 - j)) >>> 0;
        continue;
      }
      // Bratley & Fox (1988) recurrence from the primitive polynomial x^s + c_1 x^(s-1) + ... + 1,
      // whose inner coefficients c_1..c_(s-1) are the bits of a, highest first.
      let x = v[j - s] ^ (v[j - s] >>> s);
      for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x ^= v[j - i];
      v[j] = x >>> 0;
    }
  }
  directionCache[d] = v;
  return v;
}

/**
 * Returns n points of the Sobol' (1967) sequence in `dims` dimensions, with the direction numbers of Joe & Kuo
 * (2008, new-joe-kuo-6.21201; dimension 1 is van der Corput), generated in Gray-code order (Antonov & Saleev,
 * 1979) with 32-bit integers: point i is the XOR of the direction integers picked by the bits of i ^ (i >> 1),
 * divided by 2^32. The first `skip` points are dropped; the default 1 drops only point 0, which is all zeros.
 * For n = 2^m, each dimension hits every interval [i/2^m, (i+1)/2^m) exactly once when skip is 0 or a
 * multiple of n, but not with skip = 1 (Owen, 2020, "On dropping the first Sobol' point").
 */
export function sobolSequence(n: number, dims: number, skip = 1): number[][] {
  requirePositiveInteger('n (the number of points)', n);
  requirePositiveInteger('dims (the number of dimensions)', dims);
  requireNonNegativeInteger('skip (the number of leading points dropped)', skip);
  if (dims > SOBOL_MAX_DIMS) {
    throw new RangeError(`dims must be at most ${SOBOL_MAX_DIMS}, the dimensions of the Sobol' direction table, not ${dims}`);
  }
  if (skip + n > SOBOL_MAX_POINTS) {
    throw new RangeError(`skip + n must be at most 2^32, the points of a 32-bit Sobol' sequence, not ${skip + n}`);
  }
  const v = Array.from({ length: dims }, (_, d) => directionIntegers(d));
  // Jump straight to point `skip` through its Gray code, then step: each next point flips one direction.
  const x = new Uint32Array(dims);
  const gray = (skip ^ Math.floor(skip / 2)) >>> 0;
  for (let bit = 0; bit < 32; bit++) {
    if (((gray >>> bit) & 1) === 0) continue;
    for (let d = 0; d < dims; d++) x[d] ^= v[d][bit];
  }
  const points: number[][] = [];
  for (let i = skip; ; i++) {
    points.push(Array.from(x, (xd) => xd / SOBOL_MAX_POINTS));
    if (points.length === n) return points;
    // Going from point i to i + 1 flips the Gray-code bit at the lowest zero bit of i.
    let c = 0;
    while (Math.floor(i / 2 ** c) % 2 === 1) c++;
    for (let d = 0; d < dims; d++) x[d] ^= v[d][c];
  }
}

// ---------------------------------------------------------------------------------------------
// Saltelli.

/** Returns the rows in one base point's block of a Saltelli design of k parameters: k + 2 (A, k AB rows, B). */
export function saltelliBlock(k: number): number {
  return k + 2;
}

/**
 * Returns the Saltelli (2002; Saltelli et al., 2010) design for first- and total-order Sobol' indices of k
 * parameters, laid out as SALib's sample with calc_second_order=False: n blocks of k + 2 rows, n * (k + 2) rows.
 * Base row j is point j of a 2k-dimensional Sobol' sequence with `skip` points dropped; A_j is its first k
 * values and B_j its last k. Block j starts at row j * (k + 2) and holds, in order:
 *   row j*(k+2)         A_j
 *   row j*(k+2) + 1 + i AB_j^(i), i = 0..k-1: A_j with column i taken from B_j
 *   row j*(k+2) + k + 1 B_j
 * The default skip, as SALib's, is the least power of two at least n and at least 16, which keeps the
 * Sobol' balance when n is a power of two (Owen, 2020) and avoids the zero point, where A = B.
 */
export function saltelliSample(n: number, k: number, skip?: number): number[][] {
  requirePositiveInteger('n (the number of base points)', n);
  requirePositiveInteger('k (the number of parameters)', k);
  if (2 * k > SOBOL_MAX_DIMS) {
    const most = SOBOL_MAX_DIMS / 2;
    throw new RangeError(`k must be at most ${most} (Saltelli sampling uses 2k Sobol' dimensions), not ${k}`);
  }
  let defaultSkip = 16;
  while (defaultSkip < n) defaultSkip *= 2;
  const base = sobolSequence(n, 2 * k, skip ?? defaultSkip);
  const rows: number[][] = [];
  for (const point of base) {
    const a = point.slice(0, k);
    const b = point.slice(k);
    rows.push(a);
    for (let i = 0; i < k; i++) {
      const ab = a.slice();
      ab[i] = b[i];
      rows.push(ab);
    }
    rows.push(b);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Morris.

/**
 * Returns r Morris (1991) elementary-effects trajectories of k factors on the p-level grid {0, 1/(p-1), ..., 1}
 * with step Δ = p / (2(p-1)), p = `levels` even: r * (k + 1) rows, trajectory after trajectory. Each
 * trajectory draws a base point x* with every coordinate a level in [0, 1 - Δ], then a direction per factor,
 * then a random order of the factors; a factor moving up starts at x* and goes to x* + Δ, one moving down
 * starts at x* + Δ and goes to x*. Each row changes exactly one factor of the row before by ±Δ.
 */
export function morrisTrajectories(r: number, k: number, levels: number, rng: Rng): number[][] {
  requirePositiveInteger('r (the number of trajectories)', r);
  requirePositiveInteger('k (the number of factors)', k);
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) {
    throw new RangeError(`levels must be an even integer of at least 2 (so that Δ is whole grid steps), not ${levels}`);
  }
  // Work in grid steps, so that every value is exactly level/(p-1): Δ is p/2 steps, x* a level below p/2.
  const step = levels / 2;
  const rows: number[][] = [];
  for (let t = 0; t < r; t++) {
    const base = Array.from({ length: k }, () => drawIndex(rng, step));
    const up = Array.from({ length: k }, () => rng() < 0.5);
    const order = Array.from({ length: k }, (_, i) => i);
    shuffleInPlace(order, rng);
    const current = base.map((x, i) => (up[i] ? x : x + step));
    rows.push(current.map((g) => g / (levels - 1)));
    for (const i of order) {
      current[i] = up[i] ? base[i] + step : base[i];
      rows.push(current.map((g) => g / (levels - 1)));
    }
  }
  return rows;
}

/**
 * Returns which factor changes between rows s and s + 1 (s = 0..k-1) of trajectory t of a Morris design, and
 * the signed change (±Δ, as the difference of the two values): what an elementary effect is divided by.
 */
export function morrisStep(rows: readonly (readonly number[])[], t: number, s: number): { factor: number; delta: number } {
  const k = rows[0]?.length ?? 0;
  requireNonNegativeInteger('t (the trajectory)', t);
  requireNonNegativeInteger('s (the step)', s);
  if (s >= k || (t + 1) * (k + 1) > rows.length) {
    throw new RangeError(`step ${s} of trajectory ${t} is outside a design of ${rows.length} rows of ${k} factors`);
  }
  const before = rows[t * (k + 1) + s];
  const after = rows[t * (k + 1) + s + 1];
  const changed = before.flatMap((x, i) => (x === after[i] ? [] : [i]));
  if (changed.length !== 1) {
    throw new RangeError(`step ${s} of trajectory ${t} changes ${changed.length} factors, not one: not a Morris design`);
  }
  return { factor: changed[0], delta: after[changed[0]] - before[changed[0]] };
}
