// The report.html of a calibration: the page kit of the other reports (html.ts) around what was calibrated, the key
// findings, the charts, the posterior, the targets' predictive check, the generations, the method with its references,
// and the provenance.
import { posteriorGeneration } from '../calibration/abc.ts';
import { keyMeaning } from '../calibration/schema.ts';
import { statisticIds } from '../calibration/statistics.ts';
import { observedInterval, type CalibrationView } from './calibration-findings.ts';
import { methodInWords, priorInWords, statisticLabel, uncertaintyInWords } from './calibration-words.ts';
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

/** Everything a calibration's report.html shows. */
export interface CalibrationReportInput {
  readonly title: string;
  readonly view: CalibrationView;
  readonly findings: readonly string[];
  readonly charts: readonly ReportChart[];
  readonly provenance: CommandProvenance;
}

const CALIBRATED_SECTION: PageSection = { id: 'calibrated', heading: 'What was calibrated' };
const POSTERIOR_SECTION: PageSection = { id: 'posterior', heading: 'Posterior' };
const CHECK_SECTION: PageSection = { id: 'targets', heading: 'Targets' };
const GENERATIONS_SECTION: PageSection = { id: 'generations', heading: 'Generations' };
const METHOD_SECTION: PageSection = { id: 'method', heading: 'Method' };
const SECTIONS = [
  CALIBRATED_SECTION,
  FINDINGS_SECTION,
  CHARTS_SECTION,
  POSTERIOR_SECTION,
  CHECK_SECTION,
  GENERATIONS_SECTION,
  METHOD_SECTION,
  PROVENANCE_SECTION,
];

/** Returns the text of a self-contained report.html of a calibration, as offline and script-free as the others. */
export function renderCalibrationHtml(input: CalibrationReportInput): string {
  const { view } = input;
  const sections = [
    pageHeaderHtml(input.title, ledeHtml(view), SECTIONS),
    calibratedHtml(view),
    findingsHtml(input.findings),
    chartsHtml(input.charts),
    posteriorHtml(view),
    checkHtml(view),
    generationsHtml(view),
    methodHtml(view),
    provenanceHtml(view, input.provenance),
  ];
  return pageHtml(input.title, input.provenance.version, sections, STYLE);
}

const n = (value: number): string => formatNumber(value);
const count = (value: number): string => formatNumber(value, { decimals: 0 });
const percent = (share: number): string => `${formatNumber(share * 100, { decimals: 0 })}%`;
const range = ([low, high]: readonly [number, number]): string => `${n(low)} to ${n(high)}`;
const muted = (text: string): string => `<span class="muted">${h(text)}</span>`;

function ledeHtml(view: CalibrationView): string {
  const { calibration, scenario } = view;
  const method = calibration.settings.method === 'smc' ? 'ABC-SMC' : 'Rejection ABC';
  return `${method} calibration of ${count(calibration.parameters.length)} ${calibration.parameters.length === 1 ? 'parameter' : 'parameters'} of scenario <strong>${h(scenario.name)}</strong> to ${count(calibration.targets.length)} observed ${calibration.targets.length === 1 ? 'figure' : 'figures'}: what the figures say about each parameter, and whether the calibrated model reproduces them.`;
}

function calibratedHtml(view: CalibrationView): string {
  const { calibration, scenario } = view;
  const s = calibration.settings;
  const description = calibration.description.trim() === '' ? '' : ` — ${h(calibration.description)}`;
  const facts: [string, string][] = [
    ['Calibration', `<strong>${h(calibration.name)}</strong>${description}`],
    ['Base scenario', h(scenario.name)],
    ['Method', h(methodInWords(s.method, s.distance))],
    ['Particles', `${count(s.particles)} per generation`],
    ...(s.method === 'smc'
      ? ([
          [
            'Generations',
            `at most ${count(s.generations)}; each tolerance keeps ${percent(s.alpha)} of the previous effective sample size`,
          ],
          [
            'Stopping',
            `tolerance ${n(s.tolerance)}, acceptance rate below ${percent(s.minAcceptance)}${s.budget === null ? '' : `, ${count(s.budget)} runs`}`,
          ],
        ] as [string, string][])
      : ([['Tolerance', n(s.tolerance)]] as [string, string][])),
    ['Predictive check', `${count(s.predictive)} runs`],
    ['Seed', `<code>${s.seed}</code>`],
  ];
  const parameters = calibration.parameters.map(
    (p) =>
      `<tr><th scope="row"><code>${h(p.name)}</code><span class="meaning">${h(keyMeaning(p.name))}</span></th><td>${h(priorInWords(p.prior))}</td></tr>`,
  );
  const ids = statisticIds(calibration.targets);
  const targets = calibration.targets.map(
    (t, k) =>
      `<tr><th scope="row">${h(statisticLabel(t))} <code>${h(ids[k])}</code></th><td>${n(t.observed)}</td><td>${h(uncertaintyInWords(t))}</td><td>${h(t.source)}</td></tr>`,
  );
  return `${sectionStart(CALIBRATED_SECTION)}
<dl class="facts">
${facts.map(([term, text]) => `<dt>${term}</dt><dd>${text}</dd>`).join('\n')}
</dl>
<div class="scroll"><table class="parameters">
<caption>The parameters fitted, each with its prior.</caption>
<thead><tr><th scope="col">Parameter</th><th scope="col">Prior</th></tr></thead>
<tbody>
${parameters.join('\n')}
</tbody>
</table></div>
<div class="scroll"><table class="targets">
<caption>The observed figures fitted, each with its uncertainty and source.</caption>
<thead><tr><th scope="col">Target</th><th scope="col">Observed</th><th scope="col">Uncertainty</th><th scope="col">Source</th></tr></thead>
<tbody>
${targets.join('\n')}
</tbody>
</table></div>
</section>`;
}

function posteriorHtml(view: CalibrationView): string {
  const posterior = view.posterior;
  if (posterior === null)
    return `${sectionStart(POSTERIOR_SECTION)}
<p class="muted">No generation completed, so there is no posterior.</p>
</section>`;
  const rows = posterior.parameters.map((p) => {
    const priorWidth = p.prior.ci90[1] - p.prior.ci90[0];
    const ratio = priorWidth > 0 ? percent((p.ci90[1] - p.ci90[0]) / priorWidth) : muted('not measured');
    return `<tr><th scope="row"><code>${h(p.name)}</code></th><td>${n(p.prior.median)}</td><td>${range(p.prior.ci90)}</td><td>${n(p.median)}</td><td>${n(p.mean)}</td><td>${range(p.ci50)}</td><td>${range(p.ci90)}</td><td>${ratio}</td></tr>`;
  });
  return `${sectionStart(POSTERIOR_SECTION)}
<div class="scroll"><table class="metrics">
<caption>Generation ${posterior.generation}: ${count(posterior.particles)} weighted particles, effective sample size ${count(Math.round(posterior.ess))}. Credible intervals are central: 50% between the 25th and 75th weighted percentiles, 90% between the 5th and 95th.</caption>
<thead><tr><th scope="col">Parameter</th><th scope="col">Prior median</th><th scope="col">Prior 90%</th><th scope="col">Posterior median</th><th scope="col">Mean</th><th scope="col">50% credible</th><th scope="col">90% credible</th><th scope="col">90% width / prior's</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function checkHtml(view: CalibrationView): string {
  const { calibration, checks } = view;
  const rows = calibration.targets.map((t, k) => {
    const interval = observedInterval(t);
    const check = checks?.[k];
    const cells =
      check === undefined || check.median === null || check.ci90 === null || check.within === null
        ? `<td colspan="4">${muted(checks === null ? 'no posterior to check' : 'not measured in any posterior run')}</td>`
        : `<td>${n(check.median)}</td><td>${range(check.ci90)}</td><td>${percent(check.within)}</td><td class="${check.median >= interval[0] && check.median <= interval[1] ? 'met' : 'missed'}">${check.median >= interval[0] && check.median <= interval[1] ? 'met' : 'not met'}</td>`;
    return `<tr><th scope="row">${h(statisticLabel(t))}</th><td>${n(t.observed)}</td><td>${range(interval)}</td>${cells}</tr>`;
  });
  return `${sectionStart(CHECK_SECTION)}
<div class="scroll"><table class="metrics">
<caption>The posterior predictive check: each target in ${count(view.result.check.length)} runs of parameter sets drawn from the posterior by weight, each with a fresh seed. A target is met when the runs' median lies inside the observed 95% interval.</caption>
<thead><tr><th scope="col">Target</th><th scope="col">Observed</th><th scope="col">Observed 95%</th><th scope="col">Posterior runs' median</th><th scope="col">Their 90%</th><th scope="col">Inside the observed 95%</th><th scope="col">Met</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

function generationsHtml(view: CalibrationView): string {
  const posterior = posteriorGeneration(view.result.generations);
  const rows = view.result.generations.map(
    (g) =>
      `<tr${g === posterior ? ' class="chosen"' : ''}><th scope="row">${g.generation}${g.complete ? '' : ` ${muted('(stopped)')}`}</th><td>${g.tolerance === null ? muted('any measured run') : n(g.tolerance)}</td><td>${count(g.proposals)}</td><td>${count(g.accepted)}</td><td>${count(g.failed)}</td><td>${percent(g.acceptanceRate)}</td><td>${g.complete ? count(Math.round(g.ess)) : muted('none')}</td></tr>`,
  );
  return `${sectionStart(GENERATIONS_SECTION)}
<div class="scroll"><table class="metrics">
<caption>Each generation: its tolerance, the runs it used (up to the one that completed it), those accepted and failed, the acceptance rate and the effective sample size of its weights. The posterior's generation is highlighted.</caption>
<thead><tr><th scope="col">Generation</th><th scope="col">Tolerance</th><th scope="col">Runs</th><th scope="col">Accepted</th><th scope="col">Failed</th><th scope="col">Acceptance</th><th scope="col">Effective sample size</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
</section>`;
}

/** The references of the method section, by key. */
const REFERENCES = {
  pritchard:
    'Pritchard, J. K., Seielstad, M. T., Perez-Lezaun, A. &amp; Feldman, M. W. (1999). Population growth of human Y chromosomes: a study of Y chromosome microsatellites. <em>Molecular Biology and Evolution</em>, 16(12), 1791–1798.',
  toni: 'Toni, T., Welch, D., Strelkowa, N., Ipsen, A. &amp; Stumpf, M. P. H. (2009). Approximate Bayesian computation scheme for parameter inference and model selection in dynamical systems. <em>Journal of the Royal Society Interface</em>, 6(31), 187–202.',
  beaumont:
    'Beaumont, M. A., Cornuet, J.-M., Marin, J.-M. &amp; Robert, C. P. (2009). Adaptive approximate Bayesian computation. <em>Biometrika</em>, 96(4), 983–990.',
  delMoral:
    'Del Moral, P., Doucet, A. &amp; Jasra, A. (2012). An adaptive sequential Monte Carlo method for approximate Bayesian computation. <em>Statistics and Computing</em>, 22(5), 1009–1020.',
  filippi:
    'Filippi, S., Barnes, C. P., Cornebise, J. &amp; Stumpf, M. P. H. (2013). On optimality of kernels for approximate Bayesian computation using sequential Monte Carlo. <em>Statistical Applications in Genetics and Molecular Biology</em>, 12(1), 87–107.',
} as const;

function methodHtml(view: CalibrationView): string {
  const s = view.calibration.settings;
  const distance =
    s.distance === 'rms'
      ? "the root mean square of the targets' deviations, each deviation the simulated value minus the observed one over the observation's standard deviation (for a 95% interval, its half-width on that side over 1.96)"
      : "the largest of the targets' deviations, each the simulated value minus the observed one over the observation's standard deviation (for a 95% interval, its half-width on that side over 1.96)";
  const text =
    s.method === 'rejection'
      ? `Rejection ABC (Pritchard et al., 1999): parameter sets are drawn from the priors and the model run once with each; a run is accepted when its distance from the targets, ${distance}, is at most ${n(s.tolerance)}. The first ${count(s.particles)} accepted, in the order drawn, make the posterior, with equal weights.`
      : `ABC-SMC (Toni et al., 2009) with the importance weights of Beaumont et al. (2009). Generation 0 draws parameter sets from the priors and accepts every run that measured all the targets. Each later generation draws a particle of the one before by weight, moves it by a multivariate normal kernel with twice the previous generation's weighted covariance (Beaumont et al., 2009; Filippi et al., 2013; in the logarithm of a log-uniform parameter), draws again until the move lands inside the priors, runs the model once, and accepts the run when its distance from the targets, ${distance}, is within the generation's tolerance. A particle's weight is its prior density over the mixture of kernels it could have come from. Each generation's tolerance is the smallest distance at which the previous generation's particles keep ${percent(s.alpha)} of their effective sample size (Del Moral, Doucet &amp; Jasra, 2012). A generation takes the first ${count(s.particles)} accepted runs in the order proposed, so the result does not depend on how many workers or shards ran them.`;
  const cited: (keyof typeof REFERENCES)[] = s.method === 'rejection' ? ['pritchard'] : ['toni', 'beaumont', 'delMoral', 'filippi'];
  return `${sectionStart(METHOD_SECTION)}
<p>${text}</p>
<p>The posterior predictive check draws ${count(s.predictive)} particles of the posterior by weight and runs each once with a fresh seed: the spread of a statistic over these runs is both the parameters' uncertainty and the model's run-to-run noise.</p>
<ol class="references">
${cited.map((key) => `<li>${REFERENCES[key]}</li>`).join('\n')}
</ol>
</section>`;
}

function provenanceHtml(view: CalibrationView, p: CommandProvenance): string {
  return `${sectionStart(PROVENANCE_SECTION)}
${provenanceListHtml(p, [
  ['Calibration', `${h(view.calibration.name)} <span class="muted">hash</span> <code>${h(view.hash)}</code>`],
  ['Seed', `<code>${view.calibration.settings.seed}</code>`],
  ['Base scenario', `${h(view.scenario.name)} <span class="muted">hash</span> <code>${h(view.scenario.hash)}</code>`],
  ['Runs', `${count(view.result.runs)} by the sampler, ${count(view.result.check.length)} for the predictive check`],
])}
<p class="note">The calibration's hash identifies its parameters, priors, targets, settings, base scenario and partnersim's version: run again, it gives the same bytes, on any number of workers or shards.</p>
</section>`;
}

// The calibration page's own rules, after the shared style.
const STYLE = `
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; min-width: 0; }
table.parameters th[scope="row"], table.targets th[scope="row"] { min-width: 14rem; max-width: 26rem; font-weight: normal; }
td.met { font-weight: 600; }
td.missed { font-weight: 600; color: #9b2c1b; }
tr.chosen th, tr.chosen td { background: var(--mark); }
ol.references { font-size: 0.9rem; padding-left: 1.25rem; }
ol.references li { margin: 0.3rem 0; }
@media print {
  tr.chosen th, tr.chosen td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
