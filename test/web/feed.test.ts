// The event feed: the newest events of the kinds shown, in words, cut to a limit.
import { describe, expect, it } from 'vitest';
import type { EventKind, PartnershipEvent } from '../../src/engine/types.ts';
import { FEED_LIMIT, feedEntry, mergeFeed, shownEventIndices } from '../../src/web/feed.ts';

const kinds: EventKind[] = ['formed', 'joined', 'left', 'dissolved', 'joined', 'strengthened'];
const events: PartnershipEvent[] = kinds.map((kind, i) => ({
  step: i + 1,
  kind,
  partnership: i % 2,
  organisations: [0, 1],
  cause: kind === 'dissolved' ? 'no-purpose' : 'network',
}));
const context = { names: ['School 1', 'School 2'], areaOf: () => 'Area 1' };

describe('the event feed', () => {
  it('picks the events of the kinds shown, newest first', () => {
    expect(shownEventIndices(events, 0, new Set<EventKind>(['formed', 'dissolved', 'strengthened']))).toEqual([5, 3, 0]);
    expect(shownEventIndices(events, 0, new Set<EventKind>(['joined']))).toEqual([4, 1]);
  });

  it('picks only events at or after `from`, and at most `limit`', () => {
    expect(shownEventIndices(events, 3, new Set<EventKind>(['formed', 'dissolved', 'joined']))).toEqual([4, 3]);
    expect(shownEventIndices(events, 0, new Set<EventKind>(kinds), 2)).toEqual([5, 4]);
  });

  it('words an entry with its time, run and partnership', () => {
    const entry = feedEntry(events, 3, 'B', context, 12);
    expect(entry).toEqual({
      key: 'B:3',
      run: 'B',
      index: 3,
      step: 4,
      kind: 'dissolved',
      partnership: 1,
      time: 'Year 1, month 4',
      text: 'Partnership 1 in Area 1 dissolved — working together never gave more than it cost',
    });
  });

  it('puts new entries first and keeps at most the limit', () => {
    const entry = (i: number) => feedEntry(events, i % events.length, 'A', context, 12);
    const current = Array.from({ length: FEED_LIMIT }, (_, i) => ({ ...entry(i), key: `old${i}` }));
    const merged = mergeFeed(current, [{ ...entry(0), key: 'new' }]);
    expect(merged).toHaveLength(FEED_LIMIT);
    expect(merged[0].key).toBe('new');
    expect(merged[FEED_LIMIT - 1].key).toBe(`old${FEED_LIMIT - 2}`);
  });
});
