// The wording every stage shares: numbers as a sentence shows them, scientific notation where decimals would run long.
import { describe, expect, it } from 'vitest';
import { byteSize, isScientific, SCIENTIFIC_BELOW, SCIENTIFIC_FROM, scientific, shownNumber } from '../src/wording.ts';

describe('numbers in words', () => {
  it('show whole numbers as they are and others to 3 significant digits', () => {
    expect(shownNumber(120)).toBe('120');
    expect(shownNumber(0.123456)).toBe('0.123');
    expect(shownNumber(0.00123456)).toBe('0.00123');
    expect(shownNumber(-4.5678)).toBe('-4.57');
  });

  it('write a number nearer zero than 0.0001, or from 10^15 on, in scientific notation', () => {
    expect([SCIENTIFIC_BELOW, SCIENTIFIC_FROM]).toEqual([1e-4, 1e15]);
    expect(shownNumber(1.4e-52)).toBe('1.4 × 10⁻⁵²');
    expect(shownNumber(0.000987654)).toBe('0.000988');
    expect(shownNumber(0.0000987654)).toBe('9.88 × 10⁻⁵');
    expect(shownNumber(-3e-9)).toBe('-3 × 10⁻⁹');
    expect(shownNumber(2.5e21)).toBe('2.5 × 10²¹');
    expect(shownNumber(0)).toBe('0');
    expect([0, 0.0001, 999e12, Number.NaN, Number.POSITIVE_INFINITY].map(isScientific)).toEqual([false, false, false, false, false]);
    expect([0.0000999, -1e-300, 1e15].map(isScientific)).toEqual([true, true, true]);
  });

  it('round the mantissa without leaving it at 10', () => {
    expect(scientific(9.9996e-5)).toBe('1 × 10⁻⁴');
    expect(scientific(1.25e-10, 2)).toBe('1.3 × 10⁻¹⁰');
  });
});

describe('sizes in words', () => {
  it('give bytes in decimal units to 2 significant digits', () => {
    expect(byteSize(830)).toBe('830 bytes');
    expect(byteSize(999)).toBe('999 bytes');
    expect(byteSize(999.6)).toBe('1 kB');
    expect(byteSize(2_140_000)).toBe('2.1 MB');
    expect(byteSize(14.2e9)).toBe('14 GB');
    expect(byteSize(3e15)).toBe('3000 TB');
  });
});
