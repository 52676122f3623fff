// The standard normal distribution in plain arithmetic (no mathjs: the workers and the sampler use it): its
// cumulative distribution, its quantile, and draws from a seeded generator by inversion.
import type { Rng } from '../random.ts';

/** log(sqrt(2 pi)). */
const LOG_SQRT_2PI = 0.9189385332046728;

/**
 * Returns Φ(x), the standard normal cumulative distribution, by Marsaglia's (2004, "Evaluating the normal
 * distribution", J. Stat. Softw. 11(4)) Taylor series Φ(x) = 1/2 + φ(x) (x + x³/3 + x⁵/(3·5) + ...), summed until
 * a term no longer changes the sum: about 15 correct digits in absolute terms. Beyond |x| = 38 it is 0 or 1.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < -38) return 0;
  if (x > 38) return 1;
  let sum = x;
  let previous = 0;
  let term = x;
  const square = x * x;
  for (let i = 1; sum !== previous; ) {
    previous = sum;
    i += 2;
    term *= square / i;
    sum = previous + term;
  }
  return Math.min(1, Math.max(0, 0.5 + sum * Math.exp(-0.5 * square - LOG_SQRT_2PI)));
}

/** Returns the standard normal density φ(x). */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

// Acklam's rational approximations of the normal quantile, central region and lower tail.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/**
 * Returns Φ⁻¹(p), the standard normal quantile, by Acklam's (2003) rational approximation (relative error below
 * 1.2e-9 over (0, 1)); -Infinity at 0 and Infinity at 1. Throws a RangeError outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must lie in [0, 1], found ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p < P_LOW) return lowerTail(p);
  if (p > 1 - P_LOW) return -lowerTail(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

function lowerTail(p: number): number {
  const q = Math.sqrt(-2 * Math.log(p));
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

/** Returns a standard normal draw: the quantile of one uniform draw in (0, 1) (a draw of exactly 0 is drawn again),
 * so that each normal takes one step of the generator, whatever the platform. */
export function drawStandardNormal(rng: Rng): number {
  let u = rng();
  while (u === 0) u = rng();
  return normalQuantile(u);
}
