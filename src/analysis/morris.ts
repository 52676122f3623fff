// Morris elementary effects (mu, mu*, sigma) from trajectories, with bootstrap intervals on mu*.
import { createRng } from '../random.ts';
import { morrisStep } from '../sweep/designs.ts';
import {
  drawResample,
  percentileInterval,
  resolveBootstrap,
  type BootstrapOptions,
  type BootstrapSettings,
  type Estimate,
} from './bootstrap.ts';

/** One input's elementary effects summarised. */
export interface MorrisFactor {
  /** Mean elementary effect: its sign says which way the output moves. */
  readonly mu: number;
  /** Mean absolute elementary effect (Campolongo et al., 2007), with its bootstrap interval: how much the input matters. */
  readonly muStar: Estimate;
  /** Standard deviation of the elementary effects (n - 1): non-linearity or interaction with other inputs; null with fewer than two. */
  readonly sigma: number | null;
  /** Elementary effects measured for this input. */
  readonly effects: number;
}

/** Morris elementary effects of k inputs over r trajectories. */
export interface MorrisEffects extends BootstrapSettings {
  readonly k: number;
  readonly trajectories: number;
  /** Elementary effects left out because an output at either end was missing (NaN). */
  readonly dropped: number;
  readonly factors: readonly MorrisFactor[];
}

/**
 * Returns each input's Morris (1991) elementary effects summarised: an effect is (y_after − y_before) / Δ over one step
 * of a trajectory, where the step's input and signed Δ come from morrisStep; mu is their mean, mu* the mean of their
 * absolute values (Campolongo, Cariboni & Saltelli, 2007) with a bootstrap percentile interval from resampling that
 * input's |effects| (createRng(seed), input after input, resample after resample), and sigma their sample standard
 * deviation (n − 1; null with fewer than two). x are the rows of r trajectories of k + 1 rows each, as
 * morrisTrajectories makes them, and y their outputs. Give x as the design's unit rows (each input scaled to [0, 1]):
 * effects are then per whole range of each input and compare across inputs; in the inputs' own units they would not.
 * An effect with a NaN output at either end is left out and counted in `dropped`. Throws a RangeError when x and y
 * differ in length, x is empty, rows differ in length or hold a value that is not finite, the rows are not whole
 * trajectories of k + 1, a step does not change exactly one input, an output is ±Infinity, an input has no effect
 * left, or an option is out of range (resolveBootstrap).
 */
export function morrisEffects(x: readonly (readonly number[])[], y: ArrayLike<number>, options?: BootstrapOptions): MorrisEffects {
  const settings = resolveBootstrap(options);
  if (x.length !== y.length)
    throw new RangeError(`${x.length} rows of inputs but ${y.length} outputs: Morris effects need one output per row`);
  if (x.length === 0) throw new RangeError('Morris effects need at least one trajectory, but there are no rows');
  const k = x[0].length;
  if (k === 0) throw new RangeError('Morris effects need at least one input, but the rows are empty');
  x.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`row ${i} has ${row.length} inputs, row 0 has ${k}: every row needs the same inputs`);
    const bad = row.find((value) => !Number.isFinite(value));
    if (bad !== undefined) throw new RangeError(`row ${i} holds ${bad}: Morris trajectories need finite inputs`);
  });
  if (x.length % (k + 1) !== 0) {
    throw new RangeError(`${x.length} rows are not whole trajectories of k + 1 = ${k + 1} rows (a starting row, then one step per input)`);
  }
  for (let i = 0; i < y.length; i++) {
    if (y[i] === Infinity || y[i] === -Infinity)
      throw new RangeError(`output ${i} is ${y[i]}: Morris effects need finite outputs (NaN marks one not measured)`);
  }

  const trajectories = x.length / (k + 1);
  const effects = Array.from({ length: k }, (): number[] => []);
  let dropped = 0;
  for (let t = 0; t < trajectories; t++) {
    for (let s = 0; s < k; s++) {
      const { factor, delta } = morrisStep(x, t, s);
      const before = y[t * (k + 1) + s];
      const after = y[t * (k + 1) + s + 1];
      if (Number.isNaN(before) || Number.isNaN(after)) dropped++;
      else effects[factor].push((after - before) / delta);
    }
  }
  const missing = effects.findIndex((list) => list.length === 0);
  if (missing >= 0)
    throw new RangeError(`input ${missing} has no elementary effect: an output at one end of each of its steps is missing (NaN)`);

  const rng = createRng(settings.seed);
  const factors = effects.map((list): MorrisFactor => {
    const absolute = Float64Array.from(list, Math.abs);
    const muStar = mean(absolute);
    const draws = new Float64Array(settings.resamples);
    for (let r = 0; r < settings.resamples; r++) draws[r] = mean(absolute, drawResample(rng, absolute.length));
    return {
      mu: mean(Float64Array.from(list)),
      muStar: { estimate: muStar, ci: percentileInterval(draws, settings.confidence) },
      sigma: sampleSd(list),
      effects: list.length,
    };
  });
  return { ...settings, k, trajectories, dropped, factors };
}

/** Returns the mean of values (or of the values at `picked`), summed as offsets from the first so that equal values
 * give exactly that value, not one an ulp away. */
function mean(values: Float64Array, picked?: Uint32Array): number {
  const count = picked?.length ?? values.length;
  const origin = values[picked?.[0] ?? 0];
  let offsets = 0;
  for (let i = 0; i < count; i++) offsets += values[picked?.[i] ?? i] - origin;
  return origin + offsets / count;
}

/** Returns the sample standard deviation (n − 1) of values, null with fewer than two: from offsets to the first value,
 * so that equal effects give exactly 0. */
function sampleSd(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const origin = values[0];
  let sum = 0;
  let squares = 0;
  for (const value of values) {
    sum += value - origin;
    squares += (value - origin) ** 2;
  }
  return Math.sqrt(Math.max(0, (squares - (sum * sum) / values.length) / (values.length - 1)));
}
