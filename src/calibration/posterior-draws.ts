// Parameter uncertainty in runs and comparisons: each replicate draws a parameter set from a calibration's posterior
// by weight, seeded by the master seed and the replicate alone, so replicate r draws the same set in every scenario of a
// comparison and its differences stay paired.
import { createRng, deriveSeed } from '../random.ts';
import { weightedIndex } from './abc.ts';

/** A posterior to draw from: its calibration, the parameters, and the weighted particles. */
export interface DrawablePosterior {
  readonly calibration: string;
  readonly hash: string;
  readonly draws: {
    readonly parameters: readonly string[];
    readonly particles: readonly { readonly index: number; readonly weight: number; readonly values: readonly number[] }[];
  };
}

/** The parameter sets the replicates of a run or comparison drew: from which calibration, and each replicate's particle
 * (its proposal index in the posterior's generation) and values. */
export interface PosteriorDraws {
  readonly calibration: string;
  readonly hash: string;
  readonly parameters: readonly string[];
  readonly particles: number;
  readonly replicates: readonly { readonly replicate: number; readonly particle: number; readonly values: readonly number[] }[];
}

/** Returns the parameter set of each of `reps` replicates drawn from a posterior: replicate r picks a particle by
 * weight with the first draw of createRng(deriveSeed(masterSeed, 'posterior', r)). */
export function drawFromPosterior(posterior: DrawablePosterior, masterSeed: number, reps: number): PosteriorDraws {
  const { parameters, particles } = posterior.draws;
  const weights = particles.map((p) => p.weight);
  return {
    calibration: posterior.calibration,
    hash: posterior.hash,
    parameters,
    particles: particles.length,
    replicates: Array.from({ length: reps }, (_, replicate) => {
      const particle = particles[weightedIndex(weights, createRng(deriveSeed(masterSeed, 'posterior', replicate))())];
      return { replicate, particle: particle.index, values: particle.values };
    }),
  };
}
