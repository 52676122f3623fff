// The report's vega-lite specs: valid against vega-lite's own schema, compiled without a warning, built purely,
// and drawing what the comparison holds (levers that vary, differences by metric, levels in order, one colour per scenario).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { SERIES_FIELDS } from '../../src/analysis/comparison.ts';
import { LEVEL_NAMES, METRIC_NAMES } from '../../src/engine/types.ts';
import { LEVER_KEYS } from '../../src/scenario/schema.ts';
import {
  CHART_FONT,
  CHART_HEIGHT,
  CHART_WIDTH,
  forestSpec,
  leverSpec,
  LEVEL_PALETTE,
  levelsSpec,
  reportCharts,
  seriesSpec,
  survivalSpec,
} from '../../src/report/specs.ts';
import type { Comparison } from '../../src/analysis/comparison.ts';
import { renderSvg } from '../../src/report/render.ts';
import { deepFreeze, oneScenario, twoScenarios } from './fixture.ts';

/** Returns the CIE76 colour difference of two #rrggbb colours (sRGB, D65): about 2.3 is just noticeable, 20 clearly apart. */
function deltaE(p: string, q: string): number {
  const lab = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    const xyz = [
      (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047,
      0.2126 * r + 0.7152 * g + 0.0722 * b,
      (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883,
    ].map((t) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116));
    return [116 * xyz[1] - 16, 500 * (xyz[0] - xyz[1]), 200 * (xyz[1] - xyz[2])];
  };
  const [a, b] = [lab(p), lab(q)];
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
const validate = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true, validateFormats: false }).compile(schema);

/** Returns the warnings vega-lite raises while compiling a spec. */
function compileWarnings(spec: TopLevelSpec): string[] {
  const warnings: string[] = [];
  const logger = {
    level: () => 2,
    error: (...args: unknown[]) => {
      warnings.push(`error: ${args.join(' ')}`);
      return logger;
    },
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  compile(structuredClone(spec), { logger: logger as never });
  return warnings;
}

/** Returns every object inside a value that satisfies the test, depth first. */
function findAll(value: unknown, test: (object: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  if (!value || typeof value !== 'object') return [];
  const here = !Array.isArray(value) && test(value as Record<string, unknown>) ? [value as Record<string, unknown>] : [];
  return [...here, ...Object.values(value).flatMap((inner) => findAll(inner, test))];
}

/** Returns the inline data rows of a spec. */
function rows(spec: TopLevelSpec | null): Record<string, unknown>[] {
  const data = spec?.data as { values: Record<string, unknown>[] } | undefined;
  return data?.values ?? [];
}

const COMPARISONS = [
  { name: 'two scenarios', comparison: twoScenarios() },
  { name: 'one scenario', comparison: oneScenario() },
];
const CHARTS = COMPARISONS.flatMap(({ name, comparison }) =>
  reportCharts(comparison).map((chart) => ({ label: `${name}: ${chart.id}`, chart })),
);

describe('every chart of a report', () => {
  it.each(CHARTS)('$label is valid against the vega-lite schema', ({ chart }) => {
    const valid = validate(chart.spec);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check can fail: a wrong mark and an unknown property are refused', () => {
    const spec = reportCharts(twoScenarios())[2].spec;
    expect(validate({ ...spec, mark: 'lines' })).toBe(false);
    expect(validate({ ...spec, colour: 'red' })).toBe(false);
  });

  it.each(CHARTS)('$label compiles to vega without a warning', ({ chart }) => {
    expect(compileWarnings(chart.spec)).toEqual([]);
  });

  it.each(CHARTS)('$label holds no object twice, so changing one part of it changes no other', ({ chart }) => {
    const seen = new Set<object>();
    const repeated: unknown[] = [];
    const walk = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      if (seen.has(value)) repeated.push(value);
      seen.add(value);
      Object.values(value).forEach(walk);
    };
    walk(chart.spec);
    expect(repeated).toEqual([]);
  });

  it.each(CHARTS)('$label has a title, a caption, the chart font and its data inline', ({ chart }) => {
    expect(chart.spec.title).toMatchObject({ text: chart.title });
    expect(chart.caption.length).toBeGreaterThan(40);
    expect(chart.spec.config?.font).toBe(CHART_FONT);
    expect(rows(chart.spec).length).toBeGreaterThan(0);
  });

  it('colours each scenario the same in every chart, the baseline first', () => {
    const colourScales = CHARTS.filter(({ label }) => label.startsWith('two')).flatMap(({ chart }) =>
      findAll(
        chart.spec,
        (o) =>
          o.field === 'scenario' &&
          !!o.scale &&
          Array.isArray((o.scale as { range?: unknown[] }).range) &&
          typeof (o.scale as { range: unknown[] }).range[0] === 'string',
      ),
    );
    expect(colourScales.length).toBeGreaterThan(8);
    for (const encoding of colourScales)
      expect(encoding.scale).toEqual({ domain: ['baseline', 'more funding'], range: ['#4c78a8', '#f58518'] });
  });
});

describe('reportCharts', () => {
  it('lists the charts in the order the report shows them', () => {
    expect(reportCharts(twoScenarios()).map((c) => c.id)).toEqual([
      'levers',
      'differences',
      ...SERIES_FIELDS.map((f) => `series-${f}`),
      'survival',
      'hazard',
      'levels',
    ]);
  });

  it('has no differences chart for a single scenario', () => {
    expect(reportCharts(oneScenario()).map((c) => c.id)).toEqual([
      'levers',
      ...SERIES_FIELDS.map((f) => `series-${f}`),
      'survival',
      'hazard',
      'levels',
    ]);
    expect(forestSpec(oneScenario())).toBeNull();
  });

  it('is pure: the same comparison gives deep-equal specs, and a frozen comparison is neither changed nor refused', () => {
    const comparison = deepFreeze(twoScenarios());
    const before = JSON.stringify(comparison);
    const first = reportCharts(comparison);
    expect(reportCharts(comparison)).toEqual(first);
    expect(JSON.stringify(comparison)).toBe(before);
    expect(first).toEqual(reportCharts(twoScenarios()));
  });

  it('shares no object between specs or with the comparison, so changing one spec changes nothing else', () => {
    const comparison = twoScenarios();
    const [a, b] = [seriesSpec(comparison, 'active'), seriesSpec(comparison, 'active')];
    (a.config as { font: string }).font = 'changed';
    rows(a)[0].mean = -1;
    expect(b).toEqual(seriesSpec(twoScenarios(), 'active'));
    expect(comparison).toEqual(twoScenarios());
  });
});

describe('leverSpec', () => {
  it('draws the levers that vary, in lever order, from the points where each schedule changes and its last', () => {
    const spec = leverSpec(twoScenarios());
    expect(findAll(spec, (o) => o.field === 'lever' && Array.isArray(o.sort))[0].sort).toEqual(['policy.carrot', 'market.competition']);
    expect(rows(spec)).toEqual([
      { scenario: 'baseline', lever: 'policy.carrot', year: 0, value: 0.1 },
      { scenario: 'baseline', lever: 'policy.carrot', year: 6, value: 0.1 },
      { scenario: 'baseline', lever: 'market.competition', year: 0, value: 0.5 },
      { scenario: 'baseline', lever: 'market.competition', year: 6, value: 0.5 },
      { scenario: 'more funding', lever: 'policy.carrot', year: 0, value: 0.1 },
      { scenario: 'more funding', lever: 'policy.carrot', year: 2, value: 0.7 },
      { scenario: 'more funding', lever: 'policy.carrot', year: 6, value: 0.7 },
      { scenario: 'more funding', lever: 'market.competition', year: 0, value: 0.3 },
      { scenario: 'more funding', lever: 'market.competition', year: 6, value: 0.3 },
    ]);
  });

  it('draws step lines, so a schedule holds its value until it changes', () => {
    expect(findAll(leverSpec(twoScenarios()), (o) => o.type === 'line')[0].interpolate).toBe('step-after');
  });

  it('shows the common constant values as bars when no lever varies', () => {
    const spec = leverSpec(oneScenario());
    expect(spec).toMatchObject({ mark: { type: 'bar' } });
    expect(rows(spec).map((r) => r.lever)).toEqual([...LEVER_KEYS]);
  });

  it('is null without lever values', () => {
    expect(leverSpec({ ...twoScenarios(), levers: [] })).toBeNull();
  });
});

describe('forestSpec', () => {
  it('has a row per metric with a mean, in metric order, each with its own x scale', () => {
    const spec = forestSpec(twoScenarios());
    const data = rows(spec);
    expect(data).toHaveLength(METRIC_NAMES.length - 1); // survival5y has no pairs
    expect(new Set(data.map((r) => r.scenario))).toEqual(new Set(['more funding']));
    expect(spec).toMatchObject({ resolve: { scale: { x: 'independent' } } });
    const sort = (findAll(spec, (o) => o.field === 'metric')[0].sort as string[]).filter((label) => data.some((r) => r.metric === label));
    expect(data.map((r) => r.metric)).toEqual(sort);
  });

  it('shrinks the interval to the point when there is none (fewer than two pairs)', () => {
    const lifetime = rows(forestSpec(twoScenarios())).find((r) => String(r.metric).startsWith('Median lifetime'));
    expect(lifetime).toMatchObject({ mean: 0.4, low: 0.4, high: 0.4 });
  });

  it('draws a reference line at zero', () => {
    expect(findAll(forestSpec(twoScenarios()), (o) => (o.x as { datum?: number } | undefined)?.datum === 0)).toHaveLength(1);
  });
});

describe('the other charts', () => {
  it('single views are CHART_WIDTH x CHART_HEIGHT, legend and titles included', () => {
    for (const spec of [seriesSpec(twoScenarios(), 'meanTrust'), survivalSpec(twoScenarios())]) {
      expect(spec).toMatchObject({ width: CHART_WIDTH, height: CHART_HEIGHT, autosize: { type: 'fit', contains: 'padding' } });
    }
  });

  it('series draw one field, a band (low..high) under a mean line', () => {
    const spec = seriesSpec(twoScenarios(), 'participation');
    expect(rows(spec)).toHaveLength(2 * 25);
    expect(findAll(spec, (o) => o.type === 'area')).toHaveLength(1);
    expect(findAll(spec, (o) => o.field === 'high')).toHaveLength(1);
  });

  it('survival is a step function on a 0-1 scale', () => {
    const spec = survivalSpec(twoScenarios());
    expect(findAll(spec, (o) => o.interpolate === 'step-after')).toHaveLength(2);
    expect(findAll(spec, (o) => o.field === 'survival')[0].scale).toEqual({ domain: [0, 1] });
  });

  it('for one run of one scenario, say nothing of comparing or of replicates, and draw no band they would not have', () => {
    const alone = oneScenario();
    const run: Comparison = { ...alone, scenarios: alone.scenarios.map((s) => ({ ...s, replicates: 1 })) };
    const charts = reportCharts(run);
    for (const chart of charts) {
      const words = `${chart.caption} ${JSON.stringify(chart.spec.title)}`;
      expect(words, chart.id).not.toMatch(/compar|baseline|solid line|scenarios|replicates?\b(?! would)|mean over/i);
      // Only the survival curve has a band of its own (Greenwood's, from the run's partnerships).
      if (chart.id !== 'survival') expect(words, chart.id).not.toMatch(/band|shaded/i);
      // The one scenario's name is the report's title: no legend repeats it.
      expect(
        findAll(chart.spec, (o) => o.title === 'Scenario' && o.legend !== null && o.field === 'scenario'),
        chart.id,
      ).toEqual([]);
    }
    for (const field of SERIES_FIELDS) {
      const spec = seriesSpec(run, field);
      expect(
        findAll(spec, (o) => o.type === 'area'),
        field,
      ).toEqual([]);
      expect((spec.title as { subtitle: string }).subtitle).toBe('One run');
    }
    expect(charts.find((c) => c.id === 'series-active')!.caption).toBe(
      'The number of active partnerships over the years in the run; no interval is drawn (replicates would give one).',
    );
  });

  it('for one run of each of several scenarios, draw no band and say each scenario ran once', () => {
    const two = twoScenarios();
    const runs: Comparison = { ...two, scenarios: two.scenarios.map((s) => ({ ...s, replicates: 1 })) };
    const charts = reportCharts(runs);
    expect(findAll(seriesSpec(runs, 'active'), (o) => o.type === 'area')).toEqual([]);
    expect(charts.find((c) => c.id === 'series-active')!.caption).toContain("in each scenario's run; no interval is drawn");
    expect(charts.find((c) => c.id === 'differences')!.caption).not.toMatch(/95% interval|averaged/);
  });

  it('levels put one panel per scenario one above the other, with one axis of years and no empty panel', async () => {
    const two = twoScenarios();
    // A third scenario, the second's levels under another name.
    const three: Comparison = {
      ...two,
      scenarios: [...two.scenarios, { ...two.scenarios[1], name: 'third' }],
      levels: [...two.levels, ...two.levels.filter((l) => l.scenario === 'more funding').map((l) => ({ ...l, scenario: 'third' }))],
    };
    for (const comparison of [two, three]) {
      const svg = await renderSvg(levelsSpec(comparison));
      const axes = (axis: string) => svg.split(`aria-label="${axis}-axis titled`).length - 1;
      expect(axes('Y'), `${comparison.scenarios.length} scenarios`).toBe(comparison.scenarios.length);
      expect(axes('X'), `${comparison.scenarios.length} scenarios`).toBe(1);
    }
  });

  it('levels are coloured so that neighbouring bands, and the weakest against the page, are told apart', () => {
    const range = findAll(levelsSpec(twoScenarios()), (o) => o.field === 'level')[0].scale as { range: string[] };
    expect(range.range).toEqual([...LEVEL_PALETTE]);
    const colours = ['#ffffff', ...LEVEL_PALETTE];
    for (let k = 1; k < colours.length; k++)
      expect(deltaE(colours[k - 1], colours[k]), `${colours[k - 1]} ${colours[k]}`).toBeGreaterThan(20);
  });

  it('levels stack networking to collaborating, one panel per scenario', () => {
    const spec = levelsSpec(twoScenarios());
    expect(findAll(spec, (o) => o.field === 'level')[0].scale).toMatchObject({ domain: [...LEVEL_NAMES] });
    expect(findAll(spec, (o) => o.field === 'scenario' && Array.isArray(o.sort))[0].sort).toEqual(['baseline', 'more funding']);
    const order = rows(spec)
      .filter((r) => r.scenario === 'baseline' && r.year === 1)
      .map((r) => [r.level, r.order]);
    expect(order).toEqual(LEVEL_NAMES.map((level, k) => [level, k]));
  });
});
