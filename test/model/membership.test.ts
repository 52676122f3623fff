// Exit causes: each built on purpose, as a member's balance now against its balance when its judgement was at its best.
import { describe, expect, it } from 'vitest';
import { emptyBalance } from '../../src/model/balance.ts';
import { exitCause } from '../../src/model/membership.ts';
import type { BalanceTerms, Role } from '../../src/model/world.ts';

/** A member whose best balance was `best`, with its trust's two parts then and now. */
function role(
  best: Partial<BalanceTerms> | null,
  trust: { org: [number, number]; leader: [number, number] } = { org: [0.5, 0.5], leader: [0.5, 0.5] },
): Role {
  return {
    belief: -0.1,
    commitment: 0.5,
    trust: (trust.org[1] + trust.leader[1]) / 2,
    orgTrust: trust.org[1],
    leaderTrust: trust.leader[1],
    joined: 0,
    best: best === null ? null : { ...emptyBalance(), ...best },
    bestBelief: 0.2,
    bestOrgTrust: trust.org[0],
    bestLeaderTrust: trust.leader[0],
  };
}

const now = (terms: Partial<BalanceTerms>): BalanceTerms => ({ ...emptyBalance(), ...terms });

describe('exitCause', () => {
  it('names the end of funding when the funded activities are what was lost', () => {
    expect(exitCause(role({ fund: 0.4, social: 0.2 }), now({ fund: 0, social: 0.15 }))).toBe('funding-ended');
  });

  it('names a fall in trust, against the member’s own earlier trust, when social capital is what was lost', () => {
    const fell = role({ fund: 0.1, social: 0.5 }, { org: [0.6, 0.3], leader: [0.5, 0.45] });
    expect(exitCause(fell, now({ fund: 0.1, social: 0.2 }))).toBe('trust-fell');
  });

  it('names a leader’s departure when trust fell more between leaders than between the organisations', () => {
    const left = role({ social: 0.5 }, { org: [0.6, 0.55], leader: [0.6, 0.1] });
    expect(exitCause(left, now({ social: 0.2 }))).toBe('leader-left');
  });

  it('names competition, capacity or values when that cost rose most', () => {
    expect(exitCause(role({ competition: 0.05 }), now({ competition: 0.3, capacity: 0.1 }))).toBe('competition');
    expect(exitCause(role({ capacity: 0.05 }), now({ capacity: 0.4, values: 0.1 }))).toBe('capacity');
    expect(exitCause(role({ values: 0 }), now({ values: 0.25, competition: 0.05 }))).toBe('values-diverged');
  });

  it('names no purpose when nothing changed for the worse, or the member never judged the partnership worth it', () => {
    expect(exitCause(role({ social: 0.1, coordination: 0.3 }), now({ social: 0.1, coordination: 0.3 }))).toBe('no-purpose');
    expect(exitCause(role(null), now({ coordination: 0.3 }))).toBe('no-purpose');
  });
});
