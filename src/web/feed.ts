// The event feed: which events of a run's log and of its trusts it shows (by kind), newest first, as entries in plain
// words.
import { EVENT_KINDS, type EventKind, type PartnershipEvent } from '../model/vocabulary.ts';
import type { TrustEvent } from './trusts-shown.ts';
import { eventSentence, timeWords, trustEventSentence, type EventContext, type TrustEventContext } from './words.ts';

/** How many entries the feed keeps. */
export const FEED_LIMIT = 60;

/** What the feed's filter chooses among: a kind of event of the run's log, or trusts (every change to a trust). */
export type FeedKind = EventKind | 'trusts';
export const FEED_KINDS: readonly FeedKind[] = [...EVENT_KINDS, 'trusts'];

/** The kinds the feed shows until the user changes its filter: the partnership's life, leaders' moves and trusts, not
 * every member's comings and goings. */
export const DEFAULT_FEED_KINDS: readonly FeedKind[] = ['formed', 'strengthened', 'weakened', 'dissolved', 'leader-moved', 'trusts'];

/** Which run an entry comes from: the main run, or the "what if" run beside it. */
export type RunId = 'A' | 'B';

/** One line of the feed. */
export interface FeedEntry {
  /** Unique in the page: run, and index in the run's event log (or "t" and index in its trust events). */
  readonly key: string;
  readonly run: RunId;
  readonly index: number;
  readonly step: number;
  readonly kind: FeedKind;
  /** The partnership choosing the entry shows, or -1. */
  readonly partnership: number;
  /** The organisation choosing the entry shows when it is of no partnership, or -1. */
  readonly org: number;
  readonly time: string;
  readonly text: string;
}

/** Returns the indices of the events at or after `from` whose kind is shown, newest first, at most `limit`. */
export function shownEventIndices(
  events: readonly PartnershipEvent[],
  from: number,
  kinds: ReadonlySet<FeedKind>,
  limit = FEED_LIMIT,
): number[] {
  const found: number[] = [];
  for (let i = events.length - 1; i >= Math.max(0, from) && found.length < limit; i--) {
    if (kinds.has(events[i].kind)) found.push(i);
  }
  return found;
}

/** Returns the indices of the trust events at or after `from`, newest first, at most `limit`, if trusts are shown. */
export function shownTrustIndices(events: readonly TrustEvent[], from: number, kinds: ReadonlySet<FeedKind>, limit = FEED_LIMIT): number[] {
  if (!kinds.has('trusts')) return [];
  const first = Math.max(0, from, events.length - limit);
  return Array.from({ length: events.length - first }, (_, k) => events.length - 1 - k);
}

/** Returns the feed entry of the event at `index` of a run's log. */
export function feedEntry(
  events: readonly PartnershipEvent[],
  index: number,
  run: RunId,
  context: EventContext,
  stepsPerYear: number,
): FeedEntry {
  const event = events[index];
  return {
    key: `${run}:${index}`,
    run,
    index,
    step: event.step,
    kind: event.kind,
    partnership: event.partnership,
    // A leader's move is of no partnership: choosing it shows the organisation the leader now leads.
    org: event.kind === 'leader-moved' ? (event.organisations[1] ?? -1) : -1,
    time: timeWords(event.step, stepsPerYear),
    text: eventSentence(event, context),
  };
}

/** Returns the feed entry of the trust event at `index` of a run's trust events. */
export function trustFeedEntry(
  events: readonly TrustEvent[],
  index: number,
  run: RunId,
  context: TrustEventContext,
  stepsPerYear: number,
): FeedEntry {
  const event = events[index];
  return {
    key: `${run}:t${index}`,
    run,
    index,
    step: event.step,
    kind: 'trusts',
    partnership: -1,
    org: event.org,
    time: timeWords(event.step, stepsPerYear),
    text: trustEventSentence(event, context),
  };
}

/** Orders entries newest first: by step, then run A before run B, then trusts' changes (which governance makes early in
 * a step) below the step's partnership events, then by index, later first. */
export function newestFirst(p: FeedEntry, q: FeedEntry): number {
  if (p.step !== q.step) return q.step - p.step;
  if (p.run !== q.run) return p.run === 'A' ? -1 : 1;
  const trustP = +(p.kind === 'trusts');
  const trustQ = +(q.kind === 'trusts');
  return trustP - trustQ || q.index - p.index;
}

/** Returns the feed after new entries (newest first) arrive: them, then the entries kept, cut to the limit. */
export function mergeFeed(current: readonly FeedEntry[], incoming: readonly FeedEntry[], limit = FEED_LIMIT): FeedEntry[] {
  return [...incoming, ...current].slice(0, limit);
}
