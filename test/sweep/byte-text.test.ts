// The network outputs' text writer: numbers at 6 decimal places (the one formatter of them), against hand-worked cases
// and against a reference worked out apart from it (toFixed of the rounded value); text and integers as String() and
// the UTF-8 encoder write them, across the buffer's growth.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteText, FIXED_DECIMALS, fixedTexts } from '../../src/sweep/byte-text.ts';

const fixed = (value: number): string => fixedTexts([value])[0];

/** The text at 6 places worked out apart from ByteText: |value| rounded half away from zero, by toFixed, zeros trimmed. */
function reference(value: number): string {
  if (!(Math.abs(value) < 1e9)) return String(value);
  const magnitude = Math.round(Math.abs(value) * 1e6);
  if (magnitude === 0) return '0';
  const text = (magnitude / 1e6).toFixed(6).replace(/\.?0+$/, '');
  return value < 0 ? `-${text}` : text;
}

describe('numbers at fixed places', () => {
  it('are written to 6 decimal places', () => {
    expect(FIXED_DECIMALS).toBe(6);
  });

  it('trim trailing zeros and round to the sixth place', () => {
    const cases: [number, string][] = [
      [0, '0'],
      [1, '1'],
      [0.5, '0.5'],
      [0.1, '0.1'],
      [0.1234567, '0.123457'],
      [0.1234564, '0.123456'],
      [0.000001, '0.000001'],
      [0.0000004, '0'],
      [0.0000006, '0.000001'],
      [0.9999996, '1'],
      [0.9999994, '0.999999'],
      [0.30000000000000004, '0.3'],
      [16.416666666666703, '16.416667'],
      [26, '26'],
      [123456789.1234567, '123456789.123457'],
      [999999999.9999999, '1000000000'],
    ];
    for (const [value, text] of cases) expect([value, fixed(value)]).toEqual([value, text]);
  });

  it('keep the sign of a negative value, and write anything that rounds to zero as "0"', () => {
    expect([-0.25, -1.5, -0.0000006, -12.3456789].map(fixed)).toEqual(['-0.25', '-1.5', '-0.000001', '-12.345679']);
    expect([-0, -0.0000004, -1e-300].map(fixed)).toEqual(['0', '0', '0']);
  });

  it('write a magnitude of 1e9 or more, NaN and the infinities as String() does', () => {
    const values = [1e9, -1e9, 1234567890.123456, 2 ** 53, 1e21, -1.7976931348623157e308, Number.NaN, Infinity, -Infinity];
    expect(values.map(fixed)).toEqual(values.map(String));
  });

  it('agree with the reference and read back within 5e-7, for any double', () => {
    const values = fc.oneof(
      fc.double(),
      fc.double({ min: -1, max: 2, noNaN: true }),
      // Near the sixth place's halves.
      fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(-5e-7, 0, 4.9e-7, 5e-7)).map(([n, near]) => n / 1e6 + near),
    );
    fc.assert(
      fc.property(fc.array(values, { maxLength: 50 }), (list) => {
        const texts = fixedTexts(list);
        expect(texts).toEqual(list.map(reference));
        list.forEach((value, i) => {
          if (!(Math.abs(value) < 1e9)) return;
          expect(texts[i]).toMatch(/^-?\d+(\.\d{0,5}[1-9])?$/);
          // Half the sixth place, and the rounding of value * 1e6 (a few units in its last place).
          expect(Math.abs(Number(texts[i]) - value)).toBeLessThanOrEqual(5e-7 + 4 * Number.EPSILON * Math.abs(value));
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('are none for no numbers', () => {
    expect(fixedTexts([])).toEqual([]);
  });
});

describe('a ByteText', () => {
  it('writes text as UTF-8 (a lone surrogate as U+FFFD) and integers as String() does, past its first buffer', () => {
    const out = new ByteText();
    let expected = '';
    for (let i = 0; i < 20_000; i++) {
      const text = ['plain', 'Ōtautahi ✓', '😀', 'a\uD800b', ''][i % 5];
      out.text(text);
      out.byte(44);
      out.integer(i % 2 === 0 ? i * 1_000_003 : -i);
      out.byte(10);
      expected += `${text.replace('\uD800', '\uFFFD')},${i % 2 === 0 ? i * 1_000_003 : -i}\n`;
    }
    out.bytes(new TextEncoder().encode('é'));
    expect(out.size).toBe(new TextEncoder().encode(`${expected}é`).length);
    expect(out.take()).toBe(`${expected}é`);
    expect(out.take()).toBe('');
    out.integer(Number.MAX_SAFE_INTEGER);
    out.integer(0);
    expect(out.take()).toBe(`${Number.MAX_SAFE_INTEGER}0`);
  });
});
