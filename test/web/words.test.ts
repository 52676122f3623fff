// The classroom's words: every cause has a phrase, events read as sentences, times and names as a teacher says them.
import { describe, expect, it } from 'vitest';
import type { PartnershipEvent } from '../../src/engine/types.ts';
import { CAUSES, EVENT_KINDS } from '../../src/model/vocabulary.ts';
import { LEVER_KEYS, LEVER_MEANINGS, ORG_KINDS } from '../../src/scenario/schema.ts';
import { FEED_KINDS } from '../../src/web/feed.ts';
import type { TrustEvent } from '../../src/web/trusts-shown.ts';
import {
  CAUSE_WORDS,
  FEED_KIND_WORDS,
  areaStatsWords,
  FORMED_WORDS,
  KIND_WORDS,
  LEVEL_MOVE_WORDS,
  LEVER_LABELS,
  clockWords,
  eventSentence,
  leverHint,
  PAGE_WORDS,
  trustEventSentence,
  organisationNames,
  timeWords,
  yearOf,
} from '../../src/web/words.ts';

const context = { names: ['Area 1 council', 'School 1', 'School 2', 'Academy 1'], areaOf: () => 'Area 2' };
const event = (e: Partial<PartnershipEvent>): PartnershipEvent => ({
  step: 30,
  kind: 'formed',
  partnership: 12,
  organisations: [1, 2],
  cause: 'network',
  ...e,
});

describe('the words of the classroom', () => {
  it('has a phrase for every exit cause, for a member and for a partnership', () => {
    for (const cause of CAUSES) {
      expect(CAUSE_WORDS[cause].member.length).toBeGreaterThan(5);
      expect(CAUSE_WORDS[cause].partnership.length).toBeGreaterThan(5);
    }
  });

  it('names every kind, lever, event kind and formation cause', () => {
    for (const kind of ORG_KINDS) expect(KIND_WORDS[kind].short).toBeTruthy();
    for (const key of LEVER_KEYS) expect(LEVER_LABELS[key]).toBeTruthy();
    for (const kind of [...EVENT_KINDS, 'trusts'] as const) expect(FEED_KIND_WORDS[kind]).toBeTruthy();
    expect(FEED_KINDS).toEqual([...EVENT_KINDS, 'trusts']);
    for (const cause of ['network', 'broker', 'mandate', 'history', 'convened-officers', 'convened-leader'])
      expect(FORMED_WORDS[cause]).toBeTruthy();
  });

  it('says why a partnership dissolved', () => {
    expect(eventSentence(event({ kind: 'dissolved', cause: 'funding-ended' }), context)).toBe(
      'Partnership 12 in Area 2 dissolved — its fund ended',
    );
    expect(eventSentence(event({ kind: 'dissolved', cause: 'trust-fell' }), context)).toBe(
      'Partnership 12 in Area 2 dissolved — trust between its members had fallen',
    );
  });

  it('tells of schools joining and founding trusts, and of trusts merging and closing, as a teacher would', () => {
    // School 1 and Academy 1 are in Area 1; Trust 3 is based in Area 2.
    const trusts = { names: context.names, areaNames: ['Area 1', 'Area 2'], orgArea: () => 0, trustName: (t: number) => `Trust ${t + 1}` };
    const trust = (e: Partial<TrustEvent>): TrustEvent => ({
      step: 30,
      kind: 'trust-joined',
      trust: 2,
      org: 1,
      other: -1,
      converted: false,
      home: 1,
      schools: 0,
      moved: 0,
      ...e,
    });
    expect(trustEventSentence(trust({ converted: true }), trusts)).toBe('School 1 became an academy in Trust 3, a trust based in Area 2');
    expect(trustEventSentence(trust({ org: 3, home: 0 }), trusts)).toBe('Academy 1 joined Trust 3, a trust of its own area');
    expect(trustEventSentence(trust({ kind: 'trust-founded', converted: true }), trusts)).toBe(
      'School 1 became an academy and founded a new trust, Trust 3',
    );
    expect(trustEventSentence(trust({ kind: 'trust-handed-on', org: 3, other: 0 }), trusts)).toBe(
      'Academy 1 was handed on from Trust 1 to Trust 3',
    );
    const ending = { org: -1, schools: 4, moved: 4 };
    expect(trustEventSentence(trust({ kind: 'trust-merged', other: 5, ...ending }), trusts)).toBe(
      'Trust 3 merged into Trust 6: its 4 schools moved with it',
    );
    expect(trustEventSentence(trust({ kind: 'trust-closed', ...ending }), trusts)).toBe(
      'Trust 3 closed; its 4 schools joined other trusts',
    );
    expect(trustEventSentence(trust({ kind: 'trust-closed', ...ending, moved: 1 }), trusts)).toBe(
      'Trust 3 closed; 1 of its 4 schools joined another trust',
    );
    expect(trustEventSentence(trust({ kind: 'trust-closed', ...ending, schools: 1, moved: 0 }), trusts)).toBe(
      'Trust 3 closed; its school stands alone',
    );
  });

  it('says in the legend what a trust outline and its dot mean, not the old flag', () => {
    expect(PAGE_WORDS.inTrust).toBe('In a trust');
    expect(PAGE_WORDS.inTrustHint).toMatch(/multi-academy trust.*outline.*colour/);
    expect(PAGE_WORDS.trustElsewhere).toBe('Trust elsewhere');
    expect(PAGE_WORDS.trustElsewhereHint).toMatch(/multi-academy trust based in another area/);
    expect(JSON.stringify(PAGE_WORDS)).not.toMatch(/non-?local/i);
  });

  it('tells of an area-wide partnership forming, and of members joining its wider membership or its core', () => {
    const formed = event({ organisations: [1, 2, 3], cause: 'convened-officers', scope: 'area', depths: ['core', 'core', 'wider'] });
    expect(eventSentence(formed, context)).toBe(
      'Partnership 12 in Area 2 formed, area-wide: 2 core, 1 wider — council officers convened it',
    );
    expect(eventSentence(event({ ...formed, cause: 'convened-leader', depths: ['core', 'core', 'core'] }), context)).toBe(
      'Partnership 12 in Area 2 formed, area-wide: 3 core, 0 wider — an experienced leader convened it',
    );
    expect(eventSentence(event({ kind: 'joined', organisations: [3], cause: 'open', scope: 'area', depths: ['wider'] }), context)).toBe(
      'Academy 1 joined the wider membership of area-wide partnership 12',
    );
    expect(eventSentence(event({ kind: 'joined', organisations: [3], cause: 'deepened', scope: 'area', depths: ['core'] }), context)).toBe(
      'Academy 1 moved into the core group of partnership 12',
    );
  });

  it('tells of a leader who moved, asking no partnership for its area', () => {
    const noArea = { ...context, areaOf: (): string => expect.unreachable('a leader’s move has no partnership') };
    expect(eventSentence(event({ kind: 'leader-moved', partnership: -1, organisations: [1, 3], cause: 'moved', leader: 7 }), noArea)).toBe(
      'The leader of School 1 moved to lead Academy 1, with their contacts',
    );
  });

  it('says who joined or left, and why', () => {
    expect(eventSentence(event({ kind: 'joined', organisations: [3], cause: 'peers' }), context)).toBe(
      'Academy 1 joined partnership 12 — enough of its contacts were in it',
    );
    expect(eventSentence(event({ kind: 'left', organisations: [2], cause: 'capacity' }), context)).toBe(
      'School 2 left partnership 12 — it had no capacity left for partnership work',
    );
  });

  it('says how a partnership formed and how it moved on the continuum', () => {
    expect(eventSentence(event({ cause: 'broker', organisations: [0, 1, 2] }), context)).toBe(
      'Partnership 12 in Area 2 formed with 3 members — the council brokered it',
    );
    expect(eventSentence(event({ kind: 'strengthened', cause: 'norms', level: 'cooperating' }), context)).toBe(
      `Partnership 12 rose to cooperating — ${LEVEL_MOVE_WORDS.strengthened.norms}`,
    );
    expect(eventSentence(event({ kind: 'weakened', cause: 'trust', level: 'networking' }), context)).toBe(
      'Partnership 12 fell to networking — trust between its members is low',
    );
  });

  it('falls back to the cause itself for a cause it does not know', () => {
    expect(eventSentence(event({ kind: 'dissolved', cause: 'meteor' }), context)).toBe('Partnership 12 in Area 2 dissolved — meteor');
  });

  it('counts years from 1: steps 1 to 12 are year 1, step 0 is the start', () => {
    expect([0, 1, 12, 13, 30, 120].map((s) => yearOf(s, 12))).toEqual([
      { year: 0, within: 0 },
      { year: 1, within: 1 },
      { year: 1, within: 12 },
      { year: 2, within: 1 },
      { year: 3, within: 6 },
      { year: 10, within: 12 },
    ]);
    expect(timeWords(0, 12)).toBe('Start');
    expect(timeWords(30, 12)).toBe('Year 3, month 6');
    expect(timeWords(6, 4)).toBe('Year 2, step 2');
    expect(clockWords(30, 12, 120)).toBe('Year 3 · step 30/120');
    expect(clockWords(0, 12, 120)).toBe('Start · step 0/120');
  });

  it('names organisations by kind and number, and local authorities by area', () => {
    const kinds = [6, 0, 0, 1, 6, 0];
    const areas = [0, 0, 0, 0, 1, 1];
    expect(organisationNames(kinds, areas, ORG_KINDS, ['Northfield', 'Southgate'])).toEqual([
      'Northfield council',
      'School 1',
      'School 2',
      'Academy 1',
      'Southgate council',
      'School 3',
    ]);
  });

  it('sums up an area', () => {
    expect(areaStatsWords(15, 0.617)).toBe('15 partnerships · 62% in one');
    expect(areaStatsWords(1, 0.1)).toBe('1 partnership · 10% in one');
  });

  it('hints each lever with its meaning word for word', () => {
    for (const key of LEVER_KEYS) expect(leverHint(key, LEVER_LABELS[key], LEVER_MEANINGS[key])).toContain(LEVER_MEANINGS[key]);
    expect(leverHint('context.history', 'Shared history', LEVER_MEANINGS['context.history'])).toMatch(/step 0/);
  });
});
