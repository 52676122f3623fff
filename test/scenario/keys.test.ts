// Dotted keys in messages, and the closest valid key to a misspelt one.
import { describe, expect, it } from 'vitest';
import { closestKey, dottedKey, editDistance } from '../../src/scenario/keys.ts';

describe('dottedKey', () => {
  it('joins names with dots and puts list positions in brackets', () => {
    expect(dottedKey(['organisations', 'areas', 1, 'name'])).toBe('organisations.areas[1].name');
    expect(dottedKey(['policy', 'carrot', 0, 'from'])).toBe('policy.carrot[0].from');
    expect(dottedKey([])).toBe('');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('carrot', 'carrot')).toBe(0);
    expect(editDistance('carot', 'carrot')).toBe(1);
    expect(editDistance('stikc', 'stick')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestKey', () => {
  const keys = [
    'policy',
    'policy.carrot',
    'policy.stick',
    'market.competition',
    'organisations.areas[].name',
    'organisations.areas[].context.history',
    'context.history',
  ];

  it('finds a near misspelling, ignoring case', () => {
    expect(closestKey('policy.carot', keys)).toBe('policy.carrot');
    expect(closestKey('Policy.Stick', keys)).toBe('policy.stick');
    expect(closestKey('polcy', keys)).toBe('policy');
  });

  it('finds a key written under the wrong heading, preferring the shallowest', () => {
    expect(closestKey('policy.competition', keys)).toBe('market.competition');
    expect(closestKey('history', keys)).toBe('context.history');
  });

  it("puts the key's own list positions back", () => {
    expect(closestKey('organisations.areas[3].nme', keys)).toBe('organisations.areas[3].name');
  });

  it('suggests nothing when no key is near', () => {
    expect(closestKey('zzzzzz', keys)).toBeUndefined();
  });
});
