// The charts of a calibration as vega-lite specs, pure functions of what it found, in the look of the other reports
// (specs.ts): each parameter's prior against its posterior; the posterior correlations and the pairs that trade off;
// the tolerance and acceptance rate per generation; each target's observed interval against its posterior predictive
// runs. Rendering them is render.ts's job.
import type { TopLevelSpec } from 'vega-lite';
import { posteriorGeneration, type AbcParameter, type Particle } from '../calibration/abc.ts';
import { fromWorking, priorQuantile, priorSupport, toWorking, workingDensity } from '../calibration/priors.ts';
import { observedInterval, TRADE_OFF, type CalibrationView } from './calibration-findings.ts';
import { statisticLabel } from './calibration-words.ts';
import { CHART_WIDTH, chartConfig, SCHEMA_URL, type ChartSpec } from './specs.ts';

const POSTERIOR_COLOUR = '#1f5f99';
const PRIOR_COLOUR = '#b5542b';
const CHECK_COLOUR = '#7a4e9c';
const BINS = 24;
const PANEL = { width: 280, height: 150 } as const;
// Midpoints per bin when a prior's mass in it is integrated.
const SUBSTEPS = 8;

/** Returns the charts of a calibration's report, in order; charts with nothing to show are left out. */
export function calibrationCharts(view: CalibrationView): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const generation = posteriorGeneration(view.result.generations);
  const { parameters } = view.calibration;
  if (generation !== undefined) {
    charts.push({
      id: 'priors-posteriors',
      title: 'Priors and posteriors',
      caption: `For each parameter, the share of the posterior's weight (bars: the ${generation.particles.length} weighted particles of generation ${generation.generation}) and of the prior's probability (line) in each of ${BINS} equal bins of its range (of its logarithm for a log-uniform prior). A posterior narrower than its prior is what the targets say about the parameter.`,
      spec: priorsPosteriorsSpec(parameters, generation.particles),
    });
    if (parameters.length >= 2 && view.posterior !== null) {
      charts.push({
        id: 'correlations',
        title: 'Posterior correlations',
        caption: `The weighted correlation of each pair of parameters over the posterior's particles. A strong negative correlation is a pair that trades off: the targets are met as well with more of one and less of the other. Pairs at ${TRADE_OFF} or beyond (either sign) are named in the findings.`,
        spec: correlationsSpec(view),
      });
      charts.push({
        id: 'pairs',
        title: 'Pairs of parameters',
        caption:
          'The posterior particles of the most strongly correlated pairs of parameters (at most three), each dot one particle, its size its weight: a tilted cloud is a trade-off; a round one, parameters fixed each on its own.',
        spec: pairsSpec(view, generation.particles),
      });
    }
  }
  const tolerance = hasTolerance(view);
  charts.push({
    id: 'generations',
    title: tolerance ? 'Tolerance and acceptance per generation' : 'Acceptance per generation',
    caption: tolerance
      ? "Left, each generation's tolerance: the largest distance accepted, the root mean square of the targets' deviations in units of their uncertainty (generation 0 accepts any measured run and is not drawn). Right, the share of each generation's runs accepted. The tolerance falls as generations narrow the posterior; so does the acceptance rate, which is what costs runs."
      : "The share of each generation's runs accepted. No tolerance is drawn: generation 0 accepts any measured run, and the calibration stopped before a generation with a tolerance.",
    spec: generationsSpec(view),
  });
  if (view.checks !== null && view.result.check.length > 0)
    charts.push({
      id: 'predictive-check',
      title: 'Posterior predictive check',
      caption: `Each target: the observed value (black line) and its 95% interval (grey band) against the statistic in ${view.result.check.length} runs of parameter sets drawn from the posterior, each with a fresh seed (ticks; the dot is their median, the bar their central 90%). A target is met when the median lies inside the band.`,
      spec: checkSpec(view),
    });
  return charts;
}

/** Returns a parameter's bins: edges in its working space (equal there), over its prior's support, or for a normal prior
 * over its 0.1% to 99.9% quantiles widened to take in every particle. */
function binEdges(parameter: AbcParameter, particles: readonly Particle[], k: number): number[] {
  const { prior } = parameter;
  const values = particles.map((p) => p.values[k]);
  let [low, high] = priorSupport(prior);
  if (!Number.isFinite(low)) low = Math.min(priorQuantile(prior, 0.001), ...values);
  if (!Number.isFinite(high)) high = Math.max(priorQuantile(prior, 0.999), ...values);
  const [a, b] = [toWorking(prior, low), toWorking(prior, high)];
  return Array.from({ length: BINS + 1 }, (_, i) => a + ((b - a) * i) / BINS);
}

/** Returns the spec of the priors against the posteriors: one panel per parameter, two a row. */
export function priorsPosteriorsSpec(parameters: readonly AbcParameter[], particles: readonly Particle[]): TopLevelSpec {
  const panels = parameters.map((parameter, k) => {
    const { prior } = parameter;
    const edges = binEdges(parameter, particles, k);
    const rows = edges.slice(0, -1).map((start, i) => {
      const end = edges[i + 1];
      let priorMass = 0;
      for (let s = 0; s < SUBSTEPS; s++)
        priorMass += (workingDensity(prior, start + ((s + 0.5) * (end - start)) / SUBSTEPS) * (end - start)) / SUBSTEPS;
      const posteriorMass = particles.reduce((sum, p) => {
        const u = toWorking(prior, p.values[k]);
        return sum + (u >= start && (u < end || (i === BINS - 1 && u <= end)) ? p.weight : 0);
      }, 0);
      return {
        low: fromWorking(prior, start),
        high: fromWorking(prior, end),
        middle: fromWorking(prior, (start + end) / 2),
        posterior: posteriorMass,
        prior: priorMass,
      };
    });
    const x = {
      type: 'quantitative' as const,
      title: parameter.name,
      scale: { type: prior.kind === 'logUniform' ? ('log' as const) : ('linear' as const), nice: false, zero: false },
    };
    return {
      width: PANEL.width,
      height: PANEL.height,
      data: { values: rows },
      layer: [
        {
          mark: { type: 'rect' as const, color: POSTERIOR_COLOUR, opacity: 0.75 },
          encoding: {
            x: { field: 'low', ...x },
            x2: { field: 'high' },
            y: { field: 'posterior', type: 'quantitative' as const, title: 'Share', axis: { format: '.0%' } },
          },
        },
        {
          mark: { type: 'line' as const, color: PRIOR_COLOUR, strokeWidth: 2, interpolate: 'step' as const },
          encoding: { x: { field: 'middle', ...x }, y: { field: 'prior', type: 'quantitative' as const } },
        },
      ],
    };
  });
  return {
    $schema: SCHEMA_URL,
    title: { text: 'What the targets say about each parameter', subtitle: 'Bars: posterior; line: prior (share of probability per bin)' },
    columns: 2,
    concat: panels,
    resolve: { scale: { x: 'independent', y: 'independent' } },
    config: chartConfig(),
  } as TopLevelSpec;
}

/** Returns the spec of the posterior correlations: a heatmap with the value printed in each cell. */
export function correlationsSpec(view: CalibrationView): TopLevelSpec {
  const posterior = view.posterior;
  const names = view.calibration.parameters.map((p) => p.name);
  const values = (posterior?.correlations ?? []).flatMap((row, a) =>
    row.map((r, b) => ({ a: names[a], b: names[b], r: r ?? 0, label: r === null ? '' : r.toFixed(2) })),
  );
  const cell = Math.max(40, Math.min(90, Math.floor((CHART_WIDTH - 240) / names.length)));
  const axis = (field: 'a' | 'b') => ({ field, type: 'nominal' as const, sort: names, title: null });
  return {
    $schema: SCHEMA_URL,
    title: { text: 'Posterior correlations', subtitle: 'Blue: the pair trades off (negative); orange: the pair moves together' },
    data: { values },
    width: cell * names.length,
    height: cell * names.length,
    encoding: { x: { ...axis('b'), axis: { labelAngle: -40 } }, y: axis('a') },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: {
          color: { field: 'r', type: 'quantitative', title: 'Correlation', scale: { scheme: 'blueorange', domain: [-1, 1] } },
        },
      },
      { mark: { type: 'text', fontSize: 12 }, encoding: { text: { field: 'label', type: 'nominal' } } },
    ],
    config: chartConfig(),
  };
}

/** Returns the spec of the most strongly correlated pairs (at most three): the particles as dots sized by weight. */
export function pairsSpec(view: CalibrationView, particles: readonly Particle[]): TopLevelSpec {
  const names = view.calibration.parameters.map((p) => p.name);
  const pairs: { a: number; b: number; r: number }[] = [];
  (view.posterior?.correlations ?? []).forEach((row, a) =>
    row.forEach((r, b) => {
      if (b > a) pairs.push({ a, b, r: r ?? 0 });
    }),
  );
  pairs.sort((x, y) => Math.abs(y.r) - Math.abs(x.r) || x.a - y.a || x.b - y.b);
  const panels = pairs.slice(0, 3).map(({ a, b, r }) => ({
    width: 200,
    height: 200,
    title: { text: `r = ${r.toFixed(2)}`, fontSize: 13 },
    data: { values: particles.map((p) => ({ x: p.values[a], y: p.values[b], weight: p.weight })) },
    mark: { type: 'circle' as const, color: POSTERIOR_COLOUR, opacity: 0.5 },
    encoding: {
      x: { field: 'x', type: 'quantitative' as const, title: names[a], scale: { zero: false } },
      y: { field: 'y', type: 'quantitative' as const, title: names[b], scale: { zero: false } },
      size: { field: 'weight', type: 'quantitative' as const, legend: null, scale: { range: [8, 120] } },
    },
  }));
  return {
    $schema: SCHEMA_URL,
    title: { text: 'Pairs that trade off', subtitle: 'Posterior particles of the most strongly correlated pairs; dot size: weight' },
    hconcat: panels,
    config: chartConfig(),
  } as TopLevelSpec;
}

/** Tells whether a generation has a tolerance to draw (not generation 0 of ABC-SMC, which accepts any measured run). */
function hasTolerance(view: CalibrationView): boolean {
  return view.result.generations.some((g) => g.tolerance !== null);
}

/** Returns the spec of the tolerance and acceptance rate per generation, side by side; of the acceptance rate alone when
 * no generation has a tolerance. */
export function generationsSpec(view: CalibrationView): TopLevelSpec {
  const values = view.result.generations.map((g) => ({
    generation: g.generation,
    tolerance: g.tolerance,
    acceptance: g.acceptanceRate,
    complete: g.complete ? 'complete' : 'stopped before complete',
  }));
  const x = { field: 'generation', type: 'ordinal' as const, title: 'Generation', axis: { labelAngle: 0 } };
  const drawn = hasTolerance(view);
  return {
    $schema: SCHEMA_URL,
    title: {
      text: 'How the sampler narrowed the posterior',
      subtitle: drawn ? 'Tolerance (distance in units of uncertainty) and share of runs accepted' : 'Share of runs accepted',
    },
    data: { values },
    hconcat: [
      ...(drawn
        ? [
            {
              width: 260,
              height: 200,
              transform: [{ filter: 'datum.tolerance !== null' }],
              mark: { type: 'line', point: true, color: POSTERIOR_COLOUR },
              encoding: { x, y: { field: 'tolerance', type: 'quantitative', title: 'Tolerance', scale: { zero: true } } },
            },
          ]
        : []),
      {
        width: 260,
        height: 200,
        mark: { type: 'bar' },
        encoding: {
          x,
          y: {
            field: 'acceptance',
            type: 'quantitative',
            title: 'Share of runs accepted',
            axis: { format: '.0%' },
            scale: { domain: [0, 1] },
          },
          color: {
            field: 'complete',
            type: 'nominal',
            title: null,
            scale: { domain: ['complete', 'stopped before complete'], range: [POSTERIOR_COLOUR, '#9ecae9'] },
            legend: { orient: 'bottom' },
          },
        },
      },
    ],
    config: chartConfig(),
  } as TopLevelSpec;
}

/** Returns the spec of the posterior predictive check: one row per target, its observed interval and value against the
 * predictive runs' values, their median and central 90%. */
export function checkSpec(view: CalibrationView): TopLevelSpec {
  const { targets } = view.calibration;
  const rows = targets.map((target, k) => {
    const label = statisticLabel(target);
    const [low, high] = observedInterval(target);
    const check = view.checks?.[k];
    const draws = view.result.check.flatMap((record) =>
      record.status === 'ok' && record.statistics[k] !== null ? [{ value: record.statistics[k] }] : [],
    );
    const summary = check?.median == null || check.ci90 == null ? [] : [{ median: check.median, low: check.ci90[0], high: check.ci90[1] }];
    const y = { value: 14 };
    return {
      width: CHART_WIDTH - 120,
      height: 28,
      title: { text: label, fontSize: 13, fontWeight: 'normal' as const },
      layer: [
        {
          data: { values: [{ low, high, observed: target.observed }] },
          layer: [
            {
              mark: { type: 'rect' as const, color: '#d5d9de', opacity: 0.8 },
              encoding: { x: { field: 'low', type: 'quantitative' as const, title: null, scale: { zero: false } }, x2: { field: 'high' } },
            },
            {
              mark: { type: 'rule' as const, color: '#1b1f24', strokeWidth: 2 },
              encoding: { x: { field: 'observed', type: 'quantitative' as const } },
            },
          ],
        },
        {
          data: { values: draws },
          mark: { type: 'tick' as const, color: POSTERIOR_COLOUR, opacity: 0.45, thickness: 1 },
          encoding: { x: { field: 'value', type: 'quantitative' as const }, y },
        },
        {
          data: { values: summary },
          layer: [
            {
              mark: { type: 'rule' as const, color: CHECK_COLOUR, strokeWidth: 2 },
              encoding: { x: { field: 'low', type: 'quantitative' as const }, x2: { field: 'high' }, y },
            },
            {
              mark: { type: 'point' as const, filled: true, size: 70, color: CHECK_COLOUR },
              encoding: { x: { field: 'median', type: 'quantitative' as const }, y },
            },
          ],
        },
      ],
    };
  });
  return {
    $schema: SCHEMA_URL,
    title: {
      text: 'Does the calibrated model reproduce the targets?',
      subtitle: 'Band and line: observed; ticks: posterior predictive runs; dot and bar: their median and 90%',
    },
    vconcat: rows,
    resolve: { scale: { x: 'independent' } },
    config: chartConfig(),
  } as TopLevelSpec;
}
