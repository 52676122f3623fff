// The event feed: which events of a run's log it shows (by kind), newest first, as entries in plain words.
import type { EventKind, PartnershipEvent } from '../engine/types.ts';
import { eventSentence, timeWords, type EventContext } from './words.ts';

/** How many entries the feed keeps. */
export const FEED_LIMIT = 60;

/** The event kinds the feed shows until the user changes its filter: the partnership's life and leaders' moves, not every
 * member's comings and goings. */
export const DEFAULT_FEED_KINDS: readonly EventKind[] = ['formed', 'strengthened', 'weakened', 'dissolved', 'leader-moved'];

/** Which run an entry comes from: the main run, or the "what if" run beside it. */
export type RunId = 'A' | 'B';

/** One line of the feed. */
export interface FeedEntry {
  /** Unique in the page: run and index in the run's event log. */
  readonly key: string;
  readonly run: RunId;
  readonly index: number;
  readonly step: number;
  readonly kind: EventKind;
  readonly partnership: number;
  readonly time: string;
  readonly text: string;
}

/** Returns the indices of the events at or after `from` whose kind is shown, newest first, at most `limit`. */
export function shownEventIndices(
  events: readonly PartnershipEvent[],
  from: number,
  kinds: ReadonlySet<EventKind>,
  limit = FEED_LIMIT,
): number[] {
  const found: number[] = [];
  for (let i = events.length - 1; i >= Math.max(0, from) && found.length < limit; i--) {
    if (kinds.has(events[i].kind)) found.push(i);
  }
  return found;
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
    time: timeWords(event.step, stepsPerYear),
    text: eventSentence(event, context),
  };
}

/** Returns the feed after new entries (newest first) arrive: them, then the entries kept, cut to the limit. */
export function mergeFeed(current: readonly FeedEntry[], incoming: readonly FeedEntry[], limit = FEED_LIMIT): FeedEntry[] {
  return [...incoming, ...current].slice(0, limit);
}
