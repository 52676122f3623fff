// Running a scenario to the end: one run from a seed, or replicates whose seeds are hashed from the master seed.
import { replicateSeed } from '../random.ts';
import type { Scenario } from '../scenario/schema.ts';
import { networkSteps } from './network.ts';
import { Simulation } from './simulation.ts';
import type { RunResult } from './types.ts';

/** Options of a run: the run seed (default: replicate 0's seed from the scenario's master seed), the steps (default: the
 * scenario's), and every how many steps to record the network (at step 0, each multiple and the last step; default: never). */
export interface RunOptions {
  readonly seed?: number;
  readonly steps?: number;
  readonly networkEvery?: number;
}

/** Runs a scenario from start to end and returns its results. */
export function runScenario(scenario: Scenario, options: RunOptions = {}): RunResult {
  const simulation = new Simulation(scenario, options.seed ?? replicateSeed(scenario.time.seed, 0));
  const steps = options.steps ?? scenario.time.steps;
  const network = new Set(options.networkEvery === undefined ? [] : networkSteps(steps, options.networkEvery));
  if (network.has(0)) simulation.recordNetwork();
  for (let s = 1; s <= steps; s++) {
    simulation.advance();
    if (network.has(s)) simulation.recordNetwork();
  }
  return simulation.result();
}

/** A replicate that threw: which one and its seed, so that the failure can be reproduced, with the error as `cause`. */
export class ReplicateFailure extends Error {
  readonly replicate: number;
  readonly seed: number;
  constructor(replicate: number, seed: number, cause: unknown) {
    super(`replicate ${replicate} (seed ${seed}) failed`, { cause });
    this.name = 'ReplicateFailure';
    this.replicate = replicate;
    this.seed = seed;
  }
}

/** Runs replicates 0..reps-1 of a scenario, each with the seed hashed from the master seed and its number, and returns
 * their results in order; `onDone` hears of each as it finishes. A replicate that throws ends them with a ReplicateFailure. */
export function runReplicates(scenario: Scenario, reps: number, onDone?: (done: number, seed: number) => void): RunResult[] {
  const results: RunResult[] = [];
  for (let r = 0; r < reps; r++) {
    const seed = replicateSeed(scenario.time.seed, r);
    try {
      results.push(runScenario(scenario, { seed }));
    } catch (error) {
      throw new ReplicateFailure(r, seed, error);
    }
    onDone?.(r + 1, seed);
  }
  return results;
}
