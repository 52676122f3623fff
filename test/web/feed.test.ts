// The event feed: the newest events of the kinds shown, in words, cut to a limit.
import { describe, expect, it } from 'vitest';
import type { EventKind, PartnershipEvent } from '../../src/engine/types.ts';
import {
  DEFAULT_FEED_KINDS,
  FEED_LIMIT,
  type FeedKind,
  feedEntry,
  mergeFeed,
  newestFirst,
  shownEventIndices,
  shownTrustIndices,
  trustFeedEntry,
} from '../../src/web/feed.ts';
import type { TrustEvent } from '../../src/web/trusts-shown.ts';

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
      org: -1,
      time: 'Year 1, month 4',
      text: 'Partnership 1 in Area 1 dissolved — working together never gave more than it cost',
    });
  });

  const joined: TrustEvent = { step: 4, kind: 'trust-joined', trust: 0, org: 1, other: -1, converted: true, home: 1, schools: 0, moved: 0 };
  const trustContext = { names: context.names, areaNames: ['Area 1', 'Area 2'], orgArea: () => 0, trustName: () => 'Trust 1' };

  it('tells of schools joining trusts by default, and shows the school when chosen', () => {
    expect(DEFAULT_FEED_KINDS).toContain('trusts');
    expect(shownTrustIndices([joined, joined, joined], 1, new Set<FeedKind>(DEFAULT_FEED_KINDS))).toEqual([2, 1]);
    expect(shownTrustIndices([joined], 0, new Set<FeedKind>(['formed']))).toEqual([]);
    expect(trustFeedEntry([joined], 0, 'A', trustContext, 12)).toEqual({
      key: 'A:t0',
      run: 'A',
      index: 0,
      step: 4,
      kind: 'trusts',
      partnership: -1,
      org: 1,
      time: 'Year 1, month 4',
      text: 'School 2 became an academy in Trust 1, a trust based in Area 2',
    });
  });

  it('orders a step’s trust changes below its partnership events, and a leader’s move shows where the leader went', () => {
    const trust = trustFeedEntry([joined], 0, 'A', trustContext, 12);
    const dissolved = feedEntry(events, 3, 'A', context, 12);
    const formed = feedEntry(events, 0, 'A', context, 12);
    expect([formed, trust, dissolved].sort(newestFirst).map((e) => e.key)).toEqual(['A:3', 'A:t0', 'A:0']);
    const moved: PartnershipEvent = { step: 2, kind: 'leader-moved', partnership: -1, organisations: [0, 1], cause: 'moved', leader: 3 };
    expect(feedEntry([moved], 0, 'A', context, 12).org).toBe(1);
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
