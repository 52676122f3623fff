// The analysis benchmark (`npm run bench:analysis`): sobolIndices at N = 10,000 base samples, k = 20 inputs and 1000
// bootstrap resamples against a minimal typed-array loop doing the same sums (its floor), and PRIM on 10,000 points of
// 10 inputs. Figures come from one process, so their ratios compare like with like on whatever machine runs it.
import { prim } from '../src/analysis/prim.ts';
import { sobolIndices } from '../src/analysis/sobol.ts';
import { saltelliSample } from '../src/sweep/designs.ts';
import { createRng } from '../src/random.ts';

const N = 10_000;
const K = 20;
const RESAMPLES = 1000;

/** Returns the milliseconds `work` takes, the median of `repeats` timings after one untimed run. */
function time(work: () => unknown, repeats: number): number {
  work();
  const times = Array.from({ length: repeats }, () => {
    const start = performance.now();
    work();
    return performance.now() - start;
  });
  return times.sort((a, b) => a - b)[Math.floor(repeats / 2)];
}

/**
 * Returns the result of the least work a bootstrap of first- and total-order indices can do: per resample, one pass
 * over the drawn blocks summing f(B)(f(AB) - f(A)) and (f(A) - f(AB))^2 for every input, and the variance, with the
 * outputs in one Float64Array, no checks and no percentile step.
 */
function minimalBootstrap(y: Float64Array, n: number, k: number, resamples: number): number {
  const rng = createRng(1);
  const width = k + 2;
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  let sink = 0;
  for (let r = 0; r < resamples; r++) {
    first.fill(0);
    total.fill(0);
    let sum = 0;
    let squares = 0;
    for (let j = 0; j < n; j++) {
      const at = Math.floor(rng() * n) * width;
      const a = y[at];
      const b = y[at + k + 1];
      sum += a + b;
      squares += a * a + b * b;
      for (let i = 0; i < k; i++) {
        const ab = y[at + 1 + i];
        first[i] += b * (ab - a);
        total[i] += (a - ab) * (a - ab);
      }
    }
    const variance = squares / (2 * n) - (sum / (2 * n)) ** 2;
    for (let i = 0; i < k; i++) sink += first[i] / variance + total[i] / variance;
  }
  return sink;
}

/** Runs the benchmark and prints its figures. */
function main(): void {
  // A model with an additive part, an interaction and inputs of no effect, so every index has something to estimate.
  const rows = saltelliSample(N, K);
  const y = Float64Array.from(rows, (x) => x.reduce((sum, v, i) => sum + (i < 5 ? (i + 1) * v : 0), 0) + 4 * x[5] * x[6]);
  const sobolMs = time(() => sobolIndices(y, K, { resamples: RESAMPLES }), 3);
  const floorMs = time(() => minimalBootstrap(y, N, K, RESAMPLES), 3);

  const rng = createRng(2);
  const points = Array.from({ length: N }, () => Array.from({ length: 10 }, () => rng()));
  const outcome = points.map(([a, b]) => rng() < (a > 0.3 && a < 0.7 && b > 0.5 ? 0.9 : 0.1));
  const primMs = time(() => prim(points, outcome, { maxBoxes: 3 }), 3);

  console.log(`sobolIndices, N = ${N}, k = ${K}, ${RESAMPLES} resamples: ${(sobolMs / 1000).toFixed(2)} s`);
  console.log(
    `  minimal loop doing the same sums:              ${(floorMs / 1000).toFixed(2)} s (sobolIndices takes ${(sobolMs / floorMs).toFixed(2)}x)`,
  );
  console.log(`prim, ${N} points x 10 inputs, up to 3 boxes:     ${(primMs / 1000).toFixed(2)} s`);
}

main();
