// The report's charts as vega-lite specs: pure functions from a Comparison to top-level specs with their data
// inlined, so a spec is a complete, forwardable description of one chart. Rendering them is render.ts's job.
import type { Config, TopLevelSpec } from 'vega-lite';
import type { Comparison, SeriesField } from '../analysis/comparison.ts';
import { SERIES_FIELDS } from '../analysis/comparison.ts';
import { LEVEL_NAMES, METRIC_NAMES, type MetricName } from '../engine/types.ts';
import { LEVER_KEYS, LEVER_MEANINGS, type LeverKey } from '../scenario/schema.ts';

/** The family render.ts draws and measures text with, from the TTF files of the dejavu-fonts-ttf package. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';
/** The font every chart is set in: DejaVu Sans, so the SVG and the PNG agree, then Verdana (of similar widths) where a browser lacks it. */
export const CHART_FONT = `${CHART_FONT_FAMILY}, Verdana, sans-serif`;
/** The width in pixels of a single-view chart (series, survival, hazard), legend and titles included. */
export const CHART_WIDTH = 640;
/** The height in pixels of a single-view chart, titles and axes included. */
export const CHART_HEIGHT = 320;

/** The vega-lite schema every spec names. */
export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Tableau 10, vega's default categorical scheme, listed so a scenario keeps its colour in every chart. */
const SCENARIO_PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#eeca3b', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac'];
/** Faceted charts are sized per panel: levers and the forest plot one row per lever or metric, levels two panels a row. */
const LEVER_PANEL = { width: 560, height: 70 } as const;
const LEVEL_PANEL = { width: 470, height: 130 } as const;
/** The continuum levels' colours, weakest first: four steps of viridis, light to dark, far enough apart to tell neighbouring
 * bands apart and the weakest from the white page (a perceptually ordered, colour-blind-safe scheme). */
export const LEVEL_PALETTE = ['#b5de2b', '#35b779', '#26828e', '#3e4989'] as const;
const FOREST_PANEL_WIDTH = 420;
const FOREST_ROW_STEP = 26;

/** Each metric's title in the forest plot of differences (longer than the labels of sentences). */
const METRIC_TITLES: Record<MetricName, string> = {
  partnershipsFormed: 'Partnerships formed',
  partnershipsDissolved: 'Partnerships dissolved',
  partnershipsActiveAtEnd: 'Partnerships active at the end',
  participationAtEnd: 'Share of organisations in a partnership at the end',
  meanTrustAtEnd: 'Mean trust at the end (0-1)',
  meanStrengthAtEnd: 'Mean partnership strength at the end (0-1)',
  strongShareAtEnd: 'Share of partnerships cooperating or collaborating at the end',
  medianLifetimeYears: 'Median lifetime of partnerships (years, Kaplan-Meier)',
  rmst5y: 'Mean years lived of the first 5 (restricted mean)',
  rmst10y: 'Mean years lived of the first 10 (restricted mean)',
  survival3y: 'Share of partnerships surviving 3 years',
  survival5y: 'Share of partnerships surviving 5 years',
  trustsAtEnd: 'Multi-academy trusts with a school at the end',
  inTrustsAtEnd: 'Share of schools in a trust at the end',
  inTrustsElsewhereAtEnd: 'Share of schools in a trust based in another area at the end',
  meanTrustSizeAtEnd: 'Mean schools per trust at the end',
};

// Axis titles stay shorter than the plot is tall: a longer one overflows it and pushes the chart title off the canvas.
const SERIES_TEXT: Record<SeriesField, { title: string; axis: string; what: string; format?: string }> = {
  active: { title: 'Active partnerships', axis: 'Active partnerships', what: 'The number of active partnerships' },
  participation: {
    title: 'Organisations in partnerships',
    axis: 'Share of organisations',
    what: 'The share of organisations in at least one partnership',
    format: '.0%',
  },
  meanTrust: {
    title: 'Trust between organisations',
    axis: 'Mean trust (0-1)',
    what: 'The mean trust between organisations, over every tie',
  },
  meanStrength: {
    title: 'Strength of partnerships',
    axis: 'Mean strength (0-1)',
    what: 'The mean strength (continuum score) of active partnerships',
  },
};

/** A chart of the report before it is rendered: a stable id (for file names and anchors), its title and caption, and its spec. */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** Returns the shared look: the chart font, readable sizes, titles anchored left. A fresh object each call, so specs share nothing. */
export function chartConfig(): Config {
  return {
    font: CHART_FONT,
    title: { fontSize: 16, subtitleFontSize: 12, anchor: 'start', subtitlePadding: 4, offset: 10 },
    axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', labelLimit: 260 },
    legend: { labelFontSize: 12, titleFontSize: 13, labelLimit: 260 },
    header: { labelFontSize: 13, titleFontSize: 13 },
  };
}

/** Returns the header of a chart faceted in rows: each row's label above it, bold, flush left. */
export function rowHeader() {
  return { labelAngle: 0, labelOrient: 'top', labelAlign: 'left', labelAnchor: 'start', labelFontWeight: 'bold', labelPadding: 4 } as const;
}

/** Returns the scenario names in the comparison's order (baseline first): the colour domain of every chart. */
function scenarioNames(comparison: Comparison): string[] {
  return comparison.scenarios.map((s) => s.name);
}

/** Returns the colour encoding by scenario with a fixed domain and range, so a scenario has one colour throughout the report.
 * `legend` null hides the legend; an object sets its look. */
function scenarioColour(
  names: readonly string[],
  legend?: { symbolType: 'stroke'; symbolStrokeWidth: number; symbolOpacity: number } | null,
) {
  return {
    field: 'scenario',
    type: 'nominal' as const,
    title: 'Scenario',
    scale: { domain: [...names], range: names.map((_, k) => SCENARIO_PALETTE[k % SCENARIO_PALETTE.length]) },
    ...(legend === undefined ? {} : { legend: legend && { ...legend } }),
  };
}

/** Returns the axis of a span of years: whole years where the span is two years or more (else halves and quarters), and
 * labels without trailing zeros (vega gives every label the places of the finest tick: 1.0). A fresh object each call. */
function yearAxis(comparison: Comparison): { format: string; tickMinStep?: number } {
  const years = Math.max(0, ...comparison.scenarios.map((s) => s.steps / s.stepsPerYear));
  return { format: '~f', ...(years >= 2 ? { tickMinStep: 1 } : {}) };
}

/** The legend of a line on a band: every layer sharing a legend must say the same, and the band's faint fill would make faint symbols. */
const LINE_LEGEND = { symbolType: 'stroke', symbolStrokeWidth: 3, symbolOpacity: 1 } as const;

/** Returns whether the comparison holds one scenario (a `partnersim run` report) and whether every scenario ran once (no
 * replicates, so no interval across them): what the charts may say and draw. */
function reportShape(comparison: Comparison): { single: boolean; oneRun: boolean } {
  return { single: comparison.scenarios.length === 1, oneRun: comparison.scenarios.every((s) => s.replicates === 1) };
}

/** Returns the legend of the scenarios' colours: none for a single scenario, whose name the report's title already gives. */
function scenarioLegend(comparison: Comparison, legend: typeof LINE_LEGEND | undefined): typeof LINE_LEGEND | undefined | null {
  return reportShape(comparison).single ? null : legend;
}

/** Returns what the replicate counts are, in words, for captions: "10 replicates" or "10 to 20 replicates". */
function replicatesText(comparison: Comparison): string {
  const counts = comparison.scenarios.map((s) => s.replicates);
  if (counts.length === 0) return 'the replicates';
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  const unit = high === 1 ? 'replicate' : 'replicates';
  return low === high ? `${low} ${unit}` : `${low} to ${high} ${unit}`;
}

/** Returns the levers whose value differs between scenarios or over time, in LEVER_KEYS order. */
function varyingLevers(comparison: Comparison): LeverKey[] {
  return LEVER_KEYS.filter((lever) => {
    const values = comparison.levers.filter((p) => p.lever === lever).map((p) => p.value);
    return values.length > 0 && values.some((v) => v !== values[0]);
  });
}

/**
 * Returns the lever schedules: for each lever that varies (between scenarios or over time), its value over the
 * years, one row of panels (560x70 each) per lever, a step line per scenario (baseline solid, others dashed, so
 * coinciding schedules stay visible). When no lever varies, a bar chart (a 440 px plot, 22 px a bar) of the levers'
 * common constant values. Null when the comparison holds no lever values.
 */
export function leverSpec(comparison: Comparison): TopLevelSpec | null {
  if (comparison.levers.length === 0) return null;
  const names = scenarioNames(comparison);
  const varying = varyingLevers(comparison);
  if (varying.length === 0) {
    const first = comparison.levers[0].scenario;
    const values = LEVER_KEYS.flatMap((lever) => {
      const point = comparison.levers.find((p) => p.scenario === first && p.lever === lever);
      return point ? [{ lever, value: point.value }] : [];
    });
    return {
      $schema: SCHEMA_URL,
      title: {
        text: 'Lever settings',
        subtitle: reportShape(comparison).single ? 'Held for the whole run' : 'The same in every scenario and held for the whole run',
      },
      data: { values },
      width: CHART_WIDTH - 200,
      height: { step: 22 },
      mark: { type: 'bar', color: '#6b6b6b' },
      encoding: {
        y: { field: 'lever', type: 'nominal', sort: [...LEVER_KEYS], title: null },
        x: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, title: 'Lever value (0-1)' },
      },
      config: chartConfig(),
    };
  }
  // Only the points where a schedule changes, and its last: a step-after line through them draws the same schedule.
  const values = names.flatMap((scenario) =>
    varying.flatMap((lever) => {
      const points = comparison.levers.filter((p) => p.scenario === scenario && p.lever === lever).sort((a, b) => a.step - b.step);
      return points
        .filter((p, k) => k === 0 || k === points.length - 1 || p.value !== points[k - 1].value)
        .map((p) => ({ scenario, lever, year: p.year, value: p.value }));
    }),
  );
  return {
    $schema: SCHEMA_URL,
    title: {
      text: 'Lever schedules',
      subtitle: reportShape(comparison).single
        ? 'Levers that change during the run'
        : 'Levers that differ between scenarios or change during the run',
    },
    data: { values },
    facet: {
      row: {
        field: 'lever',
        type: 'nominal',
        sort: varying,
        title: null,
        header: { labelAngle: 0, labelAlign: 'left', labelOrient: 'top', labelAnchor: 'start', labelFontWeight: 'bold' },
      },
    },
    spec: {
      width: LEVER_PANEL.width,
      height: LEVER_PANEL.height,
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2.5 },
      encoding: {
        x: { field: 'year', type: 'quantitative', title: 'Years since the start', axis: yearAxis(comparison) },
        y: { field: 'value', type: 'quantitative', scale: { domain: [0, 1] }, axis: { tickCount: 3 }, title: 'Value' },
        color: scenarioColour(names, scenarioLegend(comparison, undefined)),
        strokeDash: {
          field: 'scenario',
          type: 'nominal',
          title: 'Scenario',
          scale: { domain: [...names], range: names.map((_, k) => (k === 0 ? [1, 0] : [6, 3 + k])) },
          ...(reportShape(comparison).single ? { legend: null } : {}),
        },
      },
    },
    config: chartConfig(),
  };
}

/** Returns a time series of one field: the mean over replicates as a line per scenario, on a band from low to high (640x320);
 * where every scenario ran once, the run's line alone (there is no interval to draw). */
export function seriesSpec(comparison: Comparison, field: SeriesField): TopLevelSpec {
  const names = scenarioNames(comparison);
  const text = SERIES_TEXT[field];
  const { single, oneRun } = reportShape(comparison);
  const legend = scenarioLegend(comparison, LINE_LEGEND);
  const values = comparison.series
    .filter((p) => p.field === field)
    .map((p) => ({ scenario: p.scenario, year: p.year, mean: p.mean, low: p.low, high: p.high }));
  const y = (field: 'low' | 'mean') => ({
    field,
    type: 'quantitative' as const,
    title: text.axis,
    axis: text.format ? { format: text.format } : {},
  });
  return {
    $schema: SCHEMA_URL,
    title: {
      text: text.title,
      subtitle: oneRun ? (single ? 'One run' : 'One run of each scenario') : 'Line: mean over replicates; band: 95% interval',
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values },
    encoding: { x: { field: 'year', type: 'quantitative', title: 'Years since the start', axis: yearAxis(comparison) } },
    layer: [
      ...(oneRun
        ? []
        : [
            {
              mark: { type: 'area' as const, opacity: 0.2 },
              encoding: { y: y('low'), y2: { field: 'high' }, color: scenarioColour(names, legend) },
            },
          ]),
      {
        mark: { type: 'line', strokeWidth: 2 },
        encoding: { y: y('mean'), color: scenarioColour(names, legend) },
      },
    ],
    config: chartConfig(),
  };
}

/** Returns the Kaplan-Meier survival curves, a step line per scenario on its Greenwood 95% band, share still active 0-1 (640x320). */
export function survivalSpec(comparison: Comparison): TopLevelSpec {
  const names = scenarioNames(comparison);
  const { single, oneRun } = reportShape(comparison);
  const legend = scenarioLegend(comparison, LINE_LEGEND);
  const over = oneRun ? (single ? "from the run's partnerships" : "from each scenario's run") : 'over all replicates';
  const values = comparison.survival.map((s) => ({ scenario: s.scenario, years: s.years, survival: s.survival, low: s.low, high: s.high }));
  const y = (field: 'low' | 'survival') => ({
    field,
    type: 'quantitative' as const,
    title: 'Share still active',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  });
  return {
    $schema: SCHEMA_URL,
    title: {
      text: 'How long partnerships last',
      subtitle: `Kaplan-Meier estimate ${over}; band: 95% interval (Greenwood, log-log)`,
    },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values },
    encoding: { x: { field: 'years', type: 'quantitative', title: 'Years since the partnership formed', axis: yearAxis(comparison) } },
    layer: [
      {
        mark: { type: 'area', interpolate: 'step-after', opacity: 0.2 },
        encoding: { y: y('low'), y2: { field: 'high' }, color: scenarioColour(names, legend) },
      },
      {
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
        encoding: { y: y('survival'), color: scenarioColour(names, legend) },
      },
    ],
    config: chartConfig(),
  };
}

/** Returns the hazard of dissolution by year of a partnership's life, bars grouped by scenario (640x320); years with no exposure are left out. */
export function hazardSpec(comparison: Comparison): TopLevelSpec {
  const names = scenarioNames(comparison);
  const values = comparison.hazard
    .filter((h) => h.hazard !== null)
    .map((h) => ({ scenario: h.scenario, yearOfLife: h.age + 1, hazard: h.hazard }));
  return {
    $schema: SCHEMA_URL,
    title: { text: 'When partnerships dissolve', subtitle: 'Dissolutions per partnership-year, by year of the partnership\u2019s life' },
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    data: { values },
    mark: 'bar',
    encoding: {
      x: { field: 'yearOfLife', type: 'ordinal', title: 'Year of the partnership\u2019s life', axis: { labelAngle: 0 } },
      xOffset: { field: 'scenario', type: 'nominal', scale: { domain: [...names] } },
      // A run too short for any partnership formed in it to be followed a year has no bars: the axis still stands.
      y: {
        field: 'hazard',
        type: 'quantitative',
        title: ['Dissolutions per', 'partnership-year'],
        ...(values.length === 0 ? { scale: { domain: [0, 1] } } : {}),
      },
      color: scenarioColour(names, scenarioLegend(comparison, undefined)),
    },
    config: chartConfig(),
  };
}

/**
 * Returns the continuum levels: mean active partnerships at each level over the years as a stacked area, networking
 * at the bottom to collaborating at the top, one panel (470x130) per scenario, one above the other (so no panel is ever
 * left empty), on shared scales with the years along the bottom; bands in LEVEL_PALETTE, parted by white hairlines.
 */
export function levelsSpec(comparison: Comparison): TopLevelSpec {
  const names = scenarioNames(comparison);
  const values = comparison.levels.map((p) => ({
    scenario: p.scenario,
    year: p.year,
    level: p.level,
    order: LEVEL_NAMES.indexOf(p.level),
    mean: p.mean,
  }));
  return {
    $schema: SCHEMA_URL,
    title: {
      text: 'How strong partnerships are',
      subtitle: `Active partnerships at each level of the continuum${reportShape(comparison).oneRun ? '' : ', mean over replicates'}`,
    },
    data: { values },
    facet: { row: { field: 'scenario', type: 'nominal', sort: names, title: null, header: rowHeader() } },
    spec: {
      width: LEVEL_PANEL.width,
      height: LEVEL_PANEL.height,
      mark: { type: 'area', stroke: '#ffffff', strokeWidth: 0.75 },
      encoding: {
        x: { field: 'year', type: 'quantitative', title: 'Years since the start', axis: yearAxis(comparison) },
        y: { field: 'mean', type: 'quantitative', stack: 'zero', title: 'Active partnerships' },
        // Legend entries strongest first, as the bands stack from the top.
        color: {
          field: 'level',
          type: 'ordinal',
          title: 'Continuum level',
          scale: { domain: [...LEVEL_NAMES], range: [...LEVEL_PALETTE] },
          legend: { values: [...LEVEL_NAMES].reverse() },
        },
        order: { field: 'order', type: 'quantitative' },
      },
    },
    config: chartConfig(),
  };
}

/**
 * Returns a forest plot of each scenario's paired difference from the baseline: per metric a row of panels
 * (420 wide, 26 px per scenario) with the mean difference as a point, its 95% interval as a rule and a dashed
 * line at zero. Each metric keeps its own units and x scale (facet by metric, independent x) rather than being
 * standardised: an analyst reads "+12 partnerships formed" directly, and standardised effects (d_z) would hide
 * how large a change is in the units policy cares about. Null when there are no differences (one scenario).
 */
export function forestSpec(comparison: Comparison): TopLevelSpec | null {
  if (comparison.differences.length === 0) return null;
  const names = scenarioNames(comparison);
  const others = names.filter((name) => name !== comparison.baseline);
  const values = comparison.differences
    .filter((d) => d.mean !== null)
    // Without an interval (fewer than two pairs) the rule shrinks to the point: an empty extent would leave the panel's scale undefined.
    .map((d) => ({
      scenario: d.scenario,
      metric: METRIC_TITLES[d.metric],
      mean: d.mean,
      low: d.ci95 ? d.ci95[0] : d.mean,
      high: d.ci95 ? d.ci95[1] : d.mean,
    }));
  const y = () => ({ field: 'scenario', type: 'nominal' as const, sort: [...others], title: null });
  // Padding keeps the zero line and the interval ends off the panel's edges.
  const x = () => ({ type: 'quantitative' as const, title: null, scale: { zero: true, padding: 12 }, axis: { tickCount: 5 } });
  return {
    $schema: SCHEMA_URL,
    title: {
      text: `Differences from ${comparison.baseline}`,
      subtitle: 'Scenario minus baseline, paired by replicate: mean and 95% interval; each metric has its own scale',
    },
    data: { values },
    facet: {
      row: {
        field: 'metric',
        type: 'nominal',
        sort: METRIC_NAMES.map((m) => METRIC_TITLES[m]),
        title: null,
        header: rowHeader(),
      },
    },
    spec: {
      width: FOREST_PANEL_WIDTH,
      height: { step: FOREST_ROW_STEP },
      layer: [
        { mark: { type: 'rule', color: '#888888', strokeDash: [4, 4] }, encoding: { x: { datum: 0, ...x() } } },
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y: y(), x: { field: 'low', ...x() }, x2: { field: 'high' }, color: scenarioColour(names, null) },
        },
        {
          mark: { type: 'point', filled: true, size: 70, opacity: 1 },
          encoding: { y: y(), x: { field: 'mean', ...x() }, color: scenarioColour(names, null) },
        },
      ],
    },
    resolve: { scale: { x: 'independent' } },
    config: chartConfig(),
  };
}

/** Returns the charts of a report in the order it shows them: levers, differences, the four time series, survival, hazard, levels. */
export function reportCharts(comparison: Comparison): ChartSpec[] {
  const reps = replicatesText(comparison);
  const { single, oneRun } = reportShape(comparison);
  // How the runs behind a chart combine, in its caption: one scenario's run, each scenario's run, or the replicates.
  const run = single ? 'the run' : "each scenario's run";
  const noBand = 'no interval is drawn (replicates would give one)';
  const charts: ChartSpec[] = [];
  const levers = leverSpec(comparison);
  if (levers) {
    const varying = varyingLevers(comparison);
    const meanings = varying.map((lever) => `${lever}: ${LEVER_MEANINGS[lever]}.`).join(' ');
    charts.push({
      id: 'levers',
      title: varying.length > 0 ? 'Lever schedules' : 'Lever settings',
      caption:
        varying.length > 0
          ? single
            ? `The value of each lever that changes during the run (levers held constant are not shown). ${meanings}`
            : `The value of each lever that differs between scenarios or changes during the run (levers left the same everywhere are not shown). ${meanings} The baseline is the solid line; where scenarios share a schedule their lines coincide.`
          : single
            ? 'The scenario holds every lever at these values for the whole run.'
            : 'Every scenario sets the levers to the same values and holds them for the whole run.',
      spec: levers,
    });
  }
  const forest = forestSpec(comparison);
  if (forest) {
    charts.push({
      id: 'differences',
      title: `Differences from ${comparison.baseline}`,
      caption: oneRun
        ? `Each scenario's outcome minus the baseline's in one run of each with the same random numbers: a point each, and ${noBand}. Each metric has its own scale.`
        : `Each scenario's outcome minus the baseline's, run by run with the same random numbers, averaged over ${reps}. The point is the mean difference, the bar its 95% interval; an interval that crosses the dashed zero line is not distinguishable from no difference. Each metric has its own scale.`,
      spec: forest,
    });
  }
  for (const field of SERIES_FIELDS) {
    charts.push({
      id: `series-${field}`,
      title: SERIES_TEXT[field].title,
      caption: oneRun
        ? `${SERIES_TEXT[field].what} over the years in ${run}; ${noBand}.`
        : `${SERIES_TEXT[field].what} over the years: the line is the mean over ${reps}, the shaded band the 95% interval of that mean.`,
      spec: seriesSpec(comparison, field),
    });
  }
  charts.push(
    {
      id: 'survival',
      title: 'How long partnerships last',
      caption: `The share of partnerships still active a given number of years after forming (Kaplan-Meier, ${oneRun ? `from ${run}` : `pooled over ${reps}`}); partnerships still active when the run ends count until then. The band is the 95% interval (Greenwood, log-log).`,
      spec: survivalSpec(comparison),
    },
    {
      id: 'hazard',
      title: 'When partnerships dissolve',
      caption: `Dissolutions per partnership-year in each year of a partnership's life, ${oneRun ? `in ${run}` : `pooled over ${reps}`}: a high bar is a year in which partnerships are likely to end.`,
      spec: hazardSpec(comparison),
    },
    {
      id: 'levels',
      title: 'How strong partnerships are',
      caption: `Active partnerships at each level of the continuum from networking (weakest, at the bottom) to collaborating (strongest, on top), ${oneRun ? `in ${run}` : `mean over ${reps}`}${single ? '' : ', one panel per scenario on the same scale'}.`,
      spec: levelsSpec(comparison),
    },
  );
  return charts;
}
