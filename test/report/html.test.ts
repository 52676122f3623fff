// report.html as text: escaping of everything a user file can name, the levers table and its highlighting, how numbers
// read, nulls, a one-scenario report, and a page that fetches nothing and is the same every time.
import { describe, expect, it } from 'vitest';
import type { Comparison, Difference, ScenarioSummary } from '../../src/analysis/comparison.ts';
import type { Summary } from '../../src/analysis/stats.ts';
import { METRIC_NAMES, type MetricName } from '../../src/engine/types.ts';
import {
  escapeHtml,
  formatDifferenceInterval,
  formatMetricDifference,
  formatMetricInterval,
  formatMetricValue,
  formatNumber,
  NOT_MEASURED,
  renderReportHtml,
  type ReportInput,
} from '../../src/report/html.ts';

const EVIL = `<img src=x onerror="alert('x')">&`;
const EVIL_ESCAPED = '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;';

const summary = (
  mean: number | null,
  ci95: readonly [number, number] | null = mean === null ? null : [mean - 0.1, mean + 0.1],
): Summary => ({ mean, sd: null, ci95 });

function scenario(name: string, overrides: Partial<Record<MetricName, Summary>> = {}): ScenarioSummary {
  const metrics = { ...(Object.fromEntries(METRIC_NAMES.map((m) => [m, summary(1)])) as Record<MetricName, Summary>), ...overrides };
  return {
    name,
    description: `About ${name}.`,
    scenarioHash: `hash-${name}`,
    steps: 120,
    stepsPerYear: 12,
    organisations: 200,
    replicates: 5,
    metrics,
  };
}

const difference = (
  scenario: string,
  metric: MetricName,
  mean: number | null,
  ci95: readonly [number, number] | null,
  effectSize: number | null,
  pairs = 5,
): Difference => ({
  scenario,
  baseline: 'base',
  metric,
  pairs,
  mean,
  ci95,
  effectSize,
});

function comparisonOf(scenarios: readonly ScenarioSummary[], differences: readonly Difference[] = []): Comparison {
  return { baseline: scenarios[0].name, scenarios, differences, survival: [], hazard: [], series: [], levels: [], levers: [] };
}

function input(comparison: Comparison, overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    title: 'partnersim: a report',
    comparison,
    levers: comparison.scenarios.map((s) => ({ scenario: s.name, levers: { 'policy.carrot': '0.5' } })),
    findings: ['One finding.'],
    charts: [
      {
        id: 'survival',
        title: 'Survival',
        caption: 'Kaplan-Meier.',
        svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>',
      },
    ],
    provenance: {
      version: '0.1.0',
      commit: 'abc123',
      node: 'v20.20.0',
      command: 'partnersim compare a b',
      masterSeed: 7,
      seeds: [1, 2, 3],
      scenarios: comparison.scenarios.map((s) => ({ name: s.name, hash: s.scenarioHash })),
    },
    ...overrides,
  };
}

/** Returns the <tr> of a table body whose row header contains `key`. */
function rowOf(html: string, key: string): string {
  const row = html.split('\n').find((line) => line.startsWith('<tr><th scope="row">') && line.includes(key));
  if (row === undefined) throw new Error(`no row for ${key}`);
  return row;
}

/** Returns the rows of one metric's group in the metric table. */
function metricGroup(html: string, metric: MetricName): string {
  const start = html.indexOf(`id="metric-${metric}"`);
  return html.slice(start, html.indexOf('</tbody>', start));
}

describe('escapeHtml', () => {
  it('replaces the five characters that can end text or an attribute', () => {
    expect(escapeHtml(EVIL)).toBe(EVIL_ESCAPED);
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it('leaves other text alone, including non-ASCII', () => {
    expect(escapeHtml('Öffentliche Schulen – 95% CI')).toBe('Öffentliche Schulen – 95% CI');
    expect(escapeHtml('')).toBe('');
  });

  it('escapes an ampersand once, so escaped text is not decoded back', () => {
    expect(escapeHtml('&lt;')).toBe('&amp;lt;');
  });
});

describe('renderReportHtml escapes everything that comes from user files', () => {
  const base = scenario(EVIL);
  const other = scenario(`other ${EVIL}`);
  const comparison = { ...comparisonOf([base, other], [difference(other.name, 'partnershipsFormed', 1, [0.5, 1.5], 2)]), baseline: EVIL };
  const html = renderReportHtml(
    input(comparison, {
      title: `title ${EVIL}`,
      levers: [
        { scenario: base.name, levers: { [`lever ${EVIL}`]: `value ${EVIL}` } },
        { scenario: other.name, levers: { [`lever ${EVIL}`]: 'x' } },
      ],
      findings: [`finding ${EVIL}`],
      charts: [{ id: `id"${EVIL}`, title: `chart ${EVIL}`, caption: `caption ${EVIL}`, svg: '<svg></svg>' }],
      provenance: { ...input(comparison).provenance, command: `partnersim compare '${EVIL}'`, commit: null },
    }),
  );

  it('never writes the raw text', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
  });

  it('writes it escaped in the title, header, tables, findings, charts and provenance', () => {
    for (const text of [
      `<title>title ${EVIL_ESCAPED}</title>`,
      `<h1>title ${EVIL_ESCAPED}</h1>`,
      `<code>lever ${EVIL_ESCAPED}</code>`,
      `value ${EVIL_ESCAPED}`,
      `<li>finding ${EVIL_ESCAPED}</li>`,
      `id="id&quot;${EVIL_ESCAPED}"`,
      `chart ${EVIL_ESCAPED}.`,
      `caption ${EVIL_ESCAPED}`,
      `<span>&#39;&lt;img</span> <span>src=x</span> <span>onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;&#39;</span>`,
      `<th scope="row">other ${EVIL_ESCAPED}</th>`,
      `Difference from ${EVIL_ESCAPED}`,
    ]) {
      expect(html).toContain(text);
    }
  });
});

describe('the levers table', () => {
  const comparison = comparisonOf([scenario('base'), scenario('carrots'), scenario('sticks')]);
  const html = renderReportHtml(
    input(comparison, {
      levers: [
        { scenario: 'sticks', levers: { 'policy.carrot': '0.5', 'policy.stick': '0.9' } },
        { scenario: 'base', levers: { 'policy.carrot': '0.5', 'market.competition': '0.3' } },
        { scenario: 'carrots', levers: { 'policy.carrot': '0.8 from step 12, 0 from step 48', 'market.competition': '0.3' } },
      ],
    }),
  );

  it('has a column for each scenario in the comparison order, the baseline marked', () => {
    expect(html).toContain(
      '<thead><tr><th scope="col">Lever</th><th scope="col">base <span class="tag">baseline</span></th><th scope="col">carrots</th><th scope="col">sticks</th></tr></thead>',
    );
  });

  it('has a row for each lever any scenario sets, the baseline first, with what the lever means', () => {
    const rows = html.split('\n').filter((line) => line.startsWith('<tr><th scope="row"><code>'));
    expect(rows.map((row) => /<code>([^<]*)<\/code>/.exec(row)?.[1])).toEqual(['policy.carrot', 'market.competition', 'policy.stick']);
    expect(rowOf(html, 'policy.carrot')).toContain('funding and incentives for being in a partnership');
  });

  it('highlights the cells that differ from the baseline, and only those', () => {
    expect(rowOf(html, '<code>policy.carrot</code>')).toMatch(
      /<td>0\.5<\/td><td class="differs"><mark>0\.8 from step 12, 0 from step 48<\/mark><\/td><td>0\.5<\/td><\/tr>$/,
    );
    expect(rowOf(html, '<code>market.competition</code>')).toMatch(
      /<td>0\.3<\/td><td>0\.3<\/td><td class="differs"><mark><span class="muted">not set<\/span><\/mark><\/td><\/tr>$/,
    );
    expect(rowOf(html, '<code>policy.stick</code>')).toMatch(
      /<td><span class="muted">not set<\/span><\/td><td><span class="muted">not set<\/span><\/td><td class="differs"><mark>0\.9<\/mark><\/td><\/tr>$/,
    );
    expect(html.match(/class="differs"/g)).toHaveLength(3);
  });

  it('says so when no levers were recorded', () => {
    expect(renderReportHtml(input(comparison, { levers: [] }))).toContain('No levers were recorded for these scenarios.');
  });
});

describe('numbers', () => {
  it('show 3 significant digits, thousands grouped, with a true minus sign', () => {
    expect(formatNumber(1234.5)).toBe('1,230');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(2.5)).toBe('2.5');
    expect(formatNumber(-0.5)).toBe('\u22120.5');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0.5, { signed: true })).toBe('+0.5');
    expect(formatNumber(-1.234, { signed: true })).toBe('\u22121.23');
    expect(formatNumber(0, { signed: true })).toBe('0');
  });

  it('show a number to fixed places when asked, with no sign on what rounds to zero', () => {
    expect(formatNumber(24, { decimals: 1 })).toBe('24.0');
    expect(formatNumber(-0.001, { decimals: 2 })).toBe('0.00');
    expect(formatNumber(-0.001, { signed: true, decimals: 2 })).toBe('0.00');
    expect(formatNumber(0.0372, { signed: true, decimals: 1 })).toBe('0.0');
  });

  it('show both ends of an interval to the places that give the larger end 3 significant digits', () => {
    expect(formatMetricInterval('partnershipsFormed', [108.4, 127.2])).toBe('108 to 127');
    expect(formatMetricInterval('meanTrustAtEnd', [0.0223, 0.00544])).toBe('0.0223 to 0.0054');
    expect(formatMetricInterval('partnershipsFormed', [1234.5, 2345.6])).toBe('1,235 to 2,346');
    expect(formatMetricInterval('participationAtEnd', [0.792, 0.885])).toBe('79.2% to 88.5%');
    expect(formatDifferenceInterval('strongShareAtEnd', [-0.24, 0.000372])).toBe('\u221224.0 to 0.0 pp');
    expect(formatDifferenceInterval('medianLifetimeYears', [-10.4, 0.697])).toBe('\u221210.4 to +0.7');
    expect(formatDifferenceInterval('medianLifetimeYears', [0, 0])).toBe('0 to 0');
  });

  it('show shares as percentages and their differences in percentage points', () => {
    expect(formatMetricValue('participationAtEnd', 0.4567)).toBe('45.7%');
    expect(formatMetricValue('strongShareAtEnd', 1)).toBe('100%');
    expect(formatMetricValue('survival3y', 0.05)).toBe('5%');
    expect(formatMetricValue('survival5y', 0.12345)).toBe('12.3%');
    expect(formatMetricDifference('survival5y', -0.0312)).toBe('\u22123.12 pp');
    expect(formatMetricDifference('participationAtEnd', 0.1)).toBe('+10 pp');
  });

  it('show other metrics as numbers', () => {
    expect(formatMetricValue('partnershipsFormed', 1234.5)).toBe('1,230');
    expect(formatMetricValue('meanTrustAtEnd', 0.4567)).toBe('0.457');
    expect(formatMetricDifference('medianLifetimeYears', -0.25)).toBe('\u22120.25');
  });

  it('show null as "not measured"', () => {
    expect(formatMetricValue('survival5y', null)).toBe(NOT_MEASURED);
    expect(formatMetricDifference('survival5y', null)).toBe(NOT_MEASURED);
    expect(formatMetricInterval('survival3y', null)).toBe(NOT_MEASURED);
    expect(formatDifferenceInterval('survival3y', null)).toBe(NOT_MEASURED);
  });
});

describe('numbers very near zero or very large', () => {
  it('are written in scientific notation rather than dozens of digits', () => {
    expect(formatNumber(1.4e-52)).toBe('1.4 × 10⁻⁵²');
    expect(formatNumber(1.4321e-52)).toBe('1.43 × 10⁻⁵²');
    expect(formatNumber(-2.5e-7)).toBe('\u22122.5 × 10⁻⁷');
    expect(formatNumber(3e-5, { signed: true })).toBe('+3 × 10⁻⁵');
    expect(formatNumber(3e-4, { signed: true })).toBe('+0.0003');
    expect(formatNumber(2e20)).toBe('2 × 10²⁰');
    // From 0.0001 up, and below 10^15, decimals as before.
    expect(formatNumber(0.00012)).toBe('0.00012');
    expect(formatNumber(123456789)).toBe('123,000,000');
    // Fixed places stay fixed places.
    expect(formatNumber(1.4e-52, { decimals: 2 })).toBe('0.00');
  });

  it('keep an interval of them short, each end to 3 significant digits', () => {
    expect(formatMetricInterval('meanTrustAtEnd', [1e-6, 3.25e-5])).toBe('1 × 10⁻⁶ to 3.25 × 10⁻⁵');
    expect(formatDifferenceInterval('meanTrustAtEnd', [-2e-9, 4e-9])).toBe('\u22122 × 10⁻⁹ to +4 × 10⁻⁹');
    expect(formatMetricInterval('meanTrustAtEnd', [0.001, 0.3])).toBe('0.001 to 0.300');
  });
});

describe('the metric table', () => {
  const base = scenario('base', {
    participationAtEnd: summary(0.4567, [0.42, 0.49]),
    survival5y: summary(null),
    medianLifetimeYears: summary(3.2, null),
  });
  const other = scenario('carrots', { participationAtEnd: summary(0.5, [0.47, 0.53]), survival5y: summary(null) });
  const html = renderReportHtml(
    input(
      comparisonOf(
        [base, other],
        [
          difference('carrots', 'participationAtEnd', 0.0433, [0.012, 0.0746], 1.51),
          difference('carrots', 'partnershipsFormed', -2.5, [-6, 1], -0.4, 3),
          difference('carrots', 'survival5y', null, null, null, 0),
        ],
      ),
    ),
  );

  it('shows each scenario mean and interval, and the paired difference with its interval and effect size', () => {
    const group = metricGroup(html, 'participationAtEnd');
    expect(group).toContain(
      '<tr><th scope="row">base</th><td>45.7%</td><td>42.0% to 49.0%</td><td class="muted" colspan="3">baseline</td></tr>',
    );
    expect(group).toContain(
      '<tr><th scope="row">carrots</th><td>50%</td><td>47.0% to 53.0%</td><td class="clear">+4.33 pp</td><td class="clear">+1.20 to +7.46 pp</td><td>+1.51</td></tr>',
    );
  });

  it('does not embolden a difference whose interval includes zero, and says when fewer replicates were paired', () => {
    expect(metricGroup(html, 'partnershipsFormed')).toContain(
      '<td>\u22122.5 <span class="muted">(3 pairs)</span></td><td>\u22126.00 to +1.00</td><td>\u22120.4</td>',
    );
  });

  it('shows "not measured" for a null mean, interval, difference or effect size', () => {
    const notMeasured = `<span class="muted">${NOT_MEASURED}</span>`;
    expect(metricGroup(html, 'survival5y')).toContain(`<tr><th scope="row">base</th><td>${notMeasured}</td><td>${notMeasured}</td>`);
    expect(metricGroup(html, 'survival5y')).toContain(
      `<td>${notMeasured} <span class="muted">(0 pairs)</span></td><td>${notMeasured}</td><td>${notMeasured}</td>`,
    );
    expect(metricGroup(html, 'medianLifetimeYears')).toContain(`<td>3.2</td><td>${notMeasured}</td>`);
  });

  it('has a group for every metric, with its label', () => {
    for (const metric of METRIC_NAMES) expect(html).toContain(`id="metric-${metric}"`);
    expect(metricGroup(html, 'survival3y')).toContain('Survival to 3 years');
  });
});

describe('a report of one run of one scenario (partnersim run)', () => {
  const html = renderReportHtml(input(comparisonOf([{ ...scenario('alone'), replicates: 1 }])));

  it('describes the scenario under its own heading, with no comparison wording', () => {
    const headings = [...html.matchAll(/<h2[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(headings).toEqual(['The scenario', 'Key findings', 'Charts', 'Every metric', 'Provenance']);
    expect(html).toContain('<li><a href="#scenario">The scenario</a></li>');
    expect(html).not.toMatch(/compared|baseline/i);
    expect(html).toContain('Scenario <strong>alone</strong>: one run of 120 steps (10 years)');
  });

  it('gives each metric its value, with no interval column and no note on replicates', () => {
    expect(html).toContain('<thead><tr><th scope="col">Scenario</th><th scope="col">Value</th></tr></thead>');
    expect(rowOf(html, 'alone</th><td>1</td>')).toBe('<tr><th scope="row">alone</th><td>1</td></tr>');
    expect(html).not.toContain('95% CI');
    expect(html).toContain('<p class="note">The values of one run.');
  });
});

describe('a report of one run of each of several scenarios', () => {
  const html = renderReportHtml(input(comparisonOf([scenario('base'), scenario('a')].map((s) => ({ ...s, replicates: 1 })))));

  it('gives each value and its difference from the baseline, with no interval or effect size', () => {
    expect(html).toContain(
      '<thead><tr><th scope="col">Scenario</th><th scope="col">Value</th><th scope="col">Difference from base</th></tr></thead>',
    );
    expect(html).toContain('<tr><th scope="row">base</th><td>1</td><td class="muted" colspan="1">baseline</td></tr>');
    expect(html).not.toContain('Effect size');
    expect(html).toContain('one run each of 120 steps');
  });
});

describe('a report of one scenario', () => {
  const html = renderReportHtml(input(comparisonOf([scenario('alone')])));

  it('has no difference columns and no baseline marks', () => {
    expect(html).toContain('<thead><tr><th scope="col">Scenario</th><th scope="col">Mean</th><th scope="col">95% CI</th></tr></thead>');
    expect(html).not.toContain('Difference from');
    expect(html).not.toContain('Effect size');
    expect(html).not.toContain('class="tag">baseline');
    expect(html).not.toContain('class="differs"');
    expect(rowOf(html, 'alone</th><td>1</td>')).toBe('<tr><th scope="row">alone</th><td>1</td><td>0.90 to 1.10</td></tr>');
  });

  it('says in its header which scenario and how many replicates', () => {
    expect(html).toContain(
      '<p class="lede">Scenario <strong>alone</strong>: 5 replicates of 120 steps (10 years) with 200 organisations.</p>',
    );
  });
});

describe('the page', () => {
  const comparison = comparisonOf([scenario('base'), scenario('a'), scenario('b')]);
  const html = renderReportHtml(
    input(comparison, {
      charts: [
        { id: 'c1', title: 'T', caption: 'C', svg: '<?xml version="1.0" encoding="UTF-8"?>\n<svg width="1" height="1"><rect/></svg>' },
      ],
    }),
  );

  it('is an English, UTF-8 document with a data: favicon and no script, and links to nothing outside itself', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html).not.toMatch(/<script|@import|url\(|\bsrc=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).filter((href) => !href.startsWith('#') && href !== 'data:,')).toEqual([]);
  });

  it('has its sections under semantic headings, in order', () => {
    const headings = [...html.matchAll(/<h([12])[^>]*>([^<]*)</g)].map((m) => `h${m[1]} ${m[2]}`);
    expect(headings).toEqual([
      'h1 partnersim: a report',
      'h2 What was compared',
      'h2 Key findings',
      'h2 Charts',
      'h2 Every metric',
      'h2 Provenance',
    ]);
  });

  it('says what was compared with what in its header', () => {
    expect(html).toContain(
      'Compares <strong>a</strong> and <strong>b</strong> with the baseline <strong>base</strong>: 5 replicates each of 120 steps (10 years)',
    );
  });

  it('inlines each chart in a figure with its caption, without the XML declaration', () => {
    expect(html).toContain(
      '<figure class="chart" id="c1">\n<div class="chart-svg"><svg width="1" height="1"><rect/></svg></div>\n<figcaption><span class="chart-title">T.</span> C</figcaption>\n</figure>',
    );
    expect(html).not.toContain('<?xml');
  });

  it('lists the provenance: version, commit, Node, command, seeds and each scenario hash', () => {
    for (const text of [
      '<dd>0.1.0</dd>',
      '<code>abc123</code>',
      '<dd>v20.20.0</dd>',
      '<code class="command"><span>partnersim</span> <span>compare</span> <span>a</span> <span>b</span></code>',
      '<code>7</code>',
      '<code class="seeds">1, 2, 3</code>',
      '<code>hash-b</code>',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('says so when the commit is unknown', () => {
    expect(renderReportHtml(input(comparison, { provenance: { ...input(comparison).provenance, commit: null } }))).toContain(
      'not recorded',
    );
  });

  it('is the same text every time (no dates)', () => {
    expect(renderReportHtml(input(comparison))).toBe(renderReportHtml(input(comparison)));
    expect(html).not.toMatch(/20\d\d-\d\d-\d\d/);
  });
});
