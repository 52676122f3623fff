// What the details panel says about what was clicked: an organisation (who it is, what moves it, its partnerships
// and strongest ties), a partnership (its members, place on the continuum, how it came about, its whole history),
// or a tie (trust both ways). Pure: the panel's content as values, with links as selections.
import { capitalise } from '../wording.ts';
import { LEVEL_NAMES } from '../model/vocabulary.ts';
import { inTrustElsewhere } from '../model/trusts.ts';
import { findTie, indexInList, isCore, listOf, trustFrom } from '../model/world.ts';
import { ORG_KINDS } from '../scenario/schema.ts';
import type { ClassroomRun } from './classroom.ts';
import type { RunId } from './feed.ts';
import {
  CAUSE_WORDS,
  FEATURE_WORDS,
  KIND_WORDS,
  LEVEL_WORDS,
  MANDATE_WORDS,
  eventSentence,
  partnershipName,
  percent,
  timeWords,
  trustEventSentence,
  twoDecimals,
} from './words.ts';

/** What the user has clicked: an organisation, a partnership or a tie, in a run. */
export type Selection =
  | { readonly kind: 'org'; readonly run: RunId; readonly org: number }
  | { readonly kind: 'partnership'; readonly run: RunId; readonly id: number }
  | { readonly kind: 'tie'; readonly run: RunId; readonly a: number; readonly b: number };

/** A piece of a line: plain text, or a link that selects something. */
export type Segment = string | { readonly text: string; readonly target: Selection };
export type Line = readonly Segment[];

/** The details panel's content. */
export interface DetailsContent {
  readonly title: string;
  readonly subtitle: string;
  readonly facts: readonly (readonly [string, Line])[];
  readonly bars: readonly { readonly label: string; readonly value: number }[];
  readonly sections: readonly { readonly heading: string; readonly lines: readonly Line[] }[];
}

/** How many ties and events an organisation's details list. */
const STRONGEST_TIES = 5;
const RECENT_EVENTS = 5;

/** Returns a length of time in steps in words: "2 years 4 months", "5 months" (or steps when a step is not a month). */
export function durationWords(steps: number, stepsPerYear: number): string {
  if (stepsPerYear !== 12) return `${steps} step${steps === 1 ? '' : 's'}`;
  const years = Math.floor(steps / 12);
  const months = steps % 12;
  const parts = [
    years > 0 ? `${years} year${years === 1 ? '' : 's'}` : '',
    months > 0 || years === 0 ? `${months} month${months === 1 ? '' : 's'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** Returns the details of a selection in a run, or null when the run does not have it. */
export function detailsOf(run: ClassroomRun, selection: Selection): DetailsContent | null {
  const world = run.sim.world;
  switch (selection.kind) {
    case 'org':
      return selection.org < world.orgs.n ? organisationDetails(run, selection.org) : null;
    case 'partnership':
      return selection.id < world.partnerships.length ? partnershipDetails(run, selection.id) : null;
    case 'tie':
      return selection.a < world.orgs.n && selection.b < world.orgs.n ? tieDetails(run, selection.a, selection.b) : null;
  }
}

const orgLink = (run: ClassroomRun, i: number): Segment => ({ text: run.names[i], target: { kind: 'org', run: run.id, org: i } });
const partnershipLink = (run: ClassroomRun, id: number): Segment => ({
  text: partnershipName(id),
  target: { kind: 'partnership', run: run.id, id },
});

/** Returns the details of an organisation. */
export function organisationDetails(run: ClassroomRun, i: number): DetailsContent {
  const world = run.sim.world;
  const orgs = world.orgs;
  const spy = run.sim.scenario.time.stepsPerYear;
  const kind = ORG_KINDS[orgs.kind[i]];
  const ties = world.ties;
  const w = run.sim.params.trustTypes.leaderWeight;
  const strongest = listOf(orgs.ties, 'slot', i)
    .map((slot) => {
      const other = ties.a[slot] === i ? ties.b[slot] : ties.a[slot];
      return { other, out: trustFrom(ties, slot, i, w), back: trustFrom(ties, slot, other, w) };
    })
    .sort((p, q) => q.out + q.back - (p.out + p.back) || p.other - q.other)
    .slice(0, STRONGEST_TIES);
  const partnerships = listOf(orgs.partnerships, 'id', i).map((id) => {
    const p = world.partnerships[id];
    const depth = isCore(world, p, i) ? '' : ', a wider member';
    return [
      partnershipLink(run, id),
      ` — ${p.scope === 'area' ? 'area-wide, ' : ''}${LEVEL_NAMES[p.level]}, ${p.members.length} members${depth}`,
    ] as Line;
  });
  // Its latest events, and its trust's changes, newest first.
  const recent: { step: number; line: Line }[] = [];
  const events = run.sim.events;
  for (let k = events.length - 1; k >= 0 && recent.length < RECENT_EVENTS; k--) {
    const e = events[k];
    if (!e.organisations.includes(i) || e.kind === 'strengthened' || e.kind === 'weakened') continue;
    const words = CAUSE_WORDS[e.cause as keyof typeof CAUSE_WORDS];
    const why = e.kind === 'left' ? ` — ${words?.member ?? e.cause}` : e.kind === 'dissolved' ? ` — ${words?.partnership ?? e.cause}` : '';
    if (e.kind === 'leader-moved') {
      const [from, to] = e.organisations;
      recent.push({
        step: e.step,
        line: [
          `${timeWords(e.step, spy)}: `,
          i === to ? `a new leader came from ${run.names[from]}` : `its leader moved to ${run.names[to]}`,
        ],
      });
      continue;
    }
    recent.push({ step: e.step, line: [`${timeWords(e.step, spy)}: `, partnershipLink(run, e.partnership), ` ${e.kind}${why}`] });
  }
  const trustContext = run.trustEventContext();
  let told = 0;
  for (let k = run.trustEvents.length - 1; k >= 0 && told < RECENT_EVENTS; k--) {
    const e = run.trustEvents[k];
    if (e.org !== i) continue;
    recent.push({ step: e.step, line: [`${timeWords(e.step, spy)}: `, trustEventSentence(e, trustContext)] });
    told++;
  }
  const lately = recent
    .sort((p, q) => q.step - p.step)
    .slice(0, RECENT_EVENTS)
    .map((r) => r.line);
  const leaders = run.sim.world.leaders;
  const leader = orgs.leaderId[i];
  const facts: [string, Line][] = [
    ['Kind', [KIND_WORDS[kind].full]],
    ['Area', [run.areaNames[orgs.area[i]] ?? '']],
    ['Power', [twoDecimals(orgs.power[i])]],
    ['Capacity', [twoDecimals(orgs.capacity[i])]],
    [
      'Joins for',
      [`values ${percent(orgs.motValues[i])} · resources ${percent(orgs.motResources[i])} · compliance ${percent(orgs.motCompliance[i])}`],
    ],
    [
      'Leader',
      [
        `no. ${leader}, experience ${twoDecimals(leaders.experience[leader])}, in post ${durationWords(Math.round(run.sim.step - leaders.since[leader]), spy)}`,
      ],
    ],
    ['Trustworthy', [twoDecimals(orgs.trustworthiness[i])]],
  ];
  const t = orgs.trust[i];
  if (t >= 0) {
    const trust = world.trusts[t];
    const where = inTrustElsewhere(world, i) ? `based in ${run.areaNames[trust.home] ?? ''}` : 'based in this area';
    facts.push(['Trust', [`${trust.name}: ${trust.members.length} schools, ${where}`]]);
  }
  return {
    title: run.names[i],
    subtitle: `${capitalise(KIND_WORDS[kind].full)} in ${run.areaNames[orgs.area[i]] ?? ''}`,
    facts,
    bars: [],
    sections: [
      { heading: `Partnerships (${partnerships.length})`, lines: partnerships.length > 0 ? partnerships : [['in no partnership now']] },
      {
        heading: `Strongest ties (${orgs.ties.length[i]} in all)`,
        lines:
          strongest.length > 0
            ? strongest.map((t) => [orgLink(run, t.other), ` — trusts it ${twoDecimals(t.out)}, trusted ${twoDecimals(t.back)}`])
            : [['no ties']],
      },
      ...(lately.length > 0 ? [{ heading: 'Lately', lines: lately }] : []),
    ],
  };
}

/** Returns the details of a partnership, with its history oldest first. */
export function partnershipDetails(run: ClassroomRun, id: number): DetailsContent {
  const world = run.sim.world;
  const p = world.partnerships[id];
  const spy = run.sim.scenario.time.stepsPerYear;
  const area = run.areaNames[p.area] ?? '';
  const ended = p.endedStep !== null;
  const age = (p.endedStep ?? run.sim.step) - p.formedStep;
  const context = { names: run.names, areaOf: (pid: number) => run.areaOf(pid) };
  const level = LEVEL_NAMES[p.level];
  const subtitle = ended
    ? `Dissolved in ${timeWords(p.endedStep as number, spy).toLowerCase()} — ${p.endReason ? CAUSE_WORDS[p.endReason].partnership : 'no cause recorded'}`
    : `${p.scope === 'area' ? 'Area-wide, open to every organisation in' : 'In'} ${area} · ${LEVEL_WORDS[level]}`;
  const facts: [string, Line][] = [
    ['Level', [ended ? `last ${level}` : level, p.peakLevel > p.level ? ` (peak ${LEVEL_NAMES[p.peakLevel]})` : '']],
    [
      'Members',
      [
        `${p.members.length}${ended ? ' at the end' : ''}${p.scope === 'area' ? ` (${p.core} in its core, the rest wider)` : ''}, lead `,
        orgLink(run, p.lead),
      ],
    ],
    [
      'Set up',
      [
        `${MANDATE_WORDS[p.mandate]}; ${p.funded ? 'funded' : 'not funded'}; ${p.principles ? 'a statement of principles' : 'no statement of principles'}; council officers ${p.laInvolved ? 'involved' : 'not involved'}`,
      ],
    ],
    ['Formed', [`${timeWords(p.formedStep, spy)}, step ${p.formedStep} (${ended ? 'lasted' : 'age'} ${durationWords(age, spy)})`]],
  ];
  return {
    title: capitalise(partnershipName(id)),
    subtitle,
    facts,
    bars: [
      { label: FEATURE_WORDS.trust, value: p.trust },
      { label: FEATURE_WORDS.network, value: p.network },
      { label: FEATURE_WORDS.norms, value: p.norms },
      { label: FEATURE_WORDS.motivation, value: p.motivation },
      { label: 'Score', value: p.score },
    ],
    sections: [
      { heading: 'History', lines: run.historyOf(id).map((e) => [`${timeWords(e.step, spy)}: `, eventSentence(e, context)]) },
      {
        heading: `Members (${p.members.length})`,
        lines: p.members.map((i) => [
          orgLink(run, i),
          ` — ${KIND_WORDS[ORG_KINDS[world.orgs.kind[i]]].short.toLowerCase()}${i === p.lead ? ', lead' : ''}${ended || isCore(world, p, i) ? '' : ', wider'}`,
        ]),
      },
    ],
  };
}

/** Returns the details of the tie between two organisations (or says it has broken). */
export function tieDetails(run: ClassroomRun, a: number, b: number): DetailsContent {
  const world = run.sim.world;
  const slot = findTie(world, a, b);
  const spy = run.sim.scenario.time.stepsPerYear;
  const title = `${run.names[a]} and ${run.names[b]}`;
  if (slot < 0)
    return {
      title,
      subtitle: 'This tie has broken: it faded once neither partner kept it up.',
      facts: [['Between', [orgLink(run, a), ' and ', orgLink(run, b)]]],
      bars: [],
      sections: [],
    };
  const ties = world.ties;
  const w = run.sim.params.trustTypes.leaderWeight;
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const shared = listOf(world.orgs.partnerships, 'id', lo).filter((id) => indexInList(world.orgs.partnerships, 'id', hi, id) >= 0);
  return {
    title,
    subtitle: 'A tie: trust is built slowly and lost quickly',
    facts: [
      [
        `${run.names[lo]} trusts`,
        [
          twoDecimals(trustFrom(ties, slot, lo, w)),
          ` (organisation ${twoDecimals(ties.trustAB[slot])}, leaders ${twoDecimals(ties.leaderAB[slot])})`,
        ],
      ],
      [
        `${run.names[hi]} trusts`,
        [
          twoDecimals(trustFrom(ties, slot, hi, w)),
          ` (organisation ${twoDecimals(ties.trustBA[slot])}, leaders ${twoDecimals(ties.leaderBA[slot])})`,
        ],
      ],
      [
        'Damage',
        [`to ${run.names[hi]}’s name ${twoDecimals(ties.damageAB[slot])}, to ${run.names[lo]}’s ${twoDecimals(ties.damageBA[slot])}`],
      ],
      ['Strength', [twoDecimals(ties.strength[slot])]],
      ['Age', [durationWords(Math.round(ties.age[slot]), spy)]],
    ],
    bars: [],
    sections: [
      { heading: 'Ends', lines: [[orgLink(run, lo)], [orgLink(run, hi)]] },
      { heading: 'Partnerships both are in', lines: shared.length > 0 ? shared.map((id) => [partnershipLink(run, id)]) : [['none']] },
    ],
  };
}
