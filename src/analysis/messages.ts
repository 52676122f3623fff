// Every message about what an analysis of a sweep refuses, as a named function (tests assert against these functions).

// ---------------------------------------------------------------------------------------------
// partnersim analyse: what it refuses.

/** Returns the message for analysing one shard of a sweep. */
export function analyseShard(dir: string, name: string, shard: string): string {
  return `${dir}: holds ${shard} of sweep ${name}: expected a whole sweep, found one shard of it. Fix: merge the shards first (partnersim merge DIR... --out DIR), then analyse the merged directory.`;
}

/** Returns the message for analysing a sweep that has not finished. */
export function analyseIncomplete(dir: string, name: string, finished: number, runs: number): string {
  return `${dir}: sweep ${name} is incomplete: expected all ${runs} runs finished, found ${finished}. Fix: run the same partnersim sweep command again to finish it (partnersim sweep status ${dir} lists what is missing).`;
}

/** Returns the message for a method the sweep's design cannot answer. */
export function methodNeedsDesign(method: 'sobol' | 'morris', sweep: string, design: string): string {
  const needs =
    method === 'sobol' ? "design sobol (Saltelli sampling) for Sobol' indices" : 'design morris (trajectories) for elementary effects';
  const example = method === 'sobol' ? 'sweeps/levers-sobol.yaml' : 'sweeps/levers-morris.yaml';
  return `--method ${method}: sweep ${sweep} was made with design ${design}: expected ${needs}. Fix: analyse a sweep made with design: ${method} (such as ${example}), or use --method prim, which takes any design.`;
}

/** Returns the message for a --method that is none of the analyses. */
export function unknownMethod(text: string, methods: readonly string[]): string {
  return `--method ${text}: expected one of ${methods.join(', ')}, found ${JSON.stringify(text)}. Fix: use ${methods.map((m) => `--method ${m}`).join(', ')}.`;
}

/** Returns the message for a metric the sweep did not record. */
export function metricNotRecorded(metric: string, sweep: string, recorded: readonly string[]): string {
  return `--metric ${metric}: expected a metric sweep ${sweep} recorded (${recorded.join(', ')}), found ${JSON.stringify(metric)}. Fix: use one of those, or add it to the sweep's record.metrics and run it again.`;
}

/** Returns the message for a metric no run of the sweep measured. */
export function metricNeverMeasured(metric: string, sweep: string): string {
  return `--metric ${metric}: no run of sweep ${sweep} measured it (such as survival5y in runs shorter than five years): expected some values to analyse, found none. Fix: choose another metric, or lengthen the base scenario's time.steps.`;
}

/** Returns the message for --metric and --where naming different metrics. */
export function whereMetricConflict(metric: string, whereMetric: string): string {
  return `--where: names ${whereMetric} but --metric names ${metric}: expected one metric. Fix: drop --metric (the condition names it) or make them agree.`;
}

/** Returns the message for PRIM without a condition, with one to try. */
export function whereMissing(suggestion: { readonly metric: string; readonly op: string; readonly value: number }): string {
  return `--method prim: expected an outcome to look for, found no --where. Fix: add one, such as --where "${suggestion.metric} ${suggestion.op} ${suggestion.value}" (about a quarter of this sweep's runs meet it); keep the quotes, or the shell takes > as a redirection.`;
}

/** Returns the message for a --where that does not parse. */
export function whereUnparsable(text: string, metrics: readonly string[]): string {
  const found = /^[A-Za-z0-9]+$/.test(text.trim())
    ? `${JSON.stringify(text)}, with no comparison (unquoted, the shell takes > as a redirection)`
    : JSON.stringify(text);
  return `--where ${text}: expected a metric (${metrics.join(', ')}), a comparison (>=, >, <= or <) and a number, such as "survival5y >= 0.6", found ${found}. Fix: write the condition in quotes: --where "survival5y >= 0.6".`;
}
