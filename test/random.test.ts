// The seeded generator and seed derivation: reproducible streams, resumable state, and seeds that are
// pinned (so results stay comparable across versions) and distinct across replicates.
import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, digest, hashString, replicateSeed } from '../src/random.ts';

const draws = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());

describe('createRng', () => {
  it('gives the same stream for the same seed, and pins its first draws', () => {
    expect(draws(createRng(1), 100)).toEqual(draws(createRng(1), 100));
    expect(draws(createRng(1), 3)).toEqual([0.41011407459154725, 0.529951550764963, 0.5019180993549526]);
  });

  it('gives another stream for another seed', () => {
    expect(draws(createRng(2), 10)).not.toEqual(draws(createRng(1), 10));
  });

  it('draws in [0, 1)', () => {
    for (const x of draws(createRng(99), 10000)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('treats the seed as a 32-bit unsigned integer', () => {
    expect(draws(createRng(-1), 5)).toEqual(draws(createRng(2 ** 32 - 1), 5));
  });

  it('resumed from a saved state continues the same stream', () => {
    const rng = createRng(5);
    draws(rng, 1000);
    const saved = rng.state();
    const next = draws(rng, 50);
    const resumed = createRng(5, saved);
    expect(draws(resumed, 50)).toEqual(next);
    // The saved state is a copy: drawing on did not change it.
    expect(draws(createRng(0, saved), 50)).toEqual(next);
    // State survives JSON (a run's state can be written and read back).
    expect(draws(createRng(5, JSON.parse(JSON.stringify(saved))), 50)).toEqual(next);
  });
});

describe('hashString', () => {
  it('is stable, salted, and within 53 bits', () => {
    expect(hashString('')).toBe(3338908027751811);
    expect(hashString('partnersim')).toBe(47495608119507);
    expect(hashString('partnersim', 1)).not.toBe(hashString('partnersim'));
    expect(Number.isSafeInteger(hashString('a long text '.repeat(100)))).toBe(true);
  });
});

describe('deriveSeed and replicateSeed', () => {
  it('are stable: pinned values', () => {
    expect(replicateSeed(1, 0)).toBe(3128490605);
    expect(replicateSeed(1, 1)).toBe(157555239);
    expect(replicateSeed(42, 7)).toBe(3901513083);
    expect(deriveSeed(7, 'abc', 3)).toBe(4126363372);
    expect(deriveSeed(0)).toBe(2869235639);
  });

  it("replicateSeed is deriveSeed of (master, 'replicate', r)", () => {
    for (const [master, r] of [
      [1, 0],
      [123, 45],
      [2 ** 32 - 1, 999],
    ])
      expect(replicateSeed(master, r)).toBe(deriveSeed(master, 'replicate', r));
  });

  it('are 32-bit unsigned integers', () => {
    for (let r = 0; r < 200; r++) {
      const seed = replicateSeed(17, r);
      expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    }
  });

  it('are distinct across replicates 0..999, and across master seeds', () => {
    for (const master of [1, 2, 12345]) {
      const seeds = new Set(Array.from({ length: 1000 }, (_, r) => replicateSeed(master, r)));
      expect(seeds.size).toBe(1000);
    }
    expect(replicateSeed(1, 0)).not.toBe(replicateSeed(2, 0));
  });

  it('depend on every part of the identity and its order', () => {
    expect(deriveSeed(1, 'a', 2)).not.toBe(deriveSeed(1, 'a', 3));
    expect(deriveSeed(1, 'a', 2)).not.toBe(deriveSeed(1, 'b', 2));
    expect(deriveSeed(1, 'a', 2)).not.toBe(deriveSeed(1, 2, 'a'));
    expect(deriveSeed(1, 'a', 2)).toBe(deriveSeed(1, 'a', '2'));
  });
});

describe('digest', () => {
  it('is 32 hex characters, stable, and pinned', () => {
    expect(digest('')).toBe('d7d009e1587ca4bf61b7f561360a03ab');
    expect(digest('partnersim')).toBe('ccf81a4dbb8146e90ebbd670e29230d5');
    for (const text of ['', 'a', 'partnersim', '{"name":"baseline"}', 'ü'.repeat(300)]) expect(digest(text)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differs for texts that differ in one character', () => {
    const texts = Array.from({ length: 500 }, (_, k) => `scenario-${k}`);
    expect(new Set(texts.map(digest)).size).toBe(500);
  });
});
