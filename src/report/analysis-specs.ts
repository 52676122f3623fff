// The charts of a sweep analysis as vega-lite specs: pure functions from a SweepAnalysis to top-level specs with their
// data inlined, in the look of the comparison's charts (specs.ts). Rendering them is render.ts's job.
import type { TopLevelSpec } from 'vega-lite';
import type { MorrisEffects } from '../analysis/morris.ts';
import type { PrimResult } from '../analysis/prim.ts';
import type { SobolIndices } from '../analysis/sobol.ts';
import type { AnalysedParameter, MetricResult, SweepAnalysis } from '../analysis/sweep-analysis.ts';
import type { MetricName } from '../engine/types.ts';
import { conditionInWords, METRIC_LABELS } from './messages.ts';
import { capitalise, isScientific, wholePercent } from '../wording.ts';
import { CHART_HEIGHT, CHART_WIDTH, chartConfig, rowHeader, SCHEMA_URL, type ChartSpec } from './specs.ts';

/** The two Sobol' orders, light and dark of one hue, so the total (which contains the first) reads as the stronger. */
const ORDERS = { domain: ['First order', 'Total order'], range: ['#9ecae9', '#1f5f99'] } as const;
/** One dark colour per PRIM box, so each box's limits stand out against the light sweep range. */
const BOX_PALETTE = ['#1f5f99', '#b5542b', '#3b7d3b', '#7a4e9c', '#8c6d1f', '#2f7f86'];
/** Morris's reading of sigma against mu* (Garcia Sanchez et al., 2014): below 0.1 almost linear, above 1 strongly non-linear or interacting. */
export const MORRIS_RATIOS = [0.1, 0.5, 1] as const;
const INDEX_BAR_STEP = 16;
const HEATMAP_CELL = { width: 96, height: 30 } as const;
const RANGE_PANEL_WIDTH = 440;
const RANGE_ROW_STEP = 18;

/** Returns a metric's label with a capital, as a chart title or axis shows it. */
const metricLabel = (metric: MetricName): string => capitalise(METRIC_LABELS[metric]);

/** Returns the results that were measured, keeping their order (the chosen metric first). */
function measured<T>(results: readonly MetricResult<T>[]): { metric: MetricName; result: T }[] {
  return results.flatMap((r) => (r.result === null ? [] : [{ metric: r.metric, result: r.result }]));
}

/** Returns the chosen metric's result, or null when it has none. */
function chosen<T>(metric: MetricName, results: readonly MetricResult<T>[]): T | null {
  return results.find((r) => r.metric === metric)?.result ?? null;
}

/** Returns the parameter keys in decreasing order of total-order index (ties in the sweep's order). */
export function parametersByTotal(parameters: readonly AnalysedParameter[], indices: SobolIndices): string[] {
  return parameters
    .map((p, i) => ({ key: p.key, total: indices.total[i].estimate, i }))
    .sort((a, b) => b.total - a.total || a.i - b.i)
    .map((p) => p.key);
}

/**
 * Returns a metric's first- and total-order Sobol' indices per parameter as bars side by side, each with its
 * bootstrap interval as a line, parameters sorted by total index (largest on top), 16 px a bar. The axis runs
 * from 0 to 1 and further where an estimate or interval, from sampling error, falls outside: nothing is clipped.
 */
export function sobolIndicesSpec(metric: MetricName, parameters: readonly AnalysedParameter[], indices: SobolIndices): TopLevelSpec {
  const values = parameters.flatMap((p, i) =>
    (['first', 'total'] as const).map((order, o) => {
      const { estimate, ci } = indices[order][i];
      return { parameter: p.key, order: ORDERS.domain[o], estimate, low: ci[0], high: ci[1] };
    }),
  );
  const ends = values.flatMap((v) => [v.estimate, v.low, v.high]);
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: 'Share of variance',
    scale: { domain: [Math.min(0, ...ends), Math.max(1, ...ends)], nice: false },
    axis: { format: '.0%' },
  });
  return {
    $schema: SCHEMA_URL,
    title: {
      text: `What drives ${METRIC_LABELS[metric]}`,
      subtitle: `Sobol' indices: bar, estimate; line, ${wholePercent(indices.confidence)} bootstrap interval`,
    },
    data: { values },
    width: CHART_WIDTH - 260,
    height: { step: INDEX_BAR_STEP },
    encoding: {
      y: { field: 'parameter', type: 'nominal', sort: parametersByTotal(parameters, indices), title: null },
      yOffset: { field: 'order', type: 'nominal', scale: { domain: [...ORDERS.domain], paddingOuter: 0.15 } },
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          x: x('estimate'),
          color: {
            field: 'order',
            type: 'nominal',
            title: null,
            scale: { domain: [...ORDERS.domain], range: [...ORDERS.range] },
            legend: { orient: 'top', direction: 'horizontal' },
          },
        },
      },
      { mark: { type: 'rule', color: '#1b1f24', strokeWidth: 1.5 }, encoding: { x: x('low'), x2: { field: 'high' } } },
    ],
    config: chartConfig(),
  };
}

/** A heatmap's cell: the metric (row), the parameter (column), the value coloured and printed, and whether its row is
 * too uncertain to read. */
interface HeatCell {
  readonly metric: string;
  readonly parameter: string;
  readonly value: number;
  readonly uncertain: boolean;
}

/** A heatmap's row is too uncertain to read when more than this share of what it rests on was dropped for a missing
 * value: base samples (blocks) for Sobol' indices, elementary effects for Morris. It is greyed, and its label says how
 * much it rests on. */
export const UNCERTAIN_DROPPED = 0.5;

/** A metric's row of a heatmap: its label (with, when uncertain, how much it rests on) and whether it is uncertain. */
interface HeatRow {
  readonly metric: MetricName;
  readonly label: string;
  readonly uncertain: boolean;
}

/** Returns a metric's heatmap row from how many of its units (base samples, effects) were used and dropped. */
function heatRow(metric: MetricName, used: number, dropped: number, units: string): HeatRow {
  const uncertain = dropped > UNCERTAIN_DROPPED * (used + dropped);
  return { metric, uncertain, label: uncertain ? `${metricLabel(metric)}: ${used} of ${used + dropped} ${units}` : metricLabel(metric) };
}

/** The colours of an uncertain row: a pale grey cell, its value in grey. */
const UNCERTAIN_FILL = '#eceef1';
const UNCERTAIN_TEXT = '#6b7480';

/** Returns a heatmap of values from 0 to 1, metrics as rows and parameters as columns (96x30 px a cell), the value
 * printed in each cell to two places and the legend in the same decimals; colours are clamped to 0-1, the printed
 * value is not. Uncertain rows are grey, whatever their values. */
function heatmapSpec(
  text: string,
  subtitle: string,
  legend: string,
  cells: readonly HeatCell[],
  columns: readonly string[],
  rows: readonly HeatRow[],
): TopLevelSpec {
  const axis = (field: 'metric' | 'parameter', sort: readonly string[]) => ({
    field,
    type: 'nominal' as const,
    sort: [...sort],
    title: null,
  });
  return {
    $schema: SCHEMA_URL,
    title: { text, subtitle },
    data: { values: cells.map((c) => ({ ...c })) },
    width: { step: HEATMAP_CELL.width },
    height: { step: HEATMAP_CELL.height },
    encoding: {
      x: {
        ...axis('parameter', columns),
        axis: { orient: 'top', labelAngle: -30, labelAlign: 'left', labelBaseline: 'middle', domain: false, ticks: false },
      },
      y: {
        ...axis(
          'metric',
          rows.map((r) => r.label),
        ),
        axis: { domain: false, ticks: false },
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: {
            condition: { test: 'datum.uncertain', value: UNCERTAIN_FILL },
            field: 'value',
            type: 'quantitative',
            title: legend,
            scale: { domain: [0, 1], scheme: 'blues', clamp: true },
            legend: { format: '.1f' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 12 },
        encoding: {
          text: { field: 'value', type: 'quantitative', format: '.2f' },
          color: {
            condition: [
              { test: 'datum.uncertain', value: UNCERTAIN_TEXT },
              { test: 'datum.value > 0.55', value: '#ffffff' },
            ],
            value: '#1b1f24',
          },
        },
      },
    ],
    config: chartConfig(),
  };
}

/** Returns the total-order Sobol' index of every parameter for every metric with a result, as a heatmap; columns in
 * the order of `columns`. Null when no metric has a result. */
export function sobolHeatmapSpec(analysis: Extract<SweepAnalysis, { method: 'sobol' }>, columns: readonly string[]): TopLevelSpec | null {
  const results = measured(analysis.results);
  if (results.length === 0) return null;
  const rows = results.map(({ metric, result }) => heatRow(metric, result.samples, result.dropped, 'samples'));
  const cells = results.flatMap(({ result }, r) =>
    analysis.parameters.map((p, i) => ({
      metric: rows[r].label,
      parameter: p.key,
      value: result.total[i].estimate,
      uncertain: rows[r].uncertain,
    })),
  );
  return heatmapSpec(
    'Total-order indices of every metric',
    rows.some((r) => r.uncertain)
      ? "Each parameter's share of each metric's variance, with its interactions; grey: too few base samples to read"
      : "Each parameter's share of each metric's variance, with its interactions",
    'Total order',
    cells,
    columns,
    rows,
  );
}

/** Returns mu* over the largest mu* of its metric, for every parameter and every metric with a result, as a
 * heatmap, columns in the sweep's order. Null when no metric has a result. */
export function morrisHeatmapSpec(analysis: Extract<SweepAnalysis, { method: 'morris' }>): TopLevelSpec | null {
  const results = measured(analysis.results);
  if (results.length === 0) return null;
  const rows = results.map(({ metric, result }) =>
    heatRow(
      metric,
      result.factors.reduce((sum, f) => sum + f.effects, 0),
      result.dropped,
      'effects',
    ),
  );
  const cells = results.flatMap(({ result }, r) => {
    const largest = Math.max(...result.factors.map((f) => f.muStar.estimate));
    return analysis.parameters.map((p, i) => ({
      metric: rows[r].label,
      parameter: p.key,
      value: largest > 0 ? result.factors[i].muStar.estimate / largest : 0,
      uncertain: rows[r].uncertain,
    }));
  });
  return heatmapSpec(
    'Elementary effects on every metric',
    rows.some((r) => r.uncertain)
      ? 'μ* over the largest μ* of the metric: 1 marks the parameter that moves it most; grey: too few effects to read'
      : 'μ* over the largest μ* of the metric: 1 marks the parameter that moves it most',
    'Relative μ*',
    cells,
    analysis.parameters.map((p) => p.key),
    rows,
  );
}

/** Returns an axis's number format for values up to `max`: in exponent form (1.5e-7) where the report's text would write
 * them in scientific notation, rather than as ten-digit decimals; vega's own format otherwise. */
function axisNumbers(max: number): { labelExpr?: string } {
  return isScientific(max) ? { labelExpr: "datum.value === 0 ? '0' : format(datum.value, '.2~e')" } : {};
}

/** Returns the ends of a reference line sigma = ratio x mu* from the origin to the edge of the [0, x] x [0, y] plot. */
function ratioLine(ratio: number, x: number, y: number): { ratio: number; label: string; x: number; y: number; x2: number; y2: number } {
  const end = Math.min(x, y / ratio);
  return { ratio, label: `σ/μ* = ${ratio}`, x: 0, y: 0, x2: end, y2: ratio * end };
}

/** Points closer than this share of each axis share one label: negligible parameters pile up at the origin. */
const LABEL_NEIGHBOURHOOD = { x: 0.04, y: 0.05 } as const;

/** Returns one label per group of points that lie on top of each other, naming their parameters in order, at the first. */
function pointLabels(
  points: readonly { parameter: string; muStar: number; sigma: number }[],
  xMax: number,
  yMax: number,
): { label: string; muStar: number; sigma: number }[] {
  const groups: { parameters: string[]; muStar: number; sigma: number }[] = [];
  for (const p of points) {
    const near = groups.find(
      (g) => Math.abs(g.muStar - p.muStar) < LABEL_NEIGHBOURHOOD.x * xMax && Math.abs(g.sigma - p.sigma) < LABEL_NEIGHBOURHOOD.y * yMax,
    );
    if (near) near.parameters.push(p.parameter);
    else groups.push({ parameters: [p.parameter], muStar: p.muStar, sigma: p.sigma });
  }
  return groups.map((g) => ({ label: g.parameters.join(', '), muStar: g.muStar, sigma: g.sigma }));
}

/**
 * Returns mu* against sigma for a metric (640x400): a point per parameter, labelled (points on top of each other
 * share a label), its mu* interval as a horizontal line, and dashed lines where sigma/mu* is 0.1, 0.5 and 1. Parameters without a sigma (fewer than two effects) are
 * left out. Null when none has one.
 */
export function morrisScreeningSpec(
  metric: MetricName,
  parameters: readonly AnalysedParameter[],
  effects: MorrisEffects,
): TopLevelSpec | null {
  const values = parameters.flatMap((p, i) => {
    const f = effects.factors[i];
    return f.sigma === null
      ? []
      : [{ parameter: p.key, muStar: f.muStar.estimate, low: f.muStar.ci[0], high: f.muStar.ci[1], sigma: f.sigma }];
  });
  if (values.length === 0) return null;
  // 12% beyond the furthest point or interval end, so labels and line ends stay inside the plot.
  const xMax = 1.12 * Math.max(...values.map((v) => Math.max(v.high, v.muStar))) || 1;
  const yMax = 1.12 * Math.max(...values.map((v) => v.sigma)) || xMax;
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: 'μ* (mean absolute elementary effect)',
    scale: { domain: [0, xMax], nice: false },
    axis: axisNumbers(xMax),
  });
  const y = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: 'σ (spread of the effects)',
    scale: { domain: [0, yMax], nice: false },
    axis: axisNumbers(yMax),
  });
  const lines = MORRIS_RATIOS.map((ratio) => ratioLine(ratio, xMax, yMax));
  const labels = pointLabels(values, xMax, yMax);
  return {
    $schema: SCHEMA_URL,
    title: {
      text: `What moves ${METRIC_LABELS[metric]}`,
      subtitle: `Morris screening: point, μ* and σ; line, μ*'s ${wholePercent(effects.confidence)} bootstrap interval`,
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT + 80,
    autosize: { type: 'fit', contains: 'padding' },
    layer: [
      {
        data: { values: lines.map((l) => ({ ...l })) },
        layer: [
          {
            mark: { type: 'rule', color: '#9aa3ad', strokeDash: [5, 4] },
            encoding: { x: x('x'), y: y('y'), x2: { field: 'x2' }, y2: { field: 'y2' } },
          },
          {
            mark: { type: 'text', color: '#5b6470', align: 'right', baseline: 'bottom', dx: -2, dy: -2, fontSize: 11 },
            encoding: { x: x('x2'), y: y('y2'), text: { field: 'label' } },
          },
        ],
      },
      {
        data: { values },
        layer: [
          { mark: { type: 'rule', color: '#1f5f99', strokeWidth: 1.5 }, encoding: { x: x('low'), x2: { field: 'high' }, y: y('sigma') } },
          { mark: { type: 'point', filled: true, size: 70, color: '#1f5f99', opacity: 1 }, encoding: { x: x('muStar'), y: y('sigma') } },
        ],
      },
      {
        data: { values: labels },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 5, dy: -4, fontSize: 12 },
        encoding: { x: x('muStar'), y: y('sigma'), text: { field: 'label' } },
      },
    ],
    config: chartConfig(),
  };
}

/** Returns "Box 1", "Box 2"...: a PRIM box's name in charts and tables. */
export function boxName(index: number): string {
  return `Box ${index + 1}`;
}

/**
 * Returns PRIM's trade-off (640x400): density against coverage at every step of each box's peeling trajectory,
 * coloured by how many parameters the step's box restricts, a line through each trajectory, the chosen step ringed
 * and named, and the base rate as a dashed line. Null when PRIM found no box.
 */
export function primTradeoffSpec(result: PrimResult, k: number): TopLevelSpec | null {
  if (result.boxes.length === 0) return null;
  const values = result.boxes.flatMap((trajectory, b) =>
    trajectory.steps.map((step, s) => ({
      box: boxName(b),
      step: s,
      coverage: step.coverage,
      density: step.density,
      restricted: step.restricted.filter(Boolean).length,
      chosen: s === trajectory.chosen,
    })),
  );
  const names = result.boxes.map((_, b) => boxName(b));
  const x = () => ({
    field: 'coverage',
    type: 'quantitative' as const,
    title: 'Coverage: share of the runs where it holds that are in the box',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  });
  const y = () => ({
    field: 'density',
    type: 'quantitative' as const,
    title: 'Density: share of the box where it holds',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  });
  const counts = Array.from({ length: k + 1 }, (_, n) => n);
  return {
    $schema: SCHEMA_URL,
    title: {
      text: 'Coverage against density',
      subtitle: 'Each point a box along a peeling trajectory, from the whole sweep (right) to the smallest box (left)',
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT + 80,
    autosize: { type: 'fit', contains: 'padding' },
    layer: [
      {
        data: { values: [{ density: result.density, label: `base rate ${wholePercent(result.density)}` }] },
        layer: [
          { mark: { type: 'rule', color: '#9aa3ad', strokeDash: [5, 4] }, encoding: { y: y() } },
          {
            mark: { type: 'text', color: '#5b6470', align: 'left', baseline: 'bottom', dy: -3 },
            encoding: { x: { datum: 0.01, type: 'quantitative', scale: { domain: [0, 1] } }, y: y(), text: { field: 'label' } },
          },
        ],
      },
      {
        data: { values },
        layer: [
          {
            mark: { type: 'line', color: '#9aa3ad', strokeWidth: 1.5 },
            encoding: { x: x(), y: y(), detail: { field: 'box', type: 'nominal' }, order: { field: 'step', type: 'quantitative' } },
          },
          {
            mark: { type: 'point', filled: true, size: 60, opacity: 1 },
            encoding: {
              x: x(),
              y: y(),
              color: {
                field: 'restricted',
                type: 'ordinal',
                title: 'Parameters restricted',
                scale: { domain: counts, scheme: { name: 'viridis', extent: [0, 0.85] } },
              },
              shape: { field: 'box', type: 'nominal', title: 'Trajectory', scale: { domain: [...names] } },
            },
          },
          {
            transform: [{ filter: 'datum.chosen' }],
            mark: { type: 'point', size: 380, strokeWidth: 2, color: '#1b1f24', opacity: 1 },
            encoding: { x: x(), y: y() },
          },
          {
            transform: [{ filter: 'datum.chosen' }],
            mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 10, dy: -8, fontSize: 13, fontWeight: 'bold' },
            encoding: { x: x(), y: y(), text: { field: 'box' } },
          },
        ],
      },
    ],
    config: chartConfig(),
  };
}

/**
 * Returns the ranges of the boxes PRIM chose: a row of panels (440 wide, 18 px a box) per parameter, the sweep's
 * whole range as a light bar and each box's limits as a dark bar in the box's colour, faded where the box leaves
 * the parameter free; each parameter on its own scale. Null when PRIM found no box.
 */
export function primRangesSpec(parameters: readonly AnalysedParameter[], result: PrimResult): TopLevelSpec | null {
  if (result.boxes.length === 0) return null;
  const names = result.boxes.map((_, b) => boxName(b));
  const values = result.boxes.flatMap((trajectory, b) =>
    parameters.map((p, i) => ({
      parameter: p.key,
      box: names[b],
      low: trajectory.box.limits[i][0],
      high: trajectory.box.limits[i][1],
      restricted: trajectory.box.restricted[i],
      sweepLow: p.low,
      sweepHigh: p.high,
    })),
  );
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: null,
    scale: { zero: false, nice: false },
    axis: { tickCount: 5 },
  });
  // The light bar fills each box's whole row, so the rows together draw the sweep's range behind the boxes.
  const y = () => ({ field: 'box', type: 'nominal' as const, sort: [...names], title: null, scale: { paddingInner: 0 } });
  return {
    $schema: SCHEMA_URL,
    title: {
      text: 'Where the condition holds',
      subtitle: "Each box's limits (dark) within the sweep's range (light); faded where a box leaves the parameter free",
    },
    data: { values },
    facet: {
      row: {
        field: 'parameter',
        type: 'nominal',
        sort: parameters.map((p) => p.key),
        title: null,
        header: rowHeader(),
      },
    },
    spec: {
      width: RANGE_PANEL_WIDTH,
      height: { step: RANGE_ROW_STEP },
      layer: [
        {
          mark: { type: 'bar', color: '#e3e7ec', height: { band: 1 } },
          encoding: { y: y(), x: x('sweepLow'), x2: { field: 'sweepHigh' } },
        },
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y: y(),
            x: x('low'),
            x2: { field: 'high' },
            color: {
              field: 'box',
              type: 'nominal',
              title: 'Box',
              scale: { domain: [...names], range: names.map((_, b) => BOX_PALETTE[b % BOX_PALETTE.length]) },
            },
            opacity: { condition: { test: 'datum.restricted', value: 1 }, value: 0.3 },
          },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
    config: chartConfig(),
  };
}

/** Returns the charts of an analysis in the order its report shows them: for Sobol' the chosen metric's indices and
 * the heatmap of every metric; for Morris mu* against sigma and the heatmap; for PRIM the trade-off and the boxes. */
export function analysisCharts(analysis: SweepAnalysis): ChartSpec[] {
  const charts: ChartSpec[] = [];
  const label = METRIC_LABELS[analysis.metric];
  if (analysis.method === 'sobol') {
    const indices = chosen(analysis.metric, analysis.results);
    if (indices !== null) {
      charts.push({
        id: 'sobol-indices',
        title: `What drives ${label}`,
        caption: `Each parameter's first-order index (its share of the variance of ${label} on its own) and total-order index (with all its interactions), estimated from ${indices.samples} base samples; the line is the ${wholePercent(indices.confidence)} bootstrap interval. Parameters are sorted by total-order index. An estimate can fall a little below 0 or above 1 from sampling error; the axis widens to show it.`,
        spec: sobolIndicesSpec(analysis.metric, analysis.parameters, indices),
      });
    }
    const columns = indices === null ? analysis.parameters.map((p) => p.key) : parametersByTotal(analysis.parameters, indices);
    const heatmap = sobolHeatmapSpec(analysis, columns);
    if (heatmap !== null) {
      charts.push({
        id: 'sobol-heatmap',
        title: 'Total-order indices of every metric',
        caption: `The total-order index of each parameter (column) for each metric the sweep measured enough of (row): the share of the metric's variance the parameter accounts for with its interactions. Darker is larger; the printed value is the estimate (see the Results for its interval). A grey row rests on fewer than half of the base samples (a block with a point that measured nothing is dropped), too few to read; its label says how many.`,
        spec: heatmap,
      });
    }
  } else if (analysis.method === 'morris') {
    const effects = chosen(analysis.metric, analysis.results);
    const screening = effects === null ? null : morrisScreeningSpec(analysis.metric, analysis.parameters, effects);
    if (effects !== null && screening !== null) {
      charts.push({
        id: 'morris-screening',
        title: `What moves ${label}`,
        caption: `Each parameter's mean absolute elementary effect on ${label} (μ*, how much it matters) against the spread of its effects (σ), over ${effects.trajectories} trajectories; the horizontal line is μ*'s ${wholePercent(effects.confidence)} bootstrap interval. Below the σ/μ* = 0.1 line a parameter acts almost linearly; above σ/μ* = 1 its effect is strongly non-linear or depends on other parameters.`,
        spec: screening,
      });
    }
    const heatmap = morrisHeatmapSpec(analysis);
    if (heatmap !== null) {
      charts.push({
        id: 'morris-heatmap',
        title: 'Elementary effects on every metric',
        caption: `For each metric the sweep measured enough of (row), each parameter's μ* divided by the largest μ* of that metric, so rows compare although metrics have different units: 1 is the parameter that moves the metric most. A grey row rests on fewer than half of its elementary effects (an effect with a missing end is dropped), too few to read; its label says how many.`,
        spec: heatmap,
      });
    }
  } else {
    const condition = conditionInWords(analysis.condition);
    const tradeoff = primTradeoffSpec(analysis.result, analysis.parameters.length);
    const ranges = primRangesSpec(analysis.parameters, analysis.result);
    if (tradeoff !== null) {
      charts.push({
        id: 'prim-tradeoff',
        title: 'Coverage against density',
        caption: `PRIM peels the sweep's runs down to boxes where ${condition} is more common. Each point is a box on the way: density is the share of its runs where the condition holds, coverage the share of all such runs it keeps. The ringed point is the box chosen on each trajectory (before pasting, which may widen it a little); the dashed line is the base rate over all runs.`,
        spec: tradeoff,
      });
    }
    if (ranges !== null) {
      charts.push({
        id: 'prim-boxes',
        title: 'Where the condition holds',
        caption: `The parameter values inside each chosen box (dark bars, one colour per box) within the whole range the sweep gave each parameter (light bars). A faded bar is a parameter the box leaves free. Each parameter has its own scale.`,
        spec: ranges,
      });
    }
  }
  return charts;
}
