// The model review's findings as figures (issue 12): each the mean over 20 paired replicates of a shipped scenario with
// --set overrides. `npx tsx bench/findings.ts` prints them; run before and after a change to the model to compare.
import { nodeHost } from '../src/cli/node-host.ts';
import { runReplicates } from '../src/engine/run.ts';
import type { RunResult } from '../src/engine/types.ts';
import { loadScenario } from '../src/scenario/load.ts';

const REPS = Number(process.env.REPS ?? 20);

function runs(file: string, set: string[] = []): RunResult[] {
  return runReplicates(loadScenario(`scenarios/${file}.yaml`, nodeHost, { set }), REPS);
}
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const metric = (rs: RunResult[], name: keyof RunResult['metrics']) =>
  mean(rs.map((r) => r.metrics[name] ?? Number.NaN).filter((x) => !Number.isNaN(x)));
const f = (x: number) => x.toFixed(3);

// Paired difference with a 95% t interval.
function paired(a: RunResult[], b: RunResult[], name: keyof RunResult['metrics']): string {
  const d = a.map((r, i) => (r.metrics[name] ?? Number.NaN) - (b[i].metrics[name] ?? Number.NaN)).filter((x) => !Number.isNaN(x));
  const m = mean(d);
  const sd = Math.sqrt(d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1));
  const half = 2.093 * (sd / Math.sqrt(d.length));
  return `${f(m)} [${f(m - half)}, ${f(m + half)}]`;
}

const line = (label: string, value: string) => console.log(`${label.padEnd(72)} ${value}`);

const base = runs('baseline');
line('baseline: five-year survival', f(metric(base, 'survival5y')));
line('baseline: partnerships formed (10 years)', f(metric(base, 'partnershipsFormed')));
line('baseline: median lifetime (years, Kaplan-Meier)', f(metric(base, 'medianLifetimeYears')));
for (const spy of [4, 12, 52]) {
  const rs = runs('baseline', [`time.stepsPerYear=${spy}`, `time.steps=${10 * spy}`]);
  line(
    `time: ${spy} steps a year: five-year survival, strong share, participation`,
    `${f(metric(rs, 'survival5y'))} ${f(metric(rs, 'strongShareAtEnd'))} ${f(metric(rs, 'participationAtEnd'))}`,
  );
}
const p1 = mean(base.map((r) => r.timeseries[0].participation));
const p36 = mean(base.map((r) => r.timeseries[35].participation));
line('start: participation at step 1 and at year 3', `${f(p1)} ${f(p36)}`);
const long = runs('baseline', ['time.steps=432']);
const cohort = (from: number, to: number) => {
  let alive = 0;
  let total = 0;
  for (const r of long) {
    for (const p of r.partnerships) {
      const y = p.formedStep / 12;
      if (y < from || y >= to || p.formedStep + 60 > 432) continue;
      total++;
      alive += +(p.endedStep === null || p.endedStep - p.formedStep >= 60);
    }
  }
  return alive / total;
};
line('start: cohort five-year survival, formed in years 0-3 and 25-30 (36-year runs)', `${f(cohort(0, 3))} ${f(cohort(25, 30))}`);
const carrots = runs('carrots');
line('carrots: partnerships formed, carrots minus baseline', paired(carrots, base, 'partnershipsFormed'));
const permanent = runs('baseline', ['policy.carrot=0.8']);
line('permanent carrot 0.8: five-year survival', f(metric(permanent, 'survival5y')));
const sticks = runs('sticks');
line('sticks: strong share at end, sticks minus baseline', paired(sticks, base, 'strongShareAtEnd'));
const experienced = runs('baseline', ['leaders.experience=1']);
line('leaders.experience = 1: partnerships dissolved in ten years', f(metric(experienced, 'partnershipsDissolved')));
const allOn = runs('baseline', [
  'policy.carrot=1',
  'policy.stick=1',
  'localAuthority.support=1',
  'leaders.experience=1',
  'partnerships.principles=1',
  'context.history=1',
  'context.politics=1',
  'market.competition=1',
  'governance.fragmentation=1',
  'leaders.turnover=1',
]);
line('all levers at 1 (competition, fragmentation, turnover at max): five-year survival', f(metric(allOn, 'survival5y')));
const causes = new Map<string, number>();
let exits = 0;
for (const r of base)
  for (const e of r.events)
    if (e.kind === 'left') {
      exits++;
      causes.set(e.cause, (causes.get(e.cause) ?? 0) + 1);
    }
line(
  'exit causes (baseline, share of exits)',
  [...causes]
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${c} ${f(n / exits)}`)
    .join(', '),
);
const competition = runs('competition');
line('competition.yaml minus baseline: mean trust at end', paired(competition, base, 'meanTrustAtEnd'));
line('competition.yaml minus baseline: five-year survival', paired(competition, base, 'survival5y'));
line('competition.yaml minus baseline: partnerships formed', paired(competition, base, 'partnershipsFormed'));
