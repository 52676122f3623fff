// The prose of reports: metric names, titles and the key findings as sentences built from the numbers, as named
// functions (tests assert against these functions). report/findings.ts and analysis-findings.ts pick which to say.
import type { MetricName } from '../engine/types.ts';
import { capitalise, groupedCount, listInWords, shownNumber, wholePercent } from '../wording.ts';

// ---------------------------------------------------------------------------------------------
// Metrics in words.

/** What each metric is called in words, in summaries and reports. */
export const METRIC_LABELS: Record<MetricName, string> = {
  partnershipsFormed: 'partnerships formed',
  partnershipsDissolved: 'partnerships dissolved',
  partnershipsActiveAtEnd: 'partnerships active at end',
  participationAtEnd: 'participation at end',
  meanTrustAtEnd: 'mean trust at end',
  meanStrengthAtEnd: 'mean strength at end',
  strongShareAtEnd: 'strong share at end',
  medianLifetimeYears: 'median lifetime (years)',
  rmst5y: 'mean years lived of the first 5',
  rmst10y: 'mean years lived of the first 10',
  survival3y: 'survival to 3 years',
  survival5y: 'survival to 5 years',
  trustsAtEnd: 'trusts at end',
  inTrustsAtEnd: 'schools in trusts at end',
  inTrustsElsewhereAtEnd: 'schools in trusts based elsewhere at end',
  meanTrustSizeAtEnd: 'mean trust size at end',
};

/** The metrics that are shares of a whole, shown as percentages (and their differences as percentage points). */
export const SHARE_METRICS: ReadonlySet<MetricName> = new Set([
  'participationAtEnd',
  'strongShareAtEnd',
  'survival3y',
  'survival5y',
  'inTrustsAtEnd',
  'inTrustsElsewhereAtEnd',
]);

/** Returns a value of a metric as a report shows it: a share as a percentage, anything else to 3 significant digits. */
export function formatMetric(metric: MetricName, value: number): string {
  return SHARE_METRICS.has(metric) ? `${Math.round(value * 100)}%` : shownNumber(value);
}

// ---------------------------------------------------------------------------------------------
// Titles and levers.

/** Returns the title of a single scenario's report. */
export function runReportTitle(scenario: string): string {
  return `partnersim: ${scenario}`;
}

/** Returns the title of a comparison's report. */
export function compareTitle(others: readonly string[], baseline: string): string {
  return `partnersim: ${others.join(', ')} compared with ${baseline}`;
}

/** Returns the title of an analysis's report, such as `partnersim: Sobol' indices of survival5y over sweep levers`. */
export function analysisTitle(method: 'sobol' | 'morris' | 'prim', sweep: string, subject: string): string {
  if (method === 'sobol') return `partnersim: Sobol' indices of ${subject} over sweep ${sweep}`;
  if (method === 'morris') return `partnersim: Morris elementary effects on ${subject} over sweep ${sweep}`;
  return `partnersim: where ${subject} holds in sweep ${sweep} (PRIM)`;
}

/** Returns a lever's schedule in words for a report: `0.3`, or `0 → 0.8 from year 1 → 0 from year 4`. */
export function scheduleInWords(schedule: readonly { readonly from: number; readonly value: number }[], stepsPerYear: number): string {
  return schedule
    .map((entry, i) =>
      i === 0
        ? shownNumber(entry.value)
        : `${shownNumber(entry.value)} from year ${shownNumber(Number((entry.from / stepsPerYear).toPrecision(3)))}`,
    )
    .join(' → ');
}

/** Returns what a report says in place of a chart that could not be drawn, with the renderer's reason. */
export function chartNotDrawn(reason: string): string {
  return `This chart could not be drawn, a bug in partnersim; the rest of the report stands. Please report it with the renderer's reason: ${reason}`;
}

// ---------------------------------------------------------------------------------------------
// Comparison findings.

const signed = (text: string, value: number): string => (value > 0 ? `+${text}` : text.replace('-', '−'));

const dash = (low: string, high: string): string => `${low}–${high}`;

const years = (n: number): string => (n === 1 ? 'one year' : n === 2 ? 'two years' : `${n} years`);

/** Returns the sentence on partnerships after a fund ends: the share still active some years later, with its interval, in each scenario. */
export function findingFundEnd(
  scenario: string,
  endYear: number,
  later: number,
  own: { readonly mean: number; readonly ci95: readonly [number, number] | null },
  others: readonly { readonly scenario: string; readonly mean: number; readonly ci95: readonly [number, number] | null }[],
): string {
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const withCi = (mean: number, ci: readonly [number, number] | null, long: boolean) =>
    ci === null
      ? pct(mean)
      : `${pct(mean)} (${long ? '95% CI ' : ''}${dash(String(Math.round(Math.max(0, ci[0]) * 100)), pct(Math.min(1, ci[1])))})`;
  const against = others.map((o) => `${withCi(o.mean, o.ci95, false)} under ${o.scenario}`);
  const tail = against.length === 0 ? '' : `, against ${against.join(' and ')}`;
  return `Under ${scenario}, ${withCi(own.mean, own.ci95, true)} of the partnerships active when the fund ends (year ${shownNumber(endYear)}) are still active ${years(later)} later${tail}.`;
}

/** How a finding says that a metric came out higher or lower under one scenario, each in the metric's own grammar
 * ("More partnerships formed under carrots"), since "Partnerships formed is higher" is not English. */
export const DIFFERENCE_WORDS: Record<MetricName, { readonly higher: string; readonly lower: string }> = {
  partnershipsFormed: { higher: 'More partnerships formed', lower: 'Fewer partnerships formed' },
  partnershipsDissolved: { higher: 'More partnerships dissolved', lower: 'Fewer partnerships dissolved' },
  partnershipsActiveAtEnd: { higher: 'More partnerships were active at the end', lower: 'Fewer partnerships were active at the end' },
  participationAtEnd: {
    higher: 'A larger share of organisations was in a partnership at the end',
    lower: 'A smaller share of organisations was in a partnership at the end',
  },
  meanTrustAtEnd: { higher: 'Trust between organisations ended higher', lower: 'Trust between organisations ended lower' },
  meanStrengthAtEnd: { higher: 'Partnerships ended stronger on the continuum', lower: 'Partnerships ended weaker on the continuum' },
  strongShareAtEnd: {
    higher: 'A larger share of partnerships was cooperating or collaborating at the end',
    lower: 'A smaller share of partnerships was cooperating or collaborating at the end',
  },
  medianLifetimeYears: { higher: 'Half the partnerships lasted longer', lower: 'Half the partnerships had ended sooner' },
  rmst5y: { higher: 'Partnerships lived more of their first 5 years', lower: 'Partnerships lived less of their first 5 years' },
  rmst10y: { higher: 'Partnerships lived more of their first 10 years', lower: 'Partnerships lived less of their first 10 years' },
  survival3y: { higher: 'More partnerships lasted 3 years', lower: 'Fewer partnerships lasted 3 years' },
  survival5y: { higher: 'More partnerships lasted 5 years', lower: 'Fewer partnerships lasted 5 years' },
  trustsAtEnd: { higher: 'More trusts had schools at the end', lower: 'Fewer trusts had schools at the end' },
  inTrustsAtEnd: {
    higher: 'A larger share of schools was in a trust at the end',
    lower: 'A smaller share of schools was in a trust at the end',
  },
  inTrustsElsewhereAtEnd: {
    higher: 'A larger share of schools was in a trust based in another area at the end',
    lower: 'A smaller share of schools was in a trust based in another area at the end',
  },
  meanTrustSizeAtEnd: { higher: 'Trusts ended larger', lower: 'Trusts ended smaller' },
};

/** Returns the sentence on one metric that differs clearly (its 95% interval excludes zero) between a scenario and the
 * baseline, in the metric's own grammar: "More partnerships formed under carrots than under baseline: 120 against 97.5 (…)". */
export function findingDifference(
  scenario: string,
  baseline: string,
  metric: MetricName,
  value: number,
  baseValue: number,
  difference: number,
  ci95: readonly [number, number],
): string {
  // Shares differ in percentage points, to one decimal; other metrics to 3 significant digits.
  const share = SHARE_METRICS.has(metric);
  const diff = (v: number) => signed(share ? (v * 100).toFixed(1) : shownNumber(v), v);
  const unit = share ? ' points' : '';
  const words = DIFFERENCE_WORDS[metric][difference > 0 ? 'higher' : 'lower'];
  return `${words} under ${scenario} than under ${baseline}: ${formatMetric(metric, value)} against ${formatMetric(metric, baseValue)} (difference ${diff(difference)}${unit}, 95% CI ${diff(ci95[0])} to ${diff(ci95[1])}${unit}).`;
}

/** Returns the sentence for a scenario with no metric clearly different from the baseline. */
export function findingNoDifference(scenario: string, baseline: string, replicates: number): string {
  return `Over ${replicates} paired replicates, ${scenario} shows no clear difference from ${baseline} in any metric: every 95% interval of the difference includes zero.`;
}

/** Returns the sentence summarising a single scenario's outcomes. */
export function findingSingle(
  scenario: string,
  replicates: number,
  runYears: number,
  formed: number,
  activeAtEnd: number,
  participation: number,
  survival5y: number | null,
): string {
  const survival =
    survival5y === null
      ? 'no partnership reached five years, so 5-year survival is not measured'
      : `${Math.round(survival5y * 100)}% of partnerships survive five years`;
  const over = replicates === 1 ? 'In one run' : `Averaged over ${replicates} replicates`;
  return `${over} of ${scenario} (${shownNumber(runYears)} years), ${shownNumber(formed)} partnerships form and ${shownNumber(activeAtEnd)} are active at the end; ${Math.round(participation * 100)}% of organisations take part, and ${survival}.`;
}

// ---------------------------------------------------------------------------------------------
// Analysis findings: sentences built from a sweep analysis's numbers (report/analysis-findings.ts picks which).

/** An estimate with its interval, as an analysis gives it. */
type Estimated = { readonly estimate: number; readonly ci: readonly [number, number] };

/** Returns a share and its interval as percentages: `42% (95% CI 35% to 50%)`. */
const percentWithCi = ({ estimate, ci }: Estimated, confidence: number): string =>
  `${wholePercent(estimate)} (${wholePercent(confidence)} CI ${wholePercent(ci[0])} to ${wholePercent(ci[1])})`;

const CONDITION_SYMBOLS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** Returns a PRIM condition in words: `survival to 5 years ≥ 0.6`. */
export function conditionInWords(condition: {
  readonly metric: MetricName;
  readonly op: '>=' | '>' | '<=' | '<';
  readonly value: number;
}): string {
  return `${METRIC_LABELS[condition.metric]} ${CONDITION_SYMBOLS[condition.op]} ${shownNumber(condition.value)}`;
}

/** Returns the sentence for a chosen metric the analysis could not estimate, with the method's reason. */
export function findingNotAnalysed(metric: MetricName, reason: string): string {
  return `${capitalise(METRIC_LABELS[metric])} could not be analysed: ${reason.replace(/\.$/, '')}.`;
}

/** Returns the sentence naming the parameter with the largest total-order Sobol' index, with both its indices. */
export function findingSobolTop(metric: MetricName, parameter: string, first: Estimated, total: Estimated, confidence: number): string {
  return `For ${METRIC_LABELS[metric]}, ${parameter} matters most: on its own it accounts for an estimated ${percentWithCi(first, confidence)} of the variance, and with its interactions for ${percentWithCi(total, confidence)}.`;
}

/** Returns the sentence naming the parameters whose total-order interval reaches down to 0. */
export function findingSobolNegligible(metric: MetricName, parameters: readonly string[]): string {
  const one = parameters.length === 1;
  return `The total-order ${one ? 'interval' : 'intervals'} of ${listInWords(parameters)} ${one ? 'reaches' : 'reach'} down to 0: ${METRIC_LABELS[metric]} may not depend on ${one ? 'it' : 'them'} at all over the sweep, so ${one ? 'it' : 'they'} could be fixed at any value in ${one ? 'its range' : 'their ranges'}.`;
}

/** Returns the sentence on the share of variance from interactions, when the first-order indices leave a noticeable share. */
export function findingSobolInteractions(metric: MetricName, sumFirst: number): string {
  return `The first-order indices add up to ${wholePercent(sumFirst)}, so an estimated ${wholePercent(1 - sumFirst)} of the variance of ${METRIC_LABELS[metric]} comes from parameters acting together (interactions) rather than alone; both figures are estimates from the sampled runs.`;
}

/** Returns the sentence for first-order indices that account for (nearly) all the variance. */
export function findingSobolAdditive(metric: MetricName, sumFirst: number): string {
  return `The first-order indices add up to ${wholePercent(sumFirst)}: the parameters act on ${METRIC_LABELS[metric]} almost independently of each other, with little or no variance from interactions (within sampling error).`;
}

/** Returns the note on base samples left out because an output in their block was missing. */
export function findingSobolDropped(metric: MetricName, dropped: number, used: number): string {
  const blocks = dropped === 1 ? 'base sample was' : 'base samples were';
  return `${groupedCount(dropped)} of ${groupedCount(dropped + used)} ${blocks} left out because a point in ${dropped === 1 ? 'its' : 'their'} block had no measured ${METRIC_LABELS[metric]}; the indices rest on the other ${groupedCount(used)}.`;
}

/** Returns the note on bootstrap intervals too wide to rank parameters, naming the widest and how to narrow them. */
export function findingSobolWide(parameter: string, total: Estimated, samples: number): string {
  return `The intervals are wide (the total-order index of ${parameter} lies anywhere from ${wholePercent(total.ci[0])} to ${wholePercent(total.ci[1])}): raise samples in the sweep file (${groupedCount(samples)} now) for sharper estimates; intervals narrow about as one over the square root of samples.`;
}

/** Returns the sentence ranking parameters by mu*, the largest first. */
export function findingMorrisRanking(
  metric: MetricName,
  ranked: readonly { readonly parameter: string; readonly muStar: number }[],
): string {
  return `For ${METRIC_LABELS[metric]}, the parameters ranked by μ* (the mean size of their elementary effects) are ${listInWords(ranked.map((r) => `${r.parameter} (${shownNumber(r.muStar)})`))}.`;
}

/** Returns the sentence naming the parameters whose mu* interval includes 0. */
export function findingMorrisNegligible(metric: MetricName, parameters: readonly string[]): string {
  const one = parameters.length === 1;
  return `The μ* ${one ? 'interval' : 'intervals'} of ${listInWords(parameters)} ${one ? 'includes' : 'include'} 0: ${one ? 'its' : 'their'} effect on ${METRIC_LABELS[metric]} is negligible over the sweep's ranges.`;
}

/** Returns the sentence naming the parameters whose sigma exceeds their mu*. */
export function findingMorrisNonLinear(
  metric: MetricName,
  parameters: readonly { readonly parameter: string; readonly ratio: number }[],
): string {
  const one = parameters.length === 1;
  const named = listInWords(parameters.map((p, i) => `${p.parameter} (${i === 0 ? 'σ/μ* ' : ''}${p.ratio.toFixed(2)})`));
  return `${named} ${one ? 'has' : 'have'} σ above μ*: ${one ? 'its' : 'their'} effect on ${METRIC_LABELS[metric]} is strongly non-linear or depends on the values of other parameters.`;
}

/** Returns the sentence on parameters whose elementary effects nearly all share a sign: which raise the metric, which lower it. */
export function findingMorrisDirections(metric: MetricName, raising: readonly string[], lowering: readonly string[]): string {
  const label = METRIC_LABELS[metric];
  const parts = [
    ...(raising.length > 0 ? [`raising ${listInWords(raising, 'or')} raises ${label}`] : []),
    ...(lowering.length > 0 ? [`raising ${listInWords(lowering, 'or')} lowers ${raising.length > 0 ? 'it' : label}`] : []),
  ];
  return `Throughout the sweep, ${parts.join(' and ')}: for ${raising.length + lowering.length === 1 ? 'this parameter' : 'these'}, |μ| is close to μ*, so nearly all the elementary effects share a sign.`;
}

/** Returns the sentence on how often a PRIM condition holds over all runs. */
export function findingPrimBase(condition: string, density: number, positives: number, runs: number): string {
  return `${capitalise(condition)} holds in ${wholePercent(density)} of runs (${groupedCount(positives)} of ${groupedCount(runs)}).`;
}

/** Returns a PRIM box's restrictions in words: `policy.carrot is at most 0.4 and market.competition is at least 0.55`. */
function limitsInWords(
  limits: readonly { readonly parameter: string; readonly low: number | null; readonly high: number | null }[],
): string {
  return listInWords(
    limits.map(({ parameter, low, high }) =>
      low !== null && high !== null
        ? `${parameter} is between ${shownNumber(low)} and ${shownNumber(high)}`
        : low !== null
          ? `${parameter} is at least ${shownNumber(low)}`
          : `${parameter} is at most ${shownNumber(high ?? 0)}`,
    ),
  );
}

/** Returns the sentence on one PRIM box: where it lies, how often the condition holds in it, and how much it holds. */
export function findingPrimBox(
  box: number,
  condition: string,
  limits: readonly { readonly parameter: string; readonly low: number | null; readonly high: number | null }[],
  stats: { readonly density: number; readonly coverage: number; readonly mass: number },
): string {
  const which =
    box === 1 ? 'In box 1' : `In box ${box}, found among the runs outside the ${box === 2 ? 'first box' : `first ${box - 1} boxes`}`;
  return `${which}, where ${limitsInWords(limits)}, ${condition} holds in ${wholePercent(stats.density)} of the runs inside it (density); the box holds ${wholePercent(stats.coverage)} of all runs where it holds (coverage) and ${wholePercent(stats.mass)} of all runs (mass).`;
}

/** Returns the sentence naming a PRIM box's weak limits: those whose quasi-p-value is not below 0.05. */
export function findingPrimWeakLimits(box: number, limits: readonly { readonly parameter: string; readonly quasiP: number }[]): string {
  const named = listInWords(
    limits.map(({ parameter, quasiP }, i) => `${parameter} (${i === 0 ? 'quasi-p ' : ''}${shownNumber(Number(quasiP.toPrecision(2)))})`),
  );
  const [these, be, them] = limits.length === 1 ? ['limit', 'is', 'it'] : ['limits', 'are', 'them'];
  return `Box ${box}'s ${these} on ${named} ${be} weak (a quasi-p-value of 0.05 or more): without ${them} the box would be nearly as dense, so ${limits.length === 1 ? 'it' : 'they'} may come from chance in the sampled runs rather than from the model.`;
}

/** Returns the sentence for a PRIM analysis in which no box beats the base rate. */
export function findingPrimNoBox(condition: string, density: number): string {
  return `No box of parameter values makes ${condition} more common than its base rate of ${wholePercent(density)}: over the sweep's ranges it does not gather in any region PRIM can find.`;
}
