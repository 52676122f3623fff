// The report.html of a sweep analysis: the compare report's page kit (html.ts) around what was analysed, the key
// findings, the charts, every number in tables, the method with its references, and the provenance.
import type { MorrisEffects } from '../analysis/morris.ts';
import type { PrimBox, PrimResult } from '../analysis/prim.ts';
import type { SobolIndices } from '../analysis/sobol.ts';
import type { AnalysedParameter, MetricResult, SweepAnalysis } from '../analysis/sweep-analysis.ts';
import type { MetricName } from '../engine/types.ts';
import type { DesignKind } from '../sweep/schema.ts';
import { conditionInWords, METRIC_LABELS } from './messages.ts';
import { capitalise, wholePercent } from '../wording.ts';
import { boxName } from './analysis-specs.ts';
import {
  CHARTS_SECTION,
  chartsHtml,
  escapeHtml as h,
  FINDINGS_SECTION,
  findingsHtml,
  formatNumber,
  pageHeaderHtml,
  pageHtml,
  PROVENANCE_SECTION,
  provenanceListHtml,
  sectionStart,
  type CommandProvenance,
  type PageSection,
  type ReportChart,
} from './html.ts';

/** Everything an analysis's report.html shows. */
export interface AnalysisReportInput {
  /** Such as "partnersim: Sobol' indices of survival5y over sweep levers". */
  readonly title: string;
  readonly analysis: SweepAnalysis;
  /** The key findings as sentences. */
  readonly findings: readonly string[];
  readonly charts: readonly ReportChart[];
  readonly provenance: CommandProvenance;
}

const ANALYSED_SECTION: PageSection = { id: 'analysed', heading: 'What was analysed' };
const RESULTS_SECTION: PageSection = { id: 'results', heading: 'Results' };
const METHOD_SECTION: PageSection = { id: 'method', heading: 'Method' };
const SECTIONS = [ANALYSED_SECTION, FINDINGS_SECTION, CHARTS_SECTION, RESULTS_SECTION, METHOD_SECTION, PROVENANCE_SECTION];

/** Returns the text of a self-contained report.html of an analysis: header, what was analysed, key findings, charts,
 * results, method, provenance; as offline and script-free as the comparison's. */
export function renderAnalysisHtml(input: AnalysisReportInput): string {
  const sections = [
    pageHeaderHtml(input.title, ledeHtml(input.analysis), SECTIONS),
    analysedHtml(input.analysis),
    findingsHtml(input.findings),
    chartsHtml(input.charts),
    resultsHtml(input.analysis),
    methodHtml(input.analysis),
    provenanceHtml(input.analysis, input.provenance),
  ];
  return pageHtml(input.title, input.provenance.version, sections, STYLE);
}

const count = (n: number): string => formatNumber(n, { decimals: 0 });
const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;
const metricLabel = (metric: MetricName): string => METRIC_LABELS[metric];
const muted = (text: string): string => `<span class="muted">${h(text)}</span>`;
const interval = ([low, high]: readonly [number, number], decimals?: number): string =>
  `${formatNumber(low, { decimals })} to ${formatNumber(high, { decimals })}`;

/** Returns the bootstrap settings of an analysis's first measured result (every metric shares them), or null. */
function bootstrapOf(results: readonly MetricResult<SobolIndices | MorrisEffects>[]): SobolIndices | MorrisEffects | null {
  for (const r of results) if (r.result !== null) return r.result;
  return null;
}

function ledeHtml(analysis: SweepAnalysis): string {
  const sweep = `sweep <strong>${h(analysis.sweep.name)}</strong> (${plural(analysis.sweep.runs, 'run', 'runs')} over ${plural(analysis.parameters.length, 'parameter', 'parameters')})`;
  if (analysis.method === 'prim') {
    return `PRIM scenario discovery over ${sweep}: the ranges of parameter values where ${h(conditionInWords(analysis.condition))} holds most often.`;
  }
  const others = analysis.results.length - 1;
  const also = others > 0 ? `, and of ${plural(others, 'other metric', 'other metrics')},` : '';
  return analysis.method === 'sobol'
    ? `Sobol' sensitivity indices from ${sweep}: how much of the variance of ${h(metricLabel(analysis.metric))}${also} each parameter accounts for, alone and with its interactions.`
    : `Morris elementary effects from ${sweep}: how much each parameter moves ${h(metricLabel(analysis.metric))}${also} and whether it acts linearly.`;
}

/** What each design is, in words. */
const DESIGNS: Record<DesignKind, string> = {
  grid: 'grid (every combination of the listed values)',
  random: 'random sampling',
  lhs: 'Latin hypercube sampling',
  sobol: "Saltelli sampling (for Sobol' indices)",
  morris: 'Morris trajectories (elementary effects)',
};

/** What a design's `samples` counts. */
const SAMPLES: Record<DesignKind, string> = {
  grid: 'samples',
  random: 'points drawn',
  lhs: 'points drawn',
  sobol: 'base samples N',
  morris: 'trajectories r',
};

function analysedHtml(analysis: SweepAnalysis): string {
  const { sweep } = analysis;
  const description = sweep.description.trim() === '' ? '' : ` — ${h(sweep.description)}`;
  const facts: [string, string][] = [
    ['Sweep', `<strong>${h(sweep.name)}</strong>${description}`],
    ['Base scenario', h(sweep.scenario)],
    ['Design', h(DESIGNS[sweep.design])],
    ...(sweep.samples === null ? [] : [[capitalise(SAMPLES[sweep.design]), count(sweep.samples)] as [string, string]]),
    ['Points', count(sweep.points)],
    ['Replicates', `${count(sweep.replicates)} per point`],
    [
      'Runs',
      `${count(sweep.runs)}${sweep.failed > 0 ? `, of which ${plural(sweep.failed, 'failed and is', 'failed and are')} left out` : ', none failed'}`,
    ],
    analysis.method === 'prim'
      ? [
          'Condition',
          `${h(capitalise(conditionInWords(analysis.condition)))} <span class="muted">(<code>${h(`${analysis.condition.metric} ${analysis.condition.op} ${analysis.condition.value}`)}</code>)</span>`,
        ]
      : [
          'Metric',
          `${h(capitalise(metricLabel(analysis.metric)))} <span class="muted">(<code>${h(analysis.metric)}</code>), in the findings and the first chart; the results cover every metric the sweep recorded</span>`,
        ],
  ];
  const rows = analysis.parameters.map(
    (p) =>
      `<tr><th scope="row"><code>${h(p.key)}</code><span class="meaning">${h(p.meaning)}</span></th><td>${formatNumber(p.low)}</td><td>${formatNumber(p.high)}</td></tr>`,
  );
  return `${sectionStart(ANALYSED_SECTION)}
<dl class="facts">
${facts.map(([term, description]) => `<dt>${term}</dt><dd>${description}</dd>`).join('\n')}
</dl>
<div class="scroll"><table class="parameters">
<caption>The parameters the sweep varied, each from its lowest to its highest value.</caption>
<thead><tr><th scope="col">Parameter</th><th scope="col">Lowest</th><th scope="col">Highest</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

/** Returns a metric's row group in a results table: its heading row, then its rows, or why it has none. */
function metricGroupHtml<T>(entry: MetricResult<T>, columns: number, note: (result: T) => string, rows: (result: T) => string[]): string {
  const head = `<tr class="metric"><th scope="rowgroup" colspan="${columns}" id="result-${entry.metric}">${h(capitalise(metricLabel(entry.metric)))}`;
  if ('reason' in entry) {
    return `<tbody>
${head}</th></tr>
<tr><td colspan="${columns}">${muted(`Not analysed: ${entry.reason}`)}</td></tr>
</tbody>`;
  }
  return `<tbody>
${head} <span class="unit">(${note(entry.result)})</span></th></tr>
${rows(entry.result).join('\n')}
</tbody>`;
}

const parameterCell = (p: AnalysedParameter): string => `<th scope="row"><code>${h(p.key)}</code></th>`;

function sobolResultsHtml(analysis: Extract<SweepAnalysis, { method: 'sobol' }>): string {
  const level = wholePercent(bootstrapOf(analysis.results)?.confidence ?? 0.95);
  const groups = analysis.results.map((entry) =>
    metricGroupHtml(
      entry,
      5,
      (r) => `N = ${count(r.samples)} base samples${r.dropped > 0 ? `, ${count(r.dropped)} dropped for a missing value` : ''}`,
      (r) =>
        analysis.parameters.map(
          (p, i) =>
            `<tr>${parameterCell(p)}<td>${formatNumber(r.first[i].estimate, { decimals: 2 })}</td><td>${interval(r.first[i].ci, 2)}</td><td>${formatNumber(r.total[i].estimate, { decimals: 2 })}</td><td>${interval(r.total[i].ci, 2)}</td></tr>`,
        ),
    ),
  );
  return `<div class="scroll"><table class="metrics">
<thead><tr><th scope="col">Parameter</th><th scope="col">First order S<sub>i</sub></th><th scope="col">${level} CI</th><th scope="col">Total order S<sub>Ti</sub></th><th scope="col">${level} CI</th></tr></thead>
${groups.join('\n')}
</table></div>
<p class="note">S<sub>i</sub>: the share of the metric's variance due to the parameter alone; S<sub>Ti</sub>: with all its interactions. Intervals are bootstrap percentile intervals over the base samples. A block (a base sample's k + 2 points) with a point that measured nothing is dropped.</p>`;
}

function morrisResultsHtml(analysis: Extract<SweepAnalysis, { method: 'morris' }>): string {
  const level = wholePercent(bootstrapOf(analysis.results)?.confidence ?? 0.95);
  const groups = analysis.results.map((entry) =>
    metricGroupHtml(
      entry,
      7,
      (r) =>
        `${plural(r.trajectories, 'trajectory', 'trajectories')}${r.dropped > 0 ? `, ${plural(r.dropped, 'effect', 'effects')} dropped for a missing value` : ''}`,
      (r) =>
        analysis.parameters.map((p, i) => {
          const f = r.factors[i];
          const ratio =
            f.sigma === null || f.muStar.estimate === 0
              ? muted('not measured')
              : formatNumber(f.sigma / f.muStar.estimate, { decimals: 2 });
          return `<tr>${parameterCell(p)}<td>${formatNumber(f.mu)}</td><td>${formatNumber(f.muStar.estimate)}</td><td>${interval(f.muStar.ci)}</td><td>${f.sigma === null ? muted('not measured') : formatNumber(f.sigma)}</td><td>${ratio}</td><td>${count(f.effects)}</td></tr>`;
        }),
    ),
  );
  return `<div class="scroll"><table class="metrics">
<thead><tr><th scope="col">Parameter</th><th scope="col">μ</th><th scope="col">μ*</th><th scope="col">${level} CI of μ*</th><th scope="col">σ</th><th scope="col">σ/μ*</th><th scope="col">Effects</th></tr></thead>
${groups.join('\n')}
</table></div>
<p class="note">An elementary effect is the change in the metric over one step of a trajectory, per whole range of the parameter. μ: their mean (its sign, the direction); μ*: the mean of their sizes (how much the parameter matters), with a bootstrap percentile interval; σ: their standard deviation (non-linearity or interaction), not measured with fewer than two effects.</p>`;
}

/** Returns a box's limits on one parameter, marked when the box restricts it. */
function limitCell(box: PrimBox, i: number): string {
  const text = interval(box.limits[i]);
  const quasiP = box.quasiP[i];
  return box.restricted[i]
    ? `<td class="differs"><mark>${text}</mark> <span class="unit">(quasi-p ${quasiP === null ? 'not measured' : formatNumber(quasiP)})</span></td>`
    : `<td>${muted(text)}</td>`;
}

/** Returns a box's runs, coverage, density and mass as table cells. */
const boxCells = (box: PrimBox): string =>
  `<td>${count(box.count)}</td><td>${count(box.positives)}</td><td>${wholePercent(box.coverage)}</td><td>${wholePercent(box.density)}</td><td>${wholePercent(box.mass)}</td>`;

function primResultsHtml(parameters: readonly AnalysedParameter[], result: PrimResult): string {
  const base = `<p>Over all ${count(result.n)} runs the condition holds in ${count(result.positives)} (${wholePercent(result.density)}): the density a box must beat.</p>`;
  if (result.boxes.length === 0) return `${base}\n<p class="muted">PRIM found no box.</p>`;
  const names = result.boxes.map((_, b) => boxName(b));
  const limits = parameters.map(
    (p, i) => `<tr>${parameterCell(p)}<td>${interval([p.low, p.high])}</td>${result.boxes.map((t) => limitCell(t.box, i)).join('')}</tr>`,
  );
  const summary = result.boxes.map(
    (t, b) => `<tr><th scope="row">${names[b]}</th>${boxCells(t.box)}<td>${t.chosen} of ${t.steps.length - 1}</td></tr>`,
  );
  const trajectories = result.boxes.map((t, b) => {
    const rows = t.steps.map((step, s) => {
      const chosen = s === t.chosen;
      const restricted = step.restricted.filter(Boolean).length;
      return `<tr${chosen ? ' class="chosen"' : ''}><th scope="row">${s}${chosen ? ' <span class="tag">chosen</span>' : ''}</th>${boxCells(step)}<td>${restricted}</td></tr>`;
    });
    return `<div class="scroll"><table class="metrics" id="trajectory-${b + 1}">
<caption>${names[b]}: the peeling trajectory, from ${b === 0 ? 'all runs' : 'the runs outside the boxes before'} (step 0); the chosen step is highlighted.</caption>
<thead><tr><th scope="col">Step</th><th scope="col">Runs inside</th><th scope="col">Where it holds</th><th scope="col">Coverage</th><th scope="col">Density</th><th scope="col">Mass</th><th scope="col">Parameters restricted</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
  });
  return `${base}
<div class="scroll"><table class="metrics" id="box-limits">
<caption>Each box's limits: the lowest and highest value of each parameter inside it. <mark>Highlighted</mark>: parameters the box restricts, each with the quasi-p-value of its limit (Bryant &amp; Lempert, 2010): the chance of the box being this dense if the limit were lifted and its runs drawn at that box's density; 0.05 or more, the limit may be chance.</caption>
<thead><tr><th scope="col">Parameter</th><th scope="col">Sweep range</th>${names.map((name) => `<th scope="col">${name}</th>`).join('')}</tr></thead>
<tbody>
${limits.join('\n')}
</tbody>
</table></div>
<div class="scroll"><table class="metrics" id="boxes">
<caption>What each box holds, after pasting.</caption>
<thead><tr><th scope="col">Box</th><th scope="col">Runs inside</th><th scope="col">Where it holds</th><th scope="col">Coverage</th><th scope="col">Density</th><th scope="col">Mass</th><th scope="col">Chosen at step</th></tr></thead>
<tbody>
${summary.join('\n')}
</tbody>
</table></div>
${trajectories.join('\n')}
<p class="note">Coverage: the share of all runs where the condition holds that are in the box; density: the share of the box's runs where it holds; mass: the share of all runs in the box.</p>`;
}

function resultsHtml(analysis: SweepAnalysis): string {
  const body =
    analysis.method === 'sobol'
      ? sobolResultsHtml(analysis)
      : analysis.method === 'morris'
        ? morrisResultsHtml(analysis)
        : primResultsHtml(analysis.parameters, analysis.result);
  return `${sectionStart(RESULTS_SECTION)}
${body}
</section>`;
}

/** The works the Method section cites, by key. */
const REFERENCES = {
  saltelli:
    'Saltelli, A., Annoni, P., Azzini, I., Campolongo, F., Ratto, M., &amp; Tarantola, S. (2010). Variance based sensitivity analysis of model output: design and estimator for the total sensitivity index. <em>Computer Physics Communications</em>, 181(2), 259–270.',
  jansen:
    'Jansen, M. J. W. (1999). Analysis of variance designs for model output. <em>Computer Physics Communications</em>, 117(1–2), 35–43.',
  efron: 'Efron, B. (1979). Bootstrap methods: another look at the jackknife. <em>The Annals of Statistics</em>, 7(1), 1–26.',
  morris:
    'Morris, M. D. (1991). Factorial sampling plans for preliminary computational experiments. <em>Technometrics</em>, 33(2), 161–174.',
  campolongo:
    'Campolongo, F., Cariboni, J., &amp; Saltelli, A. (2007). An effective screening design for sensitivity analysis of large models. <em>Environmental Modelling &amp; Software</em>, 22(10), 1509–1518.',
  garcia:
    'Garcia Sanchez, D., Lacarrière, B., Musy, M., &amp; Bourges, B. (2014). Application of sensitivity analysis in building energy simulations: combining first- and second-order elementary effects methods. <em>Energy and Buildings</em>, 68, 741–750.',
  bryant:
    'Bryant, B. P., &amp; Lempert, R. J. (2010). Thinking inside the box: a participatory, computer-assisted approach to scenario discovery. <em>Technological Forecasting and Social Change</em>, 77(1), 34–49.',
  friedman:
    'Friedman, J. H., &amp; Fisher, N. I. (1999). Bump hunting in high-dimensional data. <em>Statistics and Computing</em>, 9(2), 123–143.',
} as const;

/** Returns the sentence on how the intervals were drawn, from the settings a result records. */
function bootstrapHtml(settings: SobolIndices | MorrisEffects | null, over: string): string {
  if (settings === null) return '';
  return ` Intervals are bootstrap percentile intervals (Efron, 1979) over ${over}: ${count(settings.resamples)} resamples at ${wholePercent(settings.confidence)} confidence, drawn with seed ${settings.seed}.`;
}

function methodHtml(analysis: SweepAnalysis): string {
  const k = analysis.parameters.length;
  let text: string;
  let cited: (keyof typeof REFERENCES)[];
  if (analysis.method === 'sobol') {
    text = `Each point's output is its metric's mean over the replicates. From Saltelli's sample of N base samples (N × (k + 2) points, k = ${k}), the first-order index S<sub>i</sub> is estimated as in Saltelli et al. (2010) and the total-order index S<sub>Ti</sub> as in Jansen (1999), each over the variance of the output.${bootstrapHtml(bootstrapOf(analysis.results), 'the base samples')} The first-order indices of independent parameters add up to at most 1; the rest of the variance comes from interactions. Estimates can fall a little below 0 or above 1 from sampling error. The model is stochastic: the run-to-run noise left after averaging the replicates counts as interaction and raises every total-order index; more replicates shrink it.`;
    cited = ['saltelli', 'jansen', 'efron'];
  } else if (analysis.method === 'morris') {
    text = `Each point's output is its metric's mean over the replicates. Along r trajectories of k + 1 points (k = ${k}), each step changes one parameter; its elementary effect is the change in the output per whole range of that parameter (Morris, 1991). μ is the effects' mean, μ* the mean of their sizes (Campolongo et al., 2007), σ their standard deviation.${bootstrapHtml(bootstrapOf(analysis.results), "each parameter's effects")} The chart's lines at σ/μ* = 0.1, 0.5 and 1 follow the usual reading of Morris's screening (Garcia Sanchez et al., 2014): below 0.1 a parameter acts almost linearly, above 1 its effect is strongly non-linear or depends on other parameters.`;
    cited = ['morris', 'campolongo', 'garcia', 'efron'];
  } else {
    const primSettings = analysis.result.settings;
    text = `The patient rule induction method (Friedman &amp; Fisher, 1999) on every run: starting from all runs, it peels a thin slice (a share peel α of the box's runs) off one side of one parameter at a time, the slice whose removal leaves the densest box, until the next box would hold less than a minimum mass of all runs. On that trajectory the chosen box is the densest that still covers at least a minimum share of the runs where the condition holds; pasting then widens it by a share paste α of its runs while that raises its density. Each further box is sought among the runs outside the boxes before it, up to ${primSettings.maxBoxes === 1 ? 'one box' : `${primSettings.maxBoxes} boxes`}, stopping when a box is no denser than the runs left. Settings: peel α ${primSettings.peelAlpha}, paste α ${primSettings.pasteAlpha}, minimum mass ${primSettings.minMass}, minimum coverage ${primSettings.minCoverage}.`;
    cited = ['friedman', 'bryant'];
  }
  return `${sectionStart(METHOD_SECTION)}
<p>${text}</p>
<ol class="references">
${cited.map((key) => `<li>${REFERENCES[key]}</li>`).join('\n')}
</ol>
</section>`;
}

function provenanceHtml(analysis: SweepAnalysis, p: CommandProvenance): string {
  const { sweep } = analysis;
  return `${sectionStart(PROVENANCE_SECTION)}
${provenanceListHtml(p, [
  ['Sweep', `${h(sweep.name)} <span class="muted">hash</span> <code>${h(sweep.hash)}</code>`],
  ['Sweep seed', `<code>${sweep.seed}</code>`],
  ['Base scenario', `${h(sweep.scenario)} <span class="muted">hash</span> <code>${h(sweep.scenarioHash)}</code>`],
])}
<p class="note">The sweep's hash identifies the sweep file, its base scenario and partnersim's version: analysed again with the same command, it gives the same numbers.</p>
</section>`;
}

// The analysis page's own rules, after the shared style.
const STYLE = `
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; min-width: 0; }
table.parameters th[scope="row"] { min-width: 14rem; max-width: 26rem; font-weight: normal; }
table.parameters td { text-align: right; padding-left: 1.5rem; }
table.metrics caption { padding-top: 0.5rem; }
table.metrics th[scope="row"] code { font-size: 0.95em; }
tr.chosen th, tr.chosen td { background: var(--mark); }
/* A limit's quasi-p-value goes under it: on one line with it, three boxes need a third more than the page's width. */
#box-limits td .unit { display: block; }
ol.references { font-size: 0.9rem; padding-left: 1.25rem; }
ol.references li { margin: 0.3rem 0; }
@media print {
  tr.chosen th, tr.chosen td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
