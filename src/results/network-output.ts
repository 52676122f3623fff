// Which network a run writes, apart from the writers, so that what only needs the choice (a run's size estimate,
// `validate`) does not load them.

/** Which network a run writes: the edge list every `every` steps (at step 0, each multiple and the last step), and graph
 * files at each of those steps (`allGraphs`) or at the last only. */
export interface NetworkOutput {
  readonly every: number;
  readonly allGraphs: boolean;
}

/** Returns the network a run writes by default: the edge list yearly (or at the start and end of a run shorter than a
 * year) and graph files at the last step. */
export function defaultNetwork(time: { readonly steps: number; readonly stepsPerYear: number }): NetworkOutput {
  return { every: Math.min(time.stepsPerYear, time.steps), allGraphs: false };
}
