// Every word the classroom page shows about the model, in one place: names of kinds, levers, levels and
// features, the phrases that say why something happened, and the sentences of the event feed.
import type { Cause, LevelName, Mandate, PartnershipEvent } from '../engine/types.ts';
import { capitalise } from '../wording.ts';
import { LEVEL_NAMES } from '../model/vocabulary.ts';
import { LEVER_KEYS, LEVERS, type LeverKey } from '../scenario/levers.ts';
import { establishmentsByArea } from '../scenario/register.ts';
import type { OrgKind, Register } from '../scenario/schema.ts';
import type { FeedKind } from './feed.ts';
import type { BurnIn } from './protocol.ts';
import type { TrustEvent } from './trusts-shown.ts';

/** What each organisation kind is called: a short name for labels, and the full name for the legend and details. */
export const KIND_WORDS: Record<OrgKind, { readonly short: string; readonly full: string }> = {
  school: { short: 'School', full: 'maintained school' },
  academy: { short: 'Academy', full: 'academy' },
  trust: { short: 'Trust', full: 'multi-academy trust' },
  college: { short: 'College', full: 'college' },
  provider: { short: 'Provider', full: 'training provider' },
  community: { short: 'Community', full: 'community partner' },
  localAuthority: { short: 'Local authority', full: 'local authority' },
};

/** Each lever's label beside its slider, from the lever table (its meaning, LEVER_MEANINGS, is the hover text). */
export const LEVER_LABELS = Object.fromEntries(LEVER_KEYS.map((key) => [key, LEVERS[key].label])) as Readonly<Record<LeverKey, string>>;

/** Levers that act mostly when the run starts (they seed the starting ties), so the hover text says to reset after moving them. */
export const STARTING_LEVERS: ReadonlySet<LeverKey> = new Set(LEVER_KEYS.filter((key) => LEVERS[key].acts === 'start'));

/** Returns the hover text of a lever's slider: its label, its meaning (as LEVER_MEANINGS words it), its key, and when it acts. */
export function leverHint(key: LeverKey, label: string, meaning: string): string {
  const when = STARTING_LEVERS.has(key)
    ? 'It shapes the starting network: move it at step 0, or press Reset after moving it.'
    : 'It acts from the next step; Reset starts again with it from step 0.';
  return `${label} — ${meaning} (${key}). ${when}`;
}

/** What each continuum level means, weakest first (Himmelman's continuum). */
export const LEVEL_WORDS: Record<LevelName, string> = {
  networking: 'networking: exchanging information',
  coordinating: 'coordinating: aligning activities',
  cooperating: 'cooperating: sharing resources',
  collaborating: 'collaborating: a shared purpose',
};

/** Dhillon's four features of a partnership, as the details panel names them. */
export const FEATURE_WORDS = {
  trust: 'Trust',
  network: 'Network',
  norms: 'Shared norms',
  motivation: 'Motivation',
} as const;
export type Feature = keyof typeof FEATURE_WORDS;

/** How a partnership came about, by mandate. */
export const MANDATE_WORDS: Record<Mandate, string> = {
  voluntary: 'voluntary',
  incentivised: 'incentivised (funded by the carrot)',
  mandated: 'mandated (the stick)',
};

/** Why a member left a partnership (`member`) and why a partnership dissolved (`partnership`), by exit cause (ODD 7.9). */
export const CAUSE_WORDS: Record<Cause, { readonly member: string; readonly partnership: string }> = {
  'funding-ended': { member: 'the funding it came for had ended', partnership: 'its fund ended' },
  'trust-fell': { member: 'its trust in its partners had fallen', partnership: 'trust between its members had fallen' },
  competition: { member: 'its partners were its rivals', partnership: 'competition between its members was too strong' },
  capacity: { member: 'it had no capacity left for partnership work', partnership: 'its members had no capacity left for it' },
  'values-diverged': { member: 'its values differed from its partners’', partnership: 'its members’ values had drifted apart' },
  'leader-left': { member: 'a leader had left and trust went with them', partnership: 'a leader had left and trust went with them' },
  'no-purpose': { member: 'it never gave more than it cost', partnership: 'working together never gave more than it cost' },
};

/** How a partnership formed, by the event's cause (ODD 4.11). */
export const FORMED_WORDS: Record<string, string> = {
  network: 'leaders who trust each other got together',
  broker: 'the council brokered it',
  mandate: 'the council grouped organisations in no partnership (the stick)',
  history: 'carried over from earlier collaboration',
  federation: 'a federation of schools in the register (one governing body)',
  'convened-officers': 'council officers convened it',
  'convened-leader': 'an experienced leader convened it',
};

/** What drove a move up (the strongest feature) or down (the weakest) the continuum. */
export const LEVEL_MOVE_WORDS: Record<'strengthened' | 'weakened', Record<Feature, string>> = {
  strengthened: {
    trust: 'its members trust each other more',
    network: 'its members’ ties grew strong',
    norms: 'its members came to share norms and values',
    motivation: 'its members want to take part',
  },
  weakened: {
    trust: 'trust between its members is low',
    network: 'its members’ ties are few or weak',
    norms: 'its members’ norms and values differ',
    motivation: 'its members’ motivation is weak',
  },
};

/** Short names of what the feed's filter chooses among. */
export const FEED_KIND_WORDS: Record<FeedKind, string> = {
  formed: 'formed',
  joined: 'joined',
  left: 'left',
  strengthened: 'stronger',
  weakened: 'weaker',
  dissolved: 'dissolved',
  'leader-moved': 'leaders moved',
  trusts: 'trusts',
};

/** Returns the year (1-based: step 1 to 12 is year 1) and the step within it; step 0 is year 0, the start. */
export function yearOf(step: number, stepsPerYear: number): { year: number; within: number } {
  if (step <= 0) return { year: 0, within: 0 };
  const year = Math.ceil(step / stepsPerYear);
  return { year, within: step - (year - 1) * stepsPerYear };
}

/** Returns a step as a time in words: "Start", "Year 3, month 6" (or "step 6" when a step is not a month). */
export function timeWords(step: number, stepsPerYear: number): string {
  if (step <= 0) return 'Start';
  const { year, within } = yearOf(step, stepsPerYear);
  return `Year ${year}, ${stepsPerYear === 12 ? 'month' : 'step'} ${within}`;
}

/** Returns the toolbar's clock: "Year 3 · step 30/120". */
export function clockWords(step: number, stepsPerYear: number, steps: number): string {
  const { year } = yearOf(step, stepsPerYear);
  return `${step === 0 ? 'Start' : `Year ${year}`} · step ${step}/${steps}`;
}

/** Returns the name of each organisation: its kind and its number among that kind ("School 12"), or for a local authority its area's council. */
export function organisationNames(
  kinds: ArrayLike<number>,
  areas: ArrayLike<number>,
  kindNames: readonly OrgKind[],
  areaNames: readonly string[],
): string[] {
  const seen = new Map<number, number>();
  return Array.from({ length: kinds.length }, (_, i) => {
    const kind = kindNames[kinds[i]];
    if (kind === 'localAuthority') return `${areaNames[areas[i]]} council`;
    const k = (seen.get(kinds[i]) ?? 0) + 1;
    seen.set(kinds[i], k);
    return `${KIND_WORDS[kind].short} ${k}`;
  });
}

/** Returns the name of each organisation placed from the register: per area its council, then its establishments' names
 * in the order the model places them. */
export function registerOrganisationNames(register: Pick<Register, 'establishments'>, areaNames: readonly string[]): string[] {
  return establishmentsByArea(register, areaNames).flatMap((listed, a) => [`${areaNames[a]} council`, ...listed.map((e) => e.name)]);
}

/** Returns "partnership 12". */
export function partnershipName(id: number): string {
  return `partnership ${id}`;
}

/** What the feed needs to word an event: organisations' names and a partnership's area name. */
export interface EventContext {
  readonly names: readonly string[];
  readonly areaOf: (partnership: number) => string;
}

/** Returns an event as a plain sentence (without its time), e.g. "Partnership 12 in Area 2 dissolved — its fund ended". */
export function eventSentence(event: PartnershipEvent, context: EventContext): string {
  const p = partnershipName(event.partnership);
  // A leader's move is of no partnership: only events of one ask for its area.
  const where = () => `${p} in ${context.areaOf(event.partnership)}`;
  const org = context.names[event.organisations[0]] ?? 'an organisation';
  switch (event.kind) {
    case 'formed': {
      const why = FORMED_WORDS[event.cause] ?? event.cause;
      if (event.scope !== 'area') return `${capitalise(where())} formed with ${event.organisations.length} members — ${why}`;
      const core = event.depths?.filter((d) => d === 'core').length ?? event.organisations.length;
      const wider = event.organisations.length - core;
      return `${capitalise(where())} formed, area-wide: ${core} core, ${wider} wider — ${why}`;
    }
    case 'joined':
      if (event.cause === 'open') return `${org} joined the wider membership of area-wide ${p}`;
      if (event.cause === 'deepened') return `${org} moved into the core group of ${p}`;
      return `${org} joined ${p} — enough of its contacts were in it`;
    case 'left':
      return `${org} left ${p} — ${causeWords(event.cause).member}`;
    case 'dissolved':
      return `${capitalise(where())} dissolved — ${causeWords(event.cause).partnership}`;
    case 'leader-moved':
      return `The leader of ${org} moved to lead ${context.names[event.organisations[1]] ?? 'another organisation'}, with their contacts`;
    case 'strengthened':
    case 'weakened': {
      const level = event.level ?? LEVEL_NAMES[0];
      const why = LEVEL_MOVE_WORDS[event.kind][event.cause as Feature] ?? event.cause;
      return `${capitalise(p)} ${event.kind === 'strengthened' ? 'rose' : 'fell'} to ${level} — ${why}`;
    }
  }
}

/** What the feed needs to word a trust's change: organisations' names and areas, trusts' names and areas' names. */
export interface TrustEventContext {
  readonly names: readonly string[];
  readonly areaNames: readonly string[];
  readonly orgArea: (org: number) => number;
  readonly trustName: (trust: number) => string;
}

/** Returns a trust's change as a plain sentence (without its time), e.g. "School 12 became an academy in Trust 3, a trust
 * based in Area 2". */
export function trustEventSentence(event: TrustEvent, context: TrustEventContext): string {
  const org = context.names[event.org] ?? 'a school';
  const trust = context.trustName(event.trust);
  const where =
    event.org >= 0 && context.orgArea(event.org) === event.home
      ? 'a trust of its own area'
      : `a trust based in ${context.areaNames[event.home] ?? 'another area'}`;
  switch (event.kind) {
    case 'trust-founded':
      return `${org} ${event.converted ? 'became an academy and founded' : 'founded'} a new trust, ${trust}`;
    case 'trust-joined':
      return `${org} ${event.converted ? 'became an academy in' : 'joined'} ${trust}, ${where}`;
    case 'trust-handed-on':
      return `${org} was handed on from ${context.trustName(event.other)} to ${trust}`;
    case 'trust-merged':
      return `${trust} merged into ${context.trustName(event.other)}: ${its(event.moved)} moved with it`;
    case 'trust-closed':
      if (event.moved === 0) return `${trust} closed; ${its(event.schools)} ${event.schools === 1 ? 'stands' : 'stand'} alone`;
      return `${trust} closed; ${event.moved === event.schools ? its(event.schools) : `${event.moved} of ${its(event.schools)}`} joined ${event.moved === 1 ? 'another trust' : 'other trusts'}`;
  }
}

// "its school", "its 4 schools".
function its(schools: number): string {
  return schools === 1 ? 'its school' : `its ${schools} schools`;
}

function causeWords(cause: string): { member: string; partnership: string } {
  return CAUSE_WORDS[cause as Cause] ?? { member: cause, partnership: cause };
}

/** Returns a share as a whole percentage, "62%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Returns a number in [0, 1] to two decimals, "0.62". */
export function twoDecimals(value: number): string {
  return value.toFixed(2);
}

/** The page's own words: buttons, hints, headings and labels (the charts' titles are in app.ts's CHARTS). */
export const PAGE_WORDS = {
  scenario: 'Scenario',
  seed: 'Seed',
  play: '▶ Play',
  pause: '❚❚ Pause',
  replay: '↺ Replay',
  playHint: 'Play or pause (space)',
  step: 'Step ▸',
  stepHint: 'One step (right arrow)',
  reset: '↺ Reset',
  resetHint: 'Start again from step 0 with the levers as they are',
  speed: 'Speed',
  speedHint: 'Speed in steps per second',
  whatIf: 'What if…',
  whatIfHint: 'Run the same seed twice side by side, with levers of its own for run B: both runs start again from step 0',
  levers: 'Levers',
  restore: "Scenario's levers",
  restoreHint: "Forget the levers you set: back to the scenario's own, from step 0",
  leverSet: 'set by you: Reset keeps it',
  areasDiffer: 'the areas have values of their own, from the first to the second; moving the slider sets every area',
  organisations: 'Organisations',
  inTrust: 'In a trust',
  inTrustHint: 'in a multi-academy trust: the outline is its trust’s colour (select a school to see its trust)',
  trustElsewhere: 'Trust elsewhere',
  trustElsewhereHint: 'in a multi-academy trust based in another area (most of the trust’s schools are there)',
  sizeIsPower: 'size = power',
  network: 'The network of organisations, by area',
  networkA: 'Run A: the network of organisations, by area',
  networkB: 'The network of run B',
  tagA: 'A: blue levers',
  tagB: 'B: purple levers',
  legend: 'Partnership rings and ties:',
  trustTie: 'thicker tie = more trust',
  widerMember: 'area-wide: wider member',
  widerMemberHint:
    'a wider member of an area-wide partnership (open to every organisation of its area): its core members have full rings and green ties, its area a frame in its colour',
  brokenTie: 'tie broken',
  details: 'Details',
  detailsHint: 'Click an organisation, a green partnership tie or an event to see who it is and why it happened.',
  close: 'Close the details',
  feed: 'What happened',
  feedLabel: 'What happened, newest first',
  feedEmpty: 'Press Play: what happens to partnerships will be told here.',
  feedEntryHint: 'Show this partnership',
  feedOrgHint: 'Show this organisation',
  feedFilter: 'Events shown',
  features: 'Continuum features',
  playing: 'Playing',
  legendLabel: 'Legend',
  networkLabel: 'Network',
  events: 'Events',
  charts: 'Charts',
  years: 'years',
  keys: 'Keys: ',
  keySpace: ' play or pause · ',
  keyRight: ' one step · ',
  keyTab: ' to move between controls',
} as const;

/** Returns the note shown when "What if…" has started both runs again: where run A was, and what to do next. */
export function whatIfRestartWords(clock: string, seed: number): string {
  return `Both runs start again from step 0 on seed ${seed}, so that they can be compared step by step (run A was at ${clock}). Move run B's purple sliders, then press Play.`;
}

/** Returns the screen-reader status when play stops: "Paused at Year 3 · step 30/120". */
export function pausedWords(clock: string): string {
  return `Paused at ${clock}`;
}

/** Returns the clock's words while a scenario starts: "Starting national: burn-in, year 12 of 30… 34 s" once its burn-in
 * is under way (naming run B when "what if" burns in two), before it "building its world and burn-in… 3 s". */
export function startingWords(scenario: string, seconds: number, burnIn?: BurnIn): string {
  const work =
    burnIn === undefined
      ? 'building its world and burn-in'
      : `burn-in${burnIn.run === 'B' ? ' of run B' : ''}, year ${Math.ceil(burnIn.done / burnIn.stepsPerYear)} of ${Math.round(burnIn.total / burnIn.stepsPerYear)}`;
  return `Starting ${scenario}: ${work}… ${Math.floor(seconds)} s`;
}

/** Returns an area's line on the network: "15 partnerships · 62% in one". */
export function areaStatsWords(active: number, share: number): string {
  return `${active} partnership${active === 1 ? '' : 's'} · ${percent(share)} in one`;
}
