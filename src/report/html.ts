// report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) that an analyst can forward.
// The page kit every report shares (shell, header, sections, findings, charts, provenance, numbers) and the comparison's page.
import type { Comparison, Difference, ScenarioSummary } from '../analysis/comparison.ts';
import type { MetricName } from '../engine/types.ts';
import { METRIC_LABELS, SHARE_METRICS } from './messages.ts';
import { capitalise, isScientific, listInWords, scientific } from '../wording.ts';
import { LEVER_MEANINGS, type LeverKey } from '../scenario/schema.ts';

/** One chart of the report: an id for its figure (a link target), its title and caption, and its SVG markup. */
export interface ReportChart {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  /** Trusted SVG markup (from the renderer), inserted as it is; an XML declaration or doctype before it is dropped.
   * Null when the chart could not be drawn: its caption then says why. */
  readonly svg: string | null;
}

/** Everything report.html shows. */
export interface ReportInput {
  /** Such as "partnersim: carrots-end compared with baseline". */
  readonly title: string;
  readonly comparison: Comparison;
  /** Each scenario's levers in words, such as "0.8 from step 12, 0 from step 48", keyed by lever. */
  readonly levers: readonly { readonly scenario: string; readonly levers: Readonly<Record<string, string>> }[];
  /** The key findings as sentences. */
  readonly findings: readonly string[];
  readonly charts: readonly ReportChart[];
  readonly provenance: CommandProvenance & {
    readonly masterSeed: number;
    readonly seeds: readonly number[];
    readonly scenarios: readonly { readonly name: string; readonly hash: string }[];
  };
}

/** Which partnersim made a report, from which commit, on which Node.js, by which command: what every report's provenance lists first. */
export interface CommandProvenance {
  readonly version: string;
  readonly commit: string | null;
  readonly node: string;
  readonly command: string;
}

/** What a null (a value the replicates could not measure) reads as. */
export const NOT_MEASURED = 'not measured';

/** Returns text with &, <, >, " and ' replaced by character references, safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const h = escapeHtml;

const SIGNIFICANT = 3;

/** Returns a number to 3 significant digits (or to `decimals` places), thousands grouped, with a true minus sign and,
 * when signed, a plus sign on positive numbers; to significant digits, one very near zero or very large in scientific
 * notation (`1.4 × 10⁻⁵²`, see SCIENTIFIC_BELOW), which would otherwise be dozens of digits wide. */
export function formatNumber(value: number, { signed = false, decimals }: { signed?: boolean; decimals?: number } = {}): string {
  if (decimals === undefined && isScientific(value)) {
    const text = scientific(value, SIGNIFICANT).replace('-', '\u2212');
    return signed && value > 0 ? `+${text}` : text;
  }
  const digits =
    decimals === undefined
      ? { maximumSignificantDigits: SIGNIFICANT }
      : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
  const format = new Intl.NumberFormat('en-GB', { ...digits, signDisplay: signed ? 'exceptZero' : 'auto' });
  // + 0 turns -0 into 0, and a value that rounds to zero loses its sign.
  const text = format.format(value + 0);
  return (/^[-+]?0(\.0*)?$/.test(text) ? text.replace(/^[-+]/, '') : text).replace('-', '\u2212');
}

/** Returns the decimal places that show the larger end of an interval to 3 significant digits (both ends then alike), or
 * undefined (each end to 3 significant digits) when that end is so near zero or so large it is written in scientific notation. */
function intervalDecimals([low, high]: readonly [number, number]): number | undefined {
  const largest = Math.max(Math.abs(low), Math.abs(high));
  if (isScientific(largest)) return undefined;
  return largest === 0 || !Number.isFinite(largest) ? 0 : Math.max(0, SIGNIFICANT - 1 - Math.floor(Math.log10(largest)));
}

const isShare = (metric: MetricName): boolean => SHARE_METRICS.has(metric);

/** Returns a metric's value as the report shows it: a share as a percentage, anything else to 3 significant digits; null as "not measured". */
export function formatMetricValue(metric: MetricName, value: number | null): string {
  if (value === null) return NOT_MEASURED;
  return isShare(metric) ? `${formatNumber(value * 100)}%` : formatNumber(value);
}

/** Returns a metric's 95% interval as "low to high", both ends to the same places (a share's as percentages); null as "not measured". */
export function formatMetricInterval(metric: MetricName, interval: readonly [number, number] | null): string {
  if (interval === null) return NOT_MEASURED;
  const scaled = isShare(metric) ? ([interval[0] * 100, interval[1] * 100] as const) : interval;
  const decimals = intervalDecimals(scaled);
  const unit = isShare(metric) ? '%' : '';
  return `${formatNumber(scaled[0], { decimals })}${unit} to ${formatNumber(scaled[1], { decimals })}${unit}`;
}

/** Returns a difference of a metric, signed: a share's in percentage points ("pp"); null as "not measured". */
export function formatMetricDifference(metric: MetricName, value: number | null): string {
  if (value === null) return NOT_MEASURED;
  return isShare(metric) ? `${formatNumber(value * 100, { signed: true })} pp` : formatNumber(value, { signed: true });
}

/** Returns the 95% interval of a difference as "low to high", signed, both ends to the same places (a share's in
 * percentage points, named once at the end); null as "not measured". */
export function formatDifferenceInterval(metric: MetricName, interval: readonly [number, number] | null): string {
  if (interval === null) return NOT_MEASURED;
  const scaled = isShare(metric) ? ([interval[0] * 100, interval[1] * 100] as const) : interval;
  const decimals = intervalDecimals(scaled);
  return `${formatNumber(scaled[0], { signed: true, decimals })} to ${formatNumber(scaled[1], { signed: true, decimals })}${isShare(metric) ? ' pp' : ''}`;
}

/** Returns the text of a self-contained report.html: header, what was compared, key findings, charts, every metric, provenance. */
export function renderReportHtml(input: ReportInput): string {
  const sections = [
    headerHtml(input),
    comparedHtml(input),
    findingsHtml(input.findings),
    chartsHtml(input.charts),
    metricsHtml(input.comparison),
    provenanceHtml(input.provenance),
  ];
  return pageHtml(input.title, input.provenance.version, sections);
}

// ---------------------------------------------------------------------------------------------
// The page kit: what every report page is made of.

/** A section of a report page: its id (the contents' link target) and its heading. */
export interface PageSection {
  readonly id: string;
  readonly heading: string;
}

/** The key findings section, under the same id and heading in every report. */
export const FINDINGS_SECTION: PageSection = { id: 'findings', heading: 'Key findings' };
/** The charts section, under the same id and heading in every report. */
export const CHARTS_SECTION: PageSection = { id: 'charts', heading: 'Charts' };
/** The provenance section, under the same id and heading in every report. */
export const PROVENANCE_SECTION: PageSection = { id: 'provenance', heading: 'Provenance' };

/** Returns a whole report page: a head whose policy allows no script and no fetch, the shared style followed by
 * `style` (a page's own rules), and the sections' markup in order. */
export function pageHtml(title: string, version: string, sections: readonly string[], style = ''): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="partnersim ${escapeHtml(version)}">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}${style}</style>
</head>
<body>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

/** Returns a page's header: its title, a lede (markup, one sentence on what the page is about) and the contents. */
export function pageHeaderHtml(title: string, lede: string, contents: readonly PageSection[]): string {
  const items = contents.map(({ id, heading }) => `<li><a href="#${id}">${heading}</a></li>`).join('');
  return `<header>
<h1>${h(title)}</h1>
<p class="lede">${lede}</p>
<nav aria-label="Contents"><ol>${items}</ol></nav>
</header>`;
}

/** Returns the opening of a section, up to and including its heading; the caller closes it with </section>. */
export function sectionStart({ id, heading }: PageSection): string {
  return `<section id="${id}" aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${heading}</h2>`;
}

/** Returns the key findings section: the sentences as a list, or a note that there are none. */
export function findingsHtml(findings: readonly string[]): string {
  const body =
    findings.length === 0
      ? '<p class="muted">No key findings were drawn.</p>'
      : `<ul class="findings">\n${findings.map((f) => `<li>${h(f)}</li>`).join('\n')}\n</ul>`;
  return `${sectionStart(FINDINGS_SECTION)}
${body}
</section>`;
}

/** Returns SVG markup without an XML declaration or doctype, which have no place inside an HTML page. */
function inlineSvg(svg: string): string {
  return svg
    .replace(/^\s*<\?xml[^>]*\?>\s*/, '')
    .replace(/^\s*<!DOCTYPE[^>]*>\s*/i, '')
    .trim();
}

/** Returns the charts section: each chart's SVG inline in a figure with its title and caption (a chart not drawn, its
 * title and caption alone). */
export function chartsHtml(charts: readonly ReportChart[]): string {
  const body =
    charts.length === 0
      ? '<p class="muted">No charts.</p>'
      : charts
          .map(
            (chart) => `<figure class="chart" id="${h(chart.id)}">
${chart.svg === null ? '' : `<div class="chart-svg">${inlineSvg(chart.svg)}</div>\n`}<figcaption><span class="chart-title">${h(chart.title)}.</span> ${h(chart.caption)}</figcaption>
</figure>`,
          )
          .join('\n');
  return `${sectionStart(CHARTS_SECTION)}
${body}
</section>`;
}

/** Returns a command line whose lines break between arguments, never inside one that fits (such as after the first - of --reps). */
function commandHtml(command: string): string {
  return command
    .split(' ')
    .map((arg) => `<span>${h(arg)}</span>`)
    .join(' ');
}

/** Returns the provenance list: partnersim's version, the commit, Node.js and the command, then a report's own
 * entries as [term, description] markup. */
export function provenanceListHtml(p: CommandProvenance, entries: readonly (readonly [term: string, description: string])[]): string {
  const commit =
    p.commit === null ? '<span class="muted">not recorded (not run from a git checkout)</span>' : `<code>${h(p.commit)}</code>`;
  const own = entries.map(([term, description]) => `<dt>${term}</dt><dd>${description}</dd>\n`).join('');
  return `<dl class="provenance">
<dt>partnersim</dt><dd>${h(p.version)}</dd>
<dt>Commit</dt><dd>${commit}</dd>
<dt>Node.js</dt><dd>${h(p.node)}</dd>
<dt>Command</dt><dd><code class="command">${commandHtml(p.command)}</code></dd>
${own}</dl>`;
}

// ---------------------------------------------------------------------------------------------
// The comparison's page.

const COMPARED_SECTION: PageSection = { id: 'compared', heading: 'What was compared' };
/** A single scenario's report (partnersim run) has nothing compared: it describes the scenario. */
const SCENARIO_SECTION: PageSection = { id: 'scenario', heading: 'The scenario' };
const METRICS_SECTION: PageSection = { id: 'metrics', heading: 'Every metric' };

/** Returns the section that says what the report is about: what was compared, or for one scenario, the scenario. */
const aboutSection = (comparison: Comparison): PageSection => (comparison.scenarios.length === 1 ? SCENARIO_SECTION : COMPARED_SECTION);

/** Returns whether every scenario ran once: no replicates, so no mean or interval across them. */
const oneRunEach = (comparison: Comparison): boolean => comparison.scenarios.every((s) => s.replicates === 1);

const name = (text: string): string => `<strong>${h(text)}</strong>`;

/** The same value in every scenario, or null when they differ. */
function common<T>(scenarios: readonly ScenarioSummary[], pick: (s: ScenarioSummary) => T): T | null {
  const values = new Set(scenarios.map(pick));
  return values.size === 1 ? pick(scenarios[0]) : null;
}

function headerHtml({ title, comparison }: ReportInput): string {
  const [baseline, ...others] = comparison.scenarios;
  const replicates = common(comparison.scenarios, (s) => s.replicates);
  const steps = common(comparison.scenarios, (s) => s.steps);
  const perYear = common(comparison.scenarios, (s) => s.stepsPerYear);
  const organisations = common(comparison.scenarios, (s) => s.organisations);
  const what =
    others.length === 0
      ? `Scenario ${name(baseline.name)}`
      : `Compares ${listInWords(others.map((s) => name(s.name)))} with the baseline ${name(baseline.name)}`;
  const reps =
    replicates === null
      ? 'replicates differing by scenario (see below)'
      : replicates === 1
        ? `one run${others.length > 0 ? ' each' : ''}`
        : `${replicates} replicates${others.length > 0 ? ' each' : ''}`;
  const runs =
    steps === null || perYear === null || organisations === null
      ? 'runs that differ in length or size (see below)'
      : `${steps} steps (${formatNumber(steps / perYear)} years) with ${organisations} organisations`;
  const paired = others.length > 0 ? '; each difference from the baseline is paired by replicate' : '';
  const sections = [aboutSection(comparison), FINDINGS_SECTION, CHARTS_SECTION, METRICS_SECTION, PROVENANCE_SECTION];
  return pageHeaderHtml(title, `${what}: ${reps} of ${runs}${paired}.`, sections);
}

function comparedHtml({ comparison, levers }: ReportInput): string {
  const scenarios = comparison.scenarios;
  // The header gives the replicates, steps and organisations when every scenario shares them.
  const sameSize = common(scenarios, (s) => `${s.replicates} ${s.steps} ${s.stepsPerYear} ${s.organisations}`) !== null;
  const described = scenarios
    .map((s) => {
      const role = scenarios.length > 1 && s.name === comparison.baseline ? ' <span class="tag">baseline</span>' : '';
      const size = `${s.replicates === 1 ? 'one run' : `${s.replicates} replicates`}, ${s.steps} steps (${formatNumber(s.steps / s.stepsPerYear)} years), ${s.organisations} organisations`;
      const description = s.description.trim() === '' ? '' : `${h(s.description)} `;
      return `<dt>${name(s.name)}${role}</dt><dd>${description}${sameSize ? '' : `<span class="muted">(${size})</span>`}</dd>`;
    })
    .join('\n');
  return `${sectionStart(aboutSection(comparison))}
<dl class="scenarios">
${described}
</dl>
${leversTableHtml(comparison, levers)}
</section>`;
}

function leversTableHtml(comparison: Comparison, levers: ReportInput['levers']): string {
  const byScenario = new Map(levers.map((entry) => [entry.scenario, entry.levers]));
  const columns = comparison.scenarios.map((s) => s.name);
  const keys = [...new Set(columns.flatMap((scenario) => Object.keys(byScenario.get(scenario) ?? {})))];
  if (keys.length === 0) return '<p class="muted">No levers were recorded for these scenarios.</p>';
  const baseLevers = byScenario.get(comparison.baseline) ?? {};
  const several = columns.length > 1;
  const head = columns
    .map(
      (scenario) =>
        `<th scope="col">${h(scenario)}${several && scenario === comparison.baseline ? ' <span class="tag">baseline</span>' : ''}</th>`,
    )
    .join('');
  const rows = keys.map((key) => {
    const meaning = key in LEVER_MEANINGS ? `<span class="meaning">${h(LEVER_MEANINGS[key as LeverKey])}</span>` : '';
    const cells = columns.map((scenario) => {
      const value = byScenario.get(scenario)?.[key];
      const text = value === undefined ? '<span class="muted">not set</span>' : h(value);
      const differs = scenario !== comparison.baseline && value !== baseLevers[key];
      return differs ? `<td class="differs"><mark>${text}</mark></td>` : `<td>${text}</td>`;
    });
    return `<tr><th scope="row"><code>${h(key)}</code>${meaning}</th>${cells.join('')}</tr>`;
  });
  const caption = several
    ? 'Each lever in each scenario. <mark>Highlighted</mark> values differ from the baseline.'
    : 'Each lever of the scenario.';
  return `<div class="scroll"><table class="levers">
<caption>${caption}</caption>
<thead><tr><th scope="col">Lever</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

/** What each metric counts or measures, shown under its name in the table. */
const METRIC_UNITS: Record<MetricName, string> = {
  partnershipsFormed: 'count of those formed during the run',
  partnershipsDissolved: 'count over the run, of any age',
  partnershipsActiveAtEnd: 'count at the last step',
  participationAtEnd: 'share of organisations in a partnership',
  meanTrustAtEnd: 'from 0 to 1',
  meanStrengthAtEnd: 'continuum score of active partnerships, from 0 to 1',
  strongShareAtEnd: 'share of active partnerships cooperating or collaborating',
  medianLifetimeYears: 'years: the age by which half of those formed in the run had dissolved, Kaplan-Meier',
  rmst5y: 'years: mean time lived within the first 5, Kaplan-Meier',
  rmst10y: 'years: mean time lived within the first 10, Kaplan-Meier',
  survival3y: 'share of partnerships still active 3 years after forming, Kaplan-Meier',
  survival5y: 'share of partnerships still active 5 years after forming, Kaplan-Meier',
  trustsAtEnd: 'count of multi-academy trusts with a school at the last step',
  inTrustsAtEnd: 'share of schools and academies in a trust',
  inTrustsElsewhereAtEnd: 'share of schools and academies in a trust based in another area',
  meanTrustSizeAtEnd: 'schools per trust with a school',
};

/** True when a difference's 95% interval excludes zero. */
function isClear(d: Difference | undefined): boolean {
  return d !== undefined && d.ci95 !== null && (d.ci95[0] > 0 || d.ci95[1] < 0);
}

function metricsHtml(comparison: Comparison): string {
  const scenarios = comparison.scenarios;
  const several = scenarios.length > 1;
  // One run each: a value per scenario (and its difference from the baseline), with no interval or effect size to give.
  const oneRun = oneRunEach(comparison);
  const differences = new Map(comparison.differences.map((d) => [`${d.scenario}\u0000${d.metric}`, d]));
  const metrics = Object.keys(METRIC_LABELS) as MetricName[];
  const baseHead = h(comparison.baseline);
  const headings = [
    'Scenario',
    ...(oneRun ? ['Value'] : ['Mean', '95% CI']),
    ...(several ? [`Difference from ${baseHead}`, ...(oneRun ? [] : ['95% CI', 'Effect size'])] : []),
  ];
  const differenceColumns = several ? (oneRun ? 1 : 3) : 0;
  const head = headings.map((heading) => `<th scope="col">${heading}</th>`).join('');
  const groups = metrics.map((metric) => {
    const rows = scenarios.map((s) => {
      const summary = s.metrics[metric];
      const cells = [`<td>${cell(formatMetricValue(metric, summary.mean))}</td>`];
      if (!oneRun) cells.push(`<td>${cell(formatMetricInterval(metric, summary.ci95))}</td>`);
      if (several) {
        if (s.name === comparison.baseline) cells.push(`<td class="muted" colspan="${differenceColumns}">baseline</td>`);
        else {
          const d = differences.get(`${s.name}\u0000${metric}`);
          const pairs = d !== undefined && d.pairs < s.replicates ? ` <span class="muted">(${d.pairs} pairs)</span>` : '';
          const strong = isClear(d) ? ' class="clear"' : '';
          cells.push(`<td${strong}>${cell(formatMetricDifference(metric, d?.mean ?? null))}${pairs}</td>`);
          if (!oneRun)
            cells.push(
              `<td${strong}>${cell(formatDifferenceInterval(metric, d?.ci95 ?? null))}</td>`,
              `<td>${cell(d?.effectSize == null ? NOT_MEASURED : formatNumber(d.effectSize, { signed: true }))}</td>`,
            );
        }
      }
      return `<tr><th scope="row">${h(s.name)}</th>${cells.join('')}</tr>`;
    });
    return `<tbody>
<tr class="metric"><th scope="rowgroup" colspan="${headings.length}" id="metric-${metric}">${h(capitalise(METRIC_LABELS[metric]))} <span class="unit">(${METRIC_UNITS[metric]})</span></th></tr>
${rows.join('\n')}
</tbody>`;
  });
  const notes = oneRun
    ? [
        several
          ? `The values of one run of each scenario, run with the same seed; a difference is the scenario's value minus ${baseHead}'s. pp: percentage points.`
          : 'The values of one run.',
        'Replicates (--reps) would give means with 95% confidence intervals.',
        `“${capitalise(NOT_MEASURED)}”: the run gave nothing to measure (such as no partnership reaching that age).`,
      ]
    : [
        'Means over the replicates, with Student-t 95% confidence intervals.',
        several
          ? `Differences are paired by replicate (scenario minus ${baseHead}, run with the same seeds); <strong>bold</strong> differences have a 95% interval that excludes zero. Effect size: the mean difference over the standard deviation of the differences (Cohen's d<sub>z</sub>). pp: percentage points.`
          : '',
        `“${capitalise(NOT_MEASURED)}”: the replicates gave nothing to measure (such as no partnership reaching that age) or too few values for an interval.`,
      ].filter((note) => note !== '');
  return `${sectionStart(METRICS_SECTION)}
<div class="scroll"><table class="metrics">
<thead><tr>${head}</tr></thead>
${groups.join('\n')}
</table></div>
<p class="note">${notes.join(' ')}</p>
</section>`;
}

/** Returns an already escaped cell text, dimmed when it says "not measured". */
function cell(text: string): string {
  return text === NOT_MEASURED ? `<span class="muted">${text}</span>` : h(text);
}

function provenanceHtml(p: ReportInput['provenance']): string {
  const seeds = p.seeds.length === 0 ? '<span class="muted">none</span>' : `<code class="seeds">${p.seeds.join(', ')}</code>`;
  const hashes = p.scenarios.map((s) => `<tr><th scope="row">${h(s.name)}</th><td><code>${h(s.hash)}</code></td></tr>`).join('\n');
  return `${sectionStart(PROVENANCE_SECTION)}
${provenanceListHtml(p, [
  ['Master seed', `<code>${p.masterSeed}</code>`],
  [`Replicate seeds (${p.seeds.length})`, seeds],
])}
<table class="hashes">
<caption>Scenario hashes</caption>
<thead><tr><th scope="col">Scenario</th><th scope="col">Hash</th></tr></thead>
<tbody>
${hashes}
</tbody>
</table>
<p class="note">A scenario's hash identifies the normalised scenario it ran: run again with the same hash, partnersim version and seeds, it gives the same numbers.</p>
</section>`;
}

// System fonts only (nothing to fetch); print drops the contents and keeps figures and table rows whole.
const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --rule: #d5d9de; --band: #f4f6f8; --mark: #ffe58a; --accent: #1f5f99; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 0.5rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid var(--rule); }
.lede { font-size: 1.05rem; margin: 0 0 1rem; }
nav ol { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; margin: 0; padding: 0.5rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); font-size: 0.9rem; }
a { color: var(--accent); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.88em; overflow-wrap: break-word; }
.muted { color: var(--muted); }
.tag { display: inline-block; font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); border: 1px solid var(--rule); border-radius: 3px; padding: 0 0.3rem; vertical-align: 0.1em; }
dl.scenarios dt { margin-top: 0.5rem; }
dl.scenarios dd { margin: 0 0 0 1.25rem; }
table.hashes caption { font-weight: 600; color: var(--ink); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.92rem; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
th, td { padding: 0.35rem 0.75rem 0.35rem 0; text-align: left; vertical-align: top; border-bottom: 1px solid var(--rule); }
thead th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
table.levers th[scope="row"] { min-width: 14rem; max-width: 22rem; font-weight: normal; }
.meaning { display: block; font-size: 0.87em; color: var(--muted); }
mark { background: var(--mark); color: inherit; padding: 0 0.15rem; border-radius: 2px; }
td.differs { font-weight: 600; }
ul.findings { padding-left: 1.25rem; }
ul.findings li { margin: 0.4rem 0; }
figure.chart { margin: 1.5rem 0; padding: 0.75rem; border: 1px solid var(--rule); border-radius: 4px; }
.chart-svg { overflow-x: auto; }
.chart-svg svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { margin-top: 0.5rem; font-size: 0.92rem; }
.chart-title { font-weight: 600; }
table.metrics { width: 100%; }
table.metrics td { white-space: nowrap; text-align: right; padding: 0.35rem 0 0.35rem 1.5rem; }
table.metrics thead th:not(:first-child) { text-align: right; padding: 0.35rem 0 0.35rem 1.5rem; }
table.metrics td[colspan] { text-align: left; }
tr.metric th { padding-top: 1rem; font-weight: 600; border-bottom: 1px solid var(--ink); }
.unit { font-weight: normal; color: var(--muted); font-size: 0.9em; }
table.metrics tbody th[scope="row"] { font-weight: normal; padding-left: 0.75rem; }
td.clear { font-weight: 700; }
.note { font-size: 0.85rem; color: var(--muted); }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
dl.provenance dt { font-weight: 600; }
dl.provenance dd { margin: 0; min-width: 0; }
code.command span { display: inline-block; max-width: 100%; overflow-wrap: anywhere; }
code.seeds { display: block; max-height: 12rem; overflow: auto; }
@page { margin: 15mm; }
@media print {
  body { font-size: 10pt; }
  table { font-size: 8.5pt; }
  thead th { white-space: normal; }
  table.metrics td, table.metrics thead th:not(:first-child) { padding-left: 0.8em; }
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure.chart, tr, dl.provenance { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll, .chart-svg { overflow: visible; }
  code.command span { display: inline-block; max-width: 100%; overflow-wrap: anywhere; }
code.seeds { max-height: none; overflow: visible; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
}
`;
