// The analysis report's vega-lite specs: valid against vega-lite's own schema, compiled and rendered without a warning,
// built purely, and drawing what the analysis holds (bars per parameter and order, sorted by total index, one point per
// parameter with a sigma, every step of each PRIM trajectory with the chosen one marked).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import type { SweepAnalysis } from '../../src/analysis/sweep-analysis.ts';
import {
  analysisCharts,
  MORRIS_RATIOS,
  morrisHeatmapSpec,
  morrisScreeningSpec,
  parametersByTotal,
  primRangesSpec,
  primTradeoffSpec,
  sobolHeatmapSpec,
  sobolIndicesSpec,
} from '../../src/report/analysis-specs.ts';
import { renderPng, renderSvg } from '../../src/report/render.ts';
import { CHART_FONT } from '../../src/report/specs.ts';
import { analyses, MORRIS_PARAMETERS, morrisAnalysis, primAnalysis, SOBOL_PARAMETERS, sobolAnalysis } from './analysis-fixture.ts';
import { deepFreeze } from './fixture.ts';
import { pngSize } from './png.ts';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
const validate = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true, validateFormats: false }).compile(schema);

type Row = Record<string, unknown>;

/** Returns the data rows of a spec: its own and those of its layers, each layer's in order. */
function dataRows(spec: unknown): Row[] {
  const s = spec as { data?: { values?: Row[] }; layer?: unknown[] };
  return [...(s.data?.values ?? []), ...(s.layer ?? []).flatMap(dataRows)];
}

/** Returns every object inside a value that satisfies the test, depth first. */
function objectsIn(value: unknown, test: (object: Row) => boolean): Row[] {
  if (!value || typeof value !== 'object') return [];
  return [
    ...(!Array.isArray(value) && test(value as Row) ? [value as Row] : []),
    ...Object.values(value).flatMap((inner) => objectsIn(inner, test)),
  ];
}

const CHARTS = analyses().flatMap(({ name, analysis }) =>
  analysisCharts(analysis).map((chart) => ({ label: `${name}: ${chart.id}`, chart })),
);

describe('every chart of an analysis report', () => {
  it('is there: two charts per method for the fixtures', () => {
    expect(CHARTS.map((c) => c.label)).toEqual([
      'sobol: sobol-indices',
      'sobol: sobol-heatmap',
      'morris: morris-screening',
      'morris: morris-heatmap',
      'prim: prim-tradeoff',
      'prim: prim-boxes',
    ]);
  });

  it.each(CHARTS)('$label is valid against the vega-lite schema', ({ chart }) => {
    const valid = validate(chart.spec);
    expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(CHARTS)('$label compiles to vega without a warning', ({ chart }) => {
    const warnings: string[] = [];
    const logger = vega.logger(vega.Warn, undefined, (_method: string, level: string, input: unknown[]) =>
      warnings.push(`${level} ${input.join(' ')}`),
    );
    compile(structuredClone(chart.spec), { logger });
    expect(warnings).toEqual([]);
  });

  it.each(CHARTS)('$label renders to SVG (no vega warning either) and to a PNG of twice its size', async ({ chart }) => {
    const svg = await renderSvg(chart.spec);
    expect(svg).toContain(`>${(chart.spec.title as { text: string }).text}</text>`);
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(300);
    expect(pngSize(renderPng(svg)).width).toBe(Math.round(2 * width));
  });

  it.each(CHARTS)('$label has a title, a caption, the chart font, its data inline and no object twice', ({ chart }) => {
    expect(chart.spec.title).toMatchObject({ text: chart.title });
    expect(chart.caption.length).toBeGreaterThan(80);
    expect(chart.spec.config?.font).toBe(CHART_FONT);
    expect(dataRows(chart.spec).length + objectsIn(chart.spec, (o) => o.facet !== undefined).length).toBeGreaterThan(0);
    const seen = new Set<object>();
    const walk = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      expect(seen.has(value), JSON.stringify(value)).toBe(false);
      seen.add(value);
      Object.values(value).forEach(walk);
    };
    walk(chart.spec);
  });
});

describe('analysisCharts', () => {
  it('is pure: a deep-frozen analysis is neither changed nor refused, and gives the same specs twice', () => {
    for (const { analysis } of analyses()) {
      const frozen = deepFreeze(structuredClone(analysis));
      const first = analysisCharts(frozen);
      expect(analysisCharts(frozen)).toEqual(first);
      expect(frozen).toEqual(analysis);
      expect(first).toEqual(analysisCharts(analysis));
    }
  });

  it('leaves out the chosen metric’s chart when it has no result, and draws none when no metric has one', () => {
    const sobol = sobolAnalysis();
    const noChosen: SweepAnalysis = { ...sobol, metric: 'meanTrustAtEnd' };
    expect(analysisCharts(noChosen).map((c) => c.id)).toEqual(['sobol-heatmap']);
    const none: SweepAnalysis = {
      ...sobol,
      results: sobol.results.map((r) => ({ metric: r.metric, result: null, reason: 'too few blocks' })),
    };
    expect(analysisCharts(none)).toEqual([]);
    const morris = morrisAnalysis();
    expect(
      analysisCharts({ ...morris, results: morris.results.map((r) => ({ metric: r.metric, result: null, reason: 'no effects' })) }),
    ).toEqual([]);
  });

  it('draws nothing for a PRIM analysis without boxes', () => {
    const prim = primAnalysis();
    expect(analysisCharts({ ...prim, result: { ...prim.result, boxes: [] } })).toEqual([]);
  });
});

describe('the Sobol’ charts', () => {
  const analysis = sobolAnalysis();
  const indices = analysis.results[0].result!;
  const spec = sobolIndicesSpec('survival5y', analysis.parameters, indices);

  it('sorts parameters by total-order index, largest first', () => {
    expect(parametersByTotal(analysis.parameters, indices)).toEqual([
      'policy.carrot',
      'market.competition',
      'localAuthority.support',
      'policy.stick',
      'leaders.turnover',
    ]);
    expect(objectsIn(spec, (o) => o.field === 'parameter')[0].sort).toEqual(parametersByTotal(analysis.parameters, indices));
  });

  it('has a first- and a total-order bar per parameter, each with its interval', () => {
    const rows = dataRows(spec);
    expect(rows).toHaveLength(2 * SOBOL_PARAMETERS.length);
    expect(rows.slice(0, 2)).toEqual([
      { parameter: 'policy.carrot', order: 'First order', estimate: 0.42, low: 0.35, high: 0.5 },
      { parameter: 'policy.carrot', order: 'Total order', estimate: 0.55, low: 0.47, high: 0.63 },
    ]);
    expect(objectsIn(spec, (o) => o.type === 'bar')).toHaveLength(1);
    expect(objectsIn(spec, (o) => o.type === 'rule')).toHaveLength(1);
    expect(objectsIn(spec, (o) => o.field === 'order' && o.type === 'nominal' && o.title === undefined)).toHaveLength(1); // the yOffset
  });

  it('runs the share-of-variance axis from 0 to 1, widened to what falls outside rather than clipping it', () => {
    const domains = objectsIn(spec, (o) => o.title === 'Share of variance').map((o) => (o.scale as { domain: number[] }).domain);
    expect(domains).toEqual([
      [-0.03, 1],
      [-0.03, 1],
    ]);
    const wide = sobolIndicesSpec('partnershipsFormed', analysis.parameters, analysis.results[1].result!);
    expect((objectsIn(wide, (o) => o.title === 'Share of variance')[0].scale as { domain: number[] }).domain).toEqual([0, 1.08]);
  });

  it('maps the total-order index of every analysed metric and parameter, in the bars’ order, the metric without a result left out', () => {
    const heatmap = sobolHeatmapSpec(analysis, parametersByTotal(analysis.parameters, indices));
    const cells = dataRows(heatmap);
    expect(cells).toHaveLength(2 * SOBOL_PARAMETERS.length);
    expect(cells).toContainEqual({ metric: 'Partnerships formed', parameter: 'leaders.turnover', value: 1.04, uncertain: false });
    expect(objectsIn(heatmap, (o) => o.field === 'metric')[0].sort).toEqual(['Survival to 5 years', 'Partnerships formed']);
    expect(objectsIn(heatmap, (o) => o.field === 'parameter')[0].sort).toEqual(parametersByTotal(analysis.parameters, indices));
    expect(objectsIn(heatmap, (o) => o.type === 'text')).toHaveLength(1);
  });

  it('shows its legend in the decimals of its cells, and greys a metric resting on fewer than half its base samples', async () => {
    // Survival's indices rest on 51 of 256 base samples, as mean lifetime's did in the README's sweep.
    const few: typeof analysis = {
      ...analysis,
      results: analysis.results.map((r) =>
        r.metric === 'survival5y' && r.result ? { ...r, result: { ...r.result, samples: 51, dropped: 205 } } : r,
      ),
    };
    const heatmap = sobolHeatmapSpec(few, parametersByTotal(few.parameters, indices))!;
    const labels = objectsIn(heatmap, (o) => o.field === 'metric')[0].sort as string[];
    expect(labels).toEqual(['Survival to 5 years: 51 of 256 samples', 'Partnerships formed']);
    const cells = dataRows(heatmap);
    expect(cells.filter((c) => c.uncertain).map((c) => c.metric)).toEqual(SOBOL_PARAMETERS.map(() => labels[0]));
    expect(cells.filter((c) => !c.uncertain)).toHaveLength(SOBOL_PARAMETERS.length);
    const svg = await renderSvg(heatmap);
    // Legend and cells both in decimals: no percentages anywhere.
    expect(svg).not.toMatch(/>\d+%</);
    expect(svg).toMatch(/>0\.\d</);
    // The uncertain row's cells are grey, their values printed in grey.
    const rects = [...svg.matchAll(/<path aria-label="parameter: ([^;]+); metric: ([^;"]+)[^"]*"[^>]*fill="(#[0-9a-f]+)"/g)];
    expect(rects.filter((m) => m[2] === labels[0]).map((m) => m[3])).toEqual(SOBOL_PARAMETERS.map(() => '#eceef1'));
    expect(rects.filter((m) => m[2] === labels[1]).every((m) => m[3] !== '#eceef1')).toBe(true);
  });
});

describe('the Morris charts', () => {
  const analysis = morrisAnalysis();
  const effects = analysis.results[0].result!;
  const spec = morrisScreeningSpec('survival5y', analysis.parameters, effects)!;

  it('has a labelled point per parameter with a sigma, at (mu*, sigma), its mu* interval as a horizontal line', () => {
    const points = dataRows(spec).filter((row) => 'low' in row);
    expect(points.map((p) => p.parameter)).toEqual(MORRIS_PARAMETERS.filter((key) => key !== 'leaders.experience'));
    expect(points[0]).toEqual({ parameter: 'policy.carrot', muStar: 0.31, low: 0.26, high: 0.36, sigma: 0.12 });
    expect(objectsIn(spec, (o) => o.type === 'point')).toHaveLength(1);
    expect(dataRows(spec).filter((row) => 'label' in row && 'muStar' in row)).toHaveLength(points.length);
  });

  it('gives points on top of each other one label, naming each of their parameters', () => {
    const piled = {
      ...effects,
      factors: effects.factors.map((f, i) =>
        i === 1 || i === 4 ? { ...f, muStar: { estimate: 0.001, ci: [0, 0.002] as const }, sigma: 0.001 } : f,
      ),
    };
    const labels = dataRows(morrisScreeningSpec('survival5y', analysis.parameters, piled)).filter(
      (row) => 'label' in row && 'muStar' in row,
    );
    expect(labels.map((l) => l.label)).toEqual([
      'policy.carrot',
      'policy.stick, localAuthority.support',
      'market.competition',
      'governance.fragmentation',
      'leaders.turnover',
    ]);
  });

  it('draws the lines sigma/mu* = 0.1, 0.5 and 1 from the origin to the edge of the plot', () => {
    const lines = dataRows(spec).filter((row) => 'ratio' in row);
    expect(lines.map((l) => l.ratio)).toEqual([...MORRIS_RATIOS]);
    const xMax = 1.12 * 0.36;
    const yMax = 1.12 * 0.22;
    for (const line of lines) {
      expect(line).toMatchObject({ x: 0, y: 0 });
      expect(line.y2 as number).toBeCloseTo((line.ratio as number) * (line.x2 as number), 12);
      expect(Math.max((line.x2 as number) / xMax, (line.y2 as number) / yMax)).toBeCloseTo(1, 12);
    }
  });

  it('labels axes of effects far below 0.001 in exponent form, not in ten-digit decimals', async () => {
    const tiny = {
      ...effects,
      factors: effects.factors.map((f) => ({
        ...f,
        muStar: { estimate: f.muStar.estimate * 1e-6, ci: [f.muStar.ci[0] * 1e-6, f.muStar.ci[1] * 1e-6] as const },
        sigma: f.sigma === null ? null : f.sigma * 1e-6,
      })),
    };
    const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    const labels = texts(await renderSvg(morrisScreeningSpec('survival5y', analysis.parameters, tiny)!));
    expect(labels).toContain('1e-7');
    expect(labels).toContain('0');
    expect(labels.filter((t) => /^0\.0000/.test(t))).toEqual([]);
    expect(texts(await renderSvg(spec)).filter((t) => /\de-\d/.test(t))).toEqual([]);
  });

  it('is null when no parameter has a sigma', () => {
    const none = { ...effects, factors: effects.factors.map((f) => ({ ...f, sigma: null })) };
    expect(morrisScreeningSpec('survival5y', analysis.parameters, none)).toBeNull();
  });

  it('maps mu* over its metric’s largest mu*, for every metric and parameter', () => {
    const cells = dataRows(morrisHeatmapSpec(analysis));
    expect(cells).toHaveLength(2 * MORRIS_PARAMETERS.length);
    expect(cells[0]).toEqual({ metric: 'Survival to 5 years', parameter: 'policy.carrot', value: 1, uncertain: false });
    expect(cells.find((c) => c.metric === 'Partnerships formed' && c.parameter === 'leaders.turnover')?.value).toBeCloseTo(8.4 / 12.5, 12);
  });
});

describe('the PRIM charts', () => {
  const analysis = primAnalysis();
  const tradeoff = primTradeoffSpec(analysis.result, analysis.parameters.length)!;

  it('has a point for every step of every trajectory, coloured by the parameters its box restricts', () => {
    const steps = dataRows(tradeoff).filter((row) => 'step' in row);
    expect(steps).toHaveLength(12 + 5);
    expect(steps.filter((s) => s.box === 'Box 1').map((s) => s.restricted)).toEqual([0, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3]);
    expect(steps[7]).toEqual({ box: 'Box 1', step: 7, coverage: 208 / 340, density: 208 / 265, restricted: 2, chosen: true });
    expect((objectsIn(tradeoff, (o) => o.field === 'restricted')[0].scale as { domain: number[] }).domain).toEqual([0, 1, 2, 3]);
  });

  it('marks and names the chosen step of each trajectory, and draws the base rate', () => {
    const chosen = dataRows(tradeoff).filter((row) => row.chosen === true);
    expect(chosen.map((c) => [c.box, c.step])).toEqual([
      ['Box 1', 7],
      ['Box 2', 4],
    ]);
    const marked = objectsIn(tradeoff, (o) => Array.isArray(o.transform) && JSON.stringify(o.transform) === '[{"filter":"datum.chosen"}]');
    expect(marked.map((layer) => (layer.mark as { type: string }).type)).toEqual(['point', 'text']);
    expect(dataRows(tradeoff)).toContainEqual({ density: 0.34, label: 'base rate 34%' });
  });

  it('shows each box’s limits on every parameter within the sweep’s range, faded where the box leaves it free', () => {
    const ranges = primRangesSpec(analysis.parameters, analysis.result)!;
    const rows = dataRows(ranges);
    expect(rows).toHaveLength(2 * 3);
    expect(rows[0]).toEqual({
      parameter: 'policy.carrot',
      box: 'Box 1',
      low: 0.001,
      high: 0.4,
      restricted: true,
      sweepLow: 0,
      sweepHigh: 1,
    });
    expect(rows.filter((r) => !r.restricted).map((r) => [r.box, r.parameter])).toEqual([
      ['Box 1', 'localAuthority.support'],
      ['Box 2', 'market.competition'],
    ]);
    expect(objectsIn(ranges, (o) => o.field === 'parameter')[0].sort).toEqual([
      'policy.carrot',
      'market.competition',
      'localAuthority.support',
    ]);
    expect(ranges).toMatchObject({ resolve: { scale: { x: 'independent' } } });
  });
});
