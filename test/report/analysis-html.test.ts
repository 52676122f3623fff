// An analysis's report.html as text: its sections, the tables of every number (a row per parameter and metric, the
// PRIM boxes and their trajectories with the chosen step highlighted), the method, escaping, and a page that fetches
// nothing; and buildAnalysisReport putting the rendered charts and the findings into it.
import { describe, expect, it } from 'vitest';
import type { SweepAnalysis } from '../../src/analysis/sweep-analysis.ts';
import { analysisTitle } from '../../src/report/messages.ts';
import { analysisFindings } from '../../src/report/analysis-findings.ts';
import { renderAnalysisHtml, type AnalysisReportInput } from '../../src/report/analysis-html.ts';
import { analysisCharts } from '../../src/report/analysis-specs.ts';
import { buildAnalysisReport } from '../../src/report/build.ts';
import { morrisAnalysis, primAnalysis, sobolAnalysis } from './analysis-fixture.ts';
import { pngSize } from './png.ts';

const EVIL = `<img src=x onerror="alert('x')">&`;
const EVIL_ESCAPED = '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;';
const PROVENANCE = { version: '0.1.0', commit: 'abc123', node: 'v20.20.0', command: 'partnersim analyse results/levers --method sobol' };

function input(analysis: SweepAnalysis, overrides: Partial<AnalysisReportInput> = {}): AnalysisReportInput {
  return {
    title: analysisTitle(analysis.method, analysis.sweep.name, analysis.metric),
    analysis,
    findings: analysisFindings(analysis),
    charts: [
      { id: 'c1', title: 'A chart', caption: 'What it shows.', svg: '<?xml version="1.0"?>\n<svg width="1" height="1"><rect/></svg>' },
    ],
    provenance: PROVENANCE,
    ...overrides,
  };
}

/** Returns the markup of the section or table with this id. */
function element(html: string, id: string): string {
  const start = html.lastIndexOf('<', html.indexOf(` id="${id}"`));
  const tag = /^<(\w+)/.exec(html.slice(start))![1];
  return html.slice(start, html.indexOf(`</${tag}>`, start));
}

/** Returns the rows of a metric's group in the results table. */
function metricRows(html: string, metric: string): string[] {
  const start = html.indexOf(`id="result-${metric}"`);
  return html
    .slice(start, html.indexOf('</tbody>', start))
    .split('\n')
    .filter((line) => line.startsWith('<tr>'));
}

const headings = (html: string): string[] => [...html.matchAll(/<h([12])[^>]*>([^<]*)</g)].map((m) => `h${m[1]} ${m[2]}`);

describe('every analysis page', () => {
  it.each([
    { name: 'sobol', analysis: sobolAnalysis() },
    { name: 'morris', analysis: morrisAnalysis() },
    { name: 'prim', analysis: primAnalysis() },
  ])('$name: has its sections in order, links to each, and fetches nothing', ({ analysis }) => {
    const html = renderAnalysisHtml(input(analysis));
    expect(headings(html).slice(1)).toEqual([
      'h2 What was analysed',
      'h2 Key findings',
      'h2 Charts',
      'h2 Results',
      'h2 Method',
      'h2 Provenance',
    ]);
    for (const id of ['analysed', 'findings', 'charts', 'results', 'method', 'provenance']) expect(html).toContain(`<li><a href="#${id}">`);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script|@import|url\(|\bsrc=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((href) => !href.startsWith('#') && href !== 'data:,')).toEqual([]);
    expect(renderAnalysisHtml(input(analysis))).toBe(html);
  });

  it('shows the findings as a list and each chart in a figure, without its XML declaration', () => {
    const analysis = sobolAnalysis();
    const html = renderAnalysisHtml(input(analysis));
    expect(element(html, 'findings')).toContain(`<li>${analysisFindings(analysis)[0]}</li>`);
    expect(html).toContain(
      '<figure class="chart" id="c1">\n<div class="chart-svg"><svg width="1" height="1"><rect/></svg></div>\n<figcaption><span class="chart-title">A chart.</span> What it shows.</figcaption>\n</figure>',
    );
  });

  it('lists the provenance: version, commit, Node, command, the sweep with its hash and seed, the base scenario with its hash', () => {
    const provenance = element(renderAnalysisHtml(input(sobolAnalysis())), 'provenance');
    for (const text of [
      '<dd>0.1.0</dd>',
      '<code>abc123</code>',
      '<dd>v20.20.0</dd>',
      '<span>partnersim</span> <span>analyse</span>',
      '<dt>Sweep</dt><dd>levers <span class="muted">hash</span> <code>sweep-hash-1234</code></dd>',
      '<dt>Sweep seed</dt><dd><code>11</code></dd>',
      '<dt>Base scenario</dt><dd>baseline <span class="muted">hash</span> <code>scenario-hash-5678</code></dd>',
    ]) {
      expect(provenance).toContain(text);
    }
  });
});

describe('what was analysed', () => {
  it('describes the sweep, its design, size and failures, and the metric', () => {
    const html = element(renderAnalysisHtml(input(sobolAnalysis())), 'analysed');
    for (const text of [
      '<dt>Sweep</dt><dd><strong>levers</strong> — Which levers decide how long partnerships last?</dd>',
      '<dt>Design</dt><dd>Saltelli sampling (for Sobol&#39; indices)</dd>',
      '<dt>Base samples N</dt><dd>512</dd>',
      '<dt>Points</dt><dd>3,584</dd>',
      '<dt>Replicates</dt><dd>2 per point</dd>',
      '<dt>Runs</dt><dd>7,168, of which 3 failed and are left out</dd>',
      '<dt>Metric</dt><dd>Survival to 5 years <span class="muted">(<code>survival5y</code>)',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('lists each parameter with what it means and its range', () => {
    const html = element(renderAnalysisHtml(input(sobolAnalysis())), 'analysed');
    const rows = html.split('\n').filter((line) => line.startsWith('<tr><th scope="row">'));
    expect(rows).toHaveLength(5);
    expect(rows[2]).toBe(
      '<tr><th scope="row"><code>market.competition</code><span class="meaning">intensity of competition between neighbouring organisations for pupils and resources</span></th><td>0.1</td><td>0.9</td></tr>',
    );
  });

  it('names the trajectories of a Morris design and the condition of PRIM, which has no failed runs', () => {
    expect(element(renderAnalysisHtml(input(morrisAnalysis())), 'analysed')).toContain('<dt>Trajectories r</dt><dd>20</dd>');
    const prim = element(renderAnalysisHtml(input(primAnalysis())), 'analysed');
    expect(prim).toContain('<dt>Runs</dt><dd>1,000, none failed</dd>');
    expect(prim).toContain(
      '<dt>Condition</dt><dd>Survival to 5 years ≥ 0.6 <span class="muted">(<code>survival5y &gt;= 0.6</code>)</span></dd>',
    );
  });
});

describe("the Sobol' results", () => {
  const html = renderAnalysisHtml(input(sobolAnalysis()));

  it('have a group per metric, the chosen first, with N and the blocks dropped', () => {
    expect([...element(html, 'results').matchAll(/id="result-(\w+)"/g)].map((m) => m[1])).toEqual([
      'survival5y',
      'partnershipsFormed',
      'meanTrustAtEnd',
    ]);
    expect(html).toContain('Survival to 5 years <span class="unit">(N = 500 base samples, 12 dropped for a missing value)</span>');
    expect(html).toContain('Partnerships formed <span class="unit">(N = 512 base samples)</span>');
  });

  it('have a row per parameter with S_i and S_Ti and their intervals', () => {
    const rows = metricRows(html, 'survival5y');
    expect(rows).toHaveLength(5);
    expect(rows[0]).toBe(
      '<tr><th scope="row"><code>policy.carrot</code></th><td>0.42</td><td>0.35 to 0.50</td><td>0.55</td><td>0.47 to 0.63</td></tr>',
    );
    expect(rows[4]).toBe(
      '<tr><th scope="row"><code>leaders.turnover</code></th><td>\u22120.01</td><td>\u22120.03 to 0.02</td><td>0.01</td><td>\u22120.01 to 0.03</td></tr>',
    );
  });

  it('say why a metric was not analysed', () => {
    expect(metricRows(html, 'meanTrustAtEnd')).toEqual([
      '<tr><td colspan="5"><span class="muted">Not analysed: the output does not vary: every complete block gives the same value.</span></td></tr>',
    ]);
  });

  it('are explained in the method, with the estimators, their references and the bootstrap settings', () => {
    const method = element(html, 'method');
    expect(method).toContain('as in Saltelli et al. (2010)');
    expect(method).toContain('as in Jansen (1999)');
    expect(method).toContain(
      'bootstrap percentile intervals (Efron, 1979) over the base samples: 1,000 resamples at 95% confidence, drawn with seed 11.',
    );
    expect(method.match(/<li>/g)).toHaveLength(3);
  });
});

describe('the Morris results', () => {
  const html = renderAnalysisHtml(input(morrisAnalysis()));

  it('have a row per parameter and metric with mu, mu* and its interval, sigma, sigma/mu* and the effects', () => {
    expect(metricRows(html, 'survival5y')).toHaveLength(7);
    expect(metricRows(html, 'partnershipsFormed')).toHaveLength(7);
    expect(metricRows(html, 'survival5y')[2]).toBe(
      '<tr><th scope="row"><code>market.competition</code></th><td>\u22120.2</td><td>0.21</td><td>0.17 to 0.25</td><td>0.1</td><td>0.48</td><td>20</td></tr>',
    );
    expect(html).toContain('Survival to 5 years <span class="unit">(20 trajectories, 2 effects dropped for a missing value)</span>');
  });

  it('say "not measured" for a sigma from fewer than two effects', () => {
    expect(metricRows(html, 'survival5y')[5]).toBe(
      '<tr><th scope="row"><code>leaders.experience</code></th><td>\u22120.01</td><td>0.04</td><td>0.02 to 0.06</td><td><span class="muted">not measured</span></td><td><span class="muted">not measured</span></td><td>1</td></tr>',
    );
  });

  it('cite Morris, Campolongo et al. and Efron', () => {
    const method = element(html, 'method');
    expect(method).toContain('Technometrics');
    expect(method).toContain('Environmental Modelling &amp; Software');
    expect(method).toContain('The Annals of Statistics');
  });
});

describe('the PRIM results', () => {
  const html = renderAnalysisHtml(input(primAnalysis()));

  it('give the base rate', () => {
    expect(element(html, 'results')).toContain('<p>Over all 1,000 runs the condition holds in 340 (34%): the density a box must beat.</p>');
  });

  it('give each box’s limits on every parameter, the restricted ones marked', () => {
    const table = element(html, 'box-limits');
    const rows = table.split('\n').filter((line) => line.startsWith('<tr><th'));
    expect(rows).toEqual([
      '<tr><th scope="row"><code>policy.carrot</code></th><td>0 to 1</td><td class="differs"><mark>0.001 to 0.4</mark> <span class="unit">(quasi-p 0.001)</span></td><td class="differs"><mark>0.6 to 0.999</mark> <span class="unit">(quasi-p 0.001)</span></td></tr>',
      '<tr><th scope="row"><code>market.competition</code></th><td>0 to 1</td><td class="differs"><mark>0.55 to 0.998</mark> <span class="unit">(quasi-p 0.001)</span></td><td><span class="muted">0.002 to 0.997</span></td></tr>',
      '<tr><th scope="row"><code>localAuthority.support</code></th><td>0 to 1</td><td><span class="muted">0.0005 to 1</span></td><td class="differs"><mark>0.7 to 1</mark> <span class="unit">(quasi-p 0.3)</span></td></tr>',
    ]);
  });

  it('give what each box holds after pasting, and the step it was chosen at', () => {
    const rows = element(html, 'boxes')
      .split('\n')
      .filter((line) => line.startsWith('<tr><th'));
    expect(rows).toEqual([
      '<tr><th scope="row">Box 1</th><td>270</td><td>211</td><td>62%</td><td>78%</td><td>27%</td><td>7 of 11</td></tr>',
      '<tr><th scope="row">Box 2</th><td>60</td><td>33</td><td>10%</td><td>55%</td><td>6%</td><td>4 of 4</td></tr>',
    ]);
  });

  it('list every step of each peeling trajectory, the chosen one highlighted', () => {
    const first = element(html, 'trajectory-1')
      .split('\n')
      .filter((line) => line.startsWith('<tr'));
    expect(first).toHaveLength(12);
    expect(first.filter((row) => row.includes('class="chosen"'))).toEqual([
      '<tr class="chosen"><th scope="row">7 <span class="tag">chosen</span></th><td>265</td><td>208</td><td>61%</td><td>78%</td><td>27%</td><td>2</td></tr>',
    ]);
    expect(first[0]).toBe('<tr><th scope="row">0</th><td>1,000</td><td>340</td><td>100%</td><td>34%</td><td>100%</td><td>0</td></tr>');
    const second = element(html, 'trajectory-2')
      .split('\n')
      .filter((line) => line.startsWith('<tr'));
    expect(second).toHaveLength(5);
    expect(second.findIndex((row) => row.includes('class="chosen"'))).toBe(4);
    expect(html.match(/class="chosen"/g)).toHaveLength(2);
  });

  it('explain PRIM with its settings and cite Friedman & Fisher', () => {
    const method = element(html, 'method');
    expect(method).toContain(
      'up to 3 boxes, stopping when a box is no denser than the runs left. Settings: peel α 0.05, paste α 0.01, minimum mass 0.05, minimum coverage 0.5.',
    );
    expect(method).toContain('Friedman, J. H., &amp; Fisher, N. I. (1999). Bump hunting in high-dimensional data.');
  });

  it('say so when PRIM found no box', () => {
    const analysis = primAnalysis();
    const none = renderAnalysisHtml(input({ ...analysis, result: { ...analysis.result, boxes: [] } }));
    expect(element(none, 'results')).toContain('<p class="muted">PRIM found no box.</p>');
  });
});

describe('renderAnalysisHtml escapes everything that comes from user files', () => {
  const sobol = sobolAnalysis();
  const analysis: SweepAnalysis = {
    ...sobol,
    sweep: { ...sobol.sweep, name: `sweep ${EVIL}`, description: `about ${EVIL}`, scenario: `scenario ${EVIL}`, hash: `hash ${EVIL}` },
    parameters: sobol.parameters.map((p, i) => (i === 0 ? { ...p, key: `key ${EVIL}`, meaning: `meaning ${EVIL}` } : p)),
    results: sobol.results.map((r) => (r.result === null ? { ...r, reason: `reason ${EVIL}` } : r)),
  };
  const html = renderAnalysisHtml(
    input(analysis, {
      title: `title ${EVIL}`,
      findings: [`finding ${EVIL}`],
      charts: [{ id: `id ${EVIL}`, title: `chart ${EVIL}`, caption: `caption ${EVIL}`, svg: '<svg></svg>' }],
      provenance: { ...PROVENANCE, command: `partnersim analyse '${EVIL}'`, commit: null },
    }),
  );

  it('never writes the raw text', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
  });

  it('writes it escaped everywhere it appears', () => {
    for (const text of [
      `<title>title ${EVIL_ESCAPED}</title>`,
      `<h1>title ${EVIL_ESCAPED}</h1>`,
      `sweep <strong>sweep ${EVIL_ESCAPED}</strong>`,
      `— about ${EVIL_ESCAPED}`,
      `<code>key ${EVIL_ESCAPED}</code><span class="meaning">meaning ${EVIL_ESCAPED}</span>`,
      `Not analysed: reason ${EVIL_ESCAPED}`,
      `<li>finding ${EVIL_ESCAPED}</li>`,
      `id="id ${EVIL_ESCAPED}"`,
      `caption ${EVIL_ESCAPED}`,
      `<code>hash ${EVIL_ESCAPED}</code>`,
      `scenario ${EVIL_ESCAPED} <span class="muted">hash</span>`,
      'not recorded (not run from a git checkout)',
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe('buildAnalysisReport', { timeout: 60_000 }, () => {
  it('renders every chart to SVG and PNG, inlines the SVGs in the page with the findings, and says where it came from', async () => {
    const analysis = primAnalysis();
    const title = analysisTitle('prim', analysis.sweep.name, 'survival5y >= 0.6');
    const { html, charts } = await buildAnalysisReport(title, analysis, PROVENANCE);
    expect(charts.map((c) => c.id)).toEqual(analysisCharts(analysis).map((c) => c.id));
    for (const chart of charts) {
      expect(pngSize(chart.png).width).toBeGreaterThan(600);
      expect(html).toContain(`<figure class="chart" id="${chart.id}">\n<div class="chart-svg">${chart.svg.trim()}</div>`);
    }
    for (const finding of analysisFindings(analysis)) expect(html).toContain(`<li>${finding.replace(/'/g, '&#39;')}</li>`);
    expect(html).toContain('<title>partnersim: where survival5y &gt;= 0.6 holds in sweep lever space (PRIM)</title>');
    expect((await buildAnalysisReport(title, analysis, PROVENANCE)).html).toBe(html);
  });
});
