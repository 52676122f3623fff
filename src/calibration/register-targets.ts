// Calibration targets from the register of English schools: what an establishments extract (and its group links) says
// of multi-academy trusts — the share of schools in trusts, trusts by size, schools joining by year — overall and per
// local authority, as targets of a calibration file, each citing the extract and its date.
import type { Register } from '../scenario/schema.ts';

/** One target as a calibration file writes it. */
export interface RegisterTarget {
  readonly statistic: 'schoolsInTrusts' | 'trustSize' | 'trustJoins';
  readonly area?: string;
  readonly size?: { readonly min: number; readonly max?: number };
  readonly window?: { readonly from: number; readonly to: number };
  readonly observed: number;
  readonly interval: readonly [number, number];
  readonly source: string;
}

/** The bands of trust sizes the targets use: one school, two to five, six to twenty, more (Hill 2015's bands). */
export const TRUST_SIZE_BANDS: readonly { readonly min: number; readonly max?: number }[] = [
  { min: 1, max: 1 },
  { min: 2, max: 5 },
  { min: 6, max: 20 },
  { min: 21 },
];

/** How the joining years map to steps: step 1 starts on 1 January of `startYear`, `stepsPerYear` steps a year. */
export interface JoinTimeline {
  readonly startYear: number;
  readonly stepsPerYear: number;
}

// The 95% Wilson score interval of a share k / n (Wilson 1927): never empty, even at 0 or 1.
function wilson(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z / (1 + (z * z) / n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return [round(Math.max(0, centre - half)), round(Math.min(1, centre + half))];
}

// An interval of ±1.96 √c around a count c (√1 for none), a Poisson approximation.
function countInterval(count: number): [number, number] {
  const half = 1.959963984540054 * Math.sqrt(Math.max(1, count));
  return [round(Math.max(0, count - half)), round(count + half)];
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** Returns the first year of a joining date that the register gives, or undefined when it gives none. */
export function firstJoinYear(register: Register): number | undefined {
  const years = register.establishments.flatMap((e) => (e.trust?.joined ? [Number(e.trust.joined.slice(0, 4))] : []));
  return years.length === 0 ? undefined : Math.min(...years);
}

/**
 * Returns the targets an extract gives, overall and then for each local authority in the register's order: the share
 * of its schools and academies in a multi-academy trust (with a 95% Wilson interval over them); of the trusts based
 * there (where most of their selected schools are), the share in each size band (Wilson over the trusts); and the
 * schools that joined a trust in each year of a joining date, as the count in that year's steps (±1.96 √count).
 * Colleges are left out, as the model's trusts take schools and academies only. The intervals are sampling
 * approximations, an assumption: the register is a census, and they say how closely a model of the area can be
 * asked to match it.
 */
export function registerTargets(register: Register, timeline: JoinTimeline): RegisterTarget[] {
  const schools = register.establishments.filter((e) => e.kind === 'school' || e.kind === 'academy');
  const cite = `GIAS establishments extract ${fileName(register.extract)} of ${register.date}`;
  const citeLinks = register.links === null ? cite : `${cite} with group links ${fileName(register.links)}`;
  // Each trust's schools among those selected, and its home: the authority most of them are in (the first on a tie).
  const trusts = new Map<number, { schools: number; byArea: Map<string, number> }>();
  for (const e of schools) {
    if (e.trust === null) continue;
    const t = trusts.get(e.trust.uid) ?? { schools: 0, byArea: new Map<string, number>() };
    t.schools++;
    t.byArea.set(e.area, (t.byArea.get(e.area) ?? 0) + 1);
    trusts.set(e.trust.uid, t);
  }
  const homeOf = (t: { byArea: Map<string, number> }) =>
    register.localAuthorities.reduce((best, a) => ((t.byArea.get(a) ?? 0) > (t.byArea.get(best) ?? 0) ? a : best));
  const targets: RegisterTarget[] = [];
  for (const area of [undefined, ...register.localAuthorities]) {
    const here = area === undefined ? schools : schools.filter((e) => e.area === area);
    const where = area === undefined ? `the ${register.localAuthorities.length} local authorities selected` : area;
    const scope = area === undefined ? {} : { area };
    if (here.length > 0) {
      const inTrusts = here.filter((e) => e.trust !== null).length;
      targets.push({
        statistic: 'schoolsInTrusts',
        ...scope,
        observed: round(inTrusts / here.length),
        interval: wilson(inTrusts, here.length),
        source: `${cite}: ${inTrusts} of ${here.length} open schools and academies in ${where} in a multi-academy trust; 95% Wilson interval`,
      });
    }
    const based = [...trusts.values()].filter((t) => area === undefined || homeOf(t) === area);
    for (const band of based.length === 0 ? [] : TRUST_SIZE_BANDS) {
      const count = based.filter((t) => t.schools >= band.min && (band.max === undefined || t.schools <= band.max)).length;
      const range =
        band.max === undefined
          ? `${band.min} or more schools`
          : band.min === band.max
            ? 'one school'
            : `${band.min} to ${band.max} schools`;
      targets.push({
        statistic: 'trustSize',
        ...scope,
        size: band,
        observed: round(count / based.length),
        interval: wilson(count, based.length),
        source: `${cite}: ${count} of ${based.length} multi-academy trusts based in ${where} have ${range} among those selected; 95% Wilson interval`,
      });
    }
    const years = new Map<number, number>();
    for (const e of here)
      if (e.trust?.joined) years.set(Number(e.trust.joined.slice(0, 4)), (years.get(Number(e.trust.joined.slice(0, 4))) ?? 0) + 1);
    for (const year of [...years.keys()].sort((x, y) => x - y)) {
      if (year < timeline.startYear) continue;
      const count = years.get(year) as number;
      const from = (year - timeline.startYear) * timeline.stepsPerYear + 1;
      targets.push({
        statistic: 'trustJoins',
        ...scope,
        window: { from, to: from + timeline.stepsPerYear - 1 },
        observed: count,
        interval: countInterval(count),
        source: `${citeLinks}: ${count} of the schools and academies in ${where} in a trust on ${register.date} joined it in ${year} (step 1 = 1 January ${timeline.startYear}, ${timeline.stepsPerYear} steps a year); interval ±1.96 √count`,
      });
    }
  }
  return targets;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
