// Wording shared by the messages of every stage: numbers, shares, lists and capitals as a sentence shows them.
// A leaf that imports nothing, so the browser (the classroom page) may use it as the command line does.

/** Numbers nearer zero than this (zero aside) are written in scientific notation: in decimals they would run to dozens
 * of zeros (a quasi-p-value of 1.4 × 10⁻⁵² is 55 characters long written out); down to it, decimals are as short. */
export const SCIENTIFIC_BELOW = 1e-4;
/** Numbers this far from zero or further are written in scientific notation too, rather than in 16 or more digits. */
export const SCIENTIFIC_FROM = 1e15;

/** How many characters of a text a message quotes at most: enough to recognise it, too few to leak a file. */
export const EXCERPT_LENGTH = 32;

/** Returns text quoted as a message shows it: JSON-escaped (control characters included) and, when longer than
 * EXCERPT_LENGTH characters, cut there with its length said, so that a message never echoes a whole file. */
export function excerpt(text: string): string {
  if (text.length <= EXCERPT_LENGTH) return JSON.stringify(text);
  return `${JSON.stringify(`${text.slice(0, EXCERPT_LENGTH)}...`)} (${groupedCount(text.length)} characters)`;
}

/** Returns whether a number is written in scientific notation: finite, not zero, and nearer zero than SCIENTIFIC_BELOW
 * or at least SCIENTIFIC_FROM from it. */
export function isScientific(value: number): boolean {
  const size = Math.abs(value);
  return Number.isFinite(size) && size !== 0 && (size < SCIENTIFIC_BELOW || size >= SCIENTIFIC_FROM);
}

const SUPERSCRIPTS: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Returns a number in scientific notation to `digits` significant digits, trailing zeros dropped: `1.4 × 10⁻⁵²`,
 * `-2 × 10¹⁶` (a negative one with the ASCII minus, as String gives it). */
export function scientific(value: number, digits = 3): string {
  const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
  const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPTS[c]);
  return `${String(Number(mantissa))} × 10${power}`;
}

/** Returns a number as a message shows it: a whole number as it is, anything else to 3 significant digits, and one
 * very near zero or very large in scientific notation. */
export function shownNumber(value: number): string {
  if (isScientific(value)) return scientific(value);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
}

/** Returns a count with its thousands grouped, as a sentence shows it: `12,345`. */
export function groupedCount(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
}

/** Returns a number of bytes as a sentence shows it, in decimal units to 2 significant digits: `830 bytes`, `2.1 MB`,
 * `14 GB`. */
export function byteSize(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let unit = 0;
  let value = bytes;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : Number(value.toPrecision(2))} ${units[unit]}`;
}

/** Returns a share as a whole percentage with a true minus sign: `42%`, `−2%`. */
export function wholePercent(share: number): string {
  return `${Math.round(share * 100) + 0}%`.replace('-', '−');
}

/** Returns run indices as a list, the first `max` of them and how many more: `1, 2, 3` or `1, 2 and 40 more`. */
export function listedIndices(indices: readonly number[], max = 20): string {
  return indices.length <= max ? indices.join(', ') : `${indices.slice(0, max).join(', ')} and ${indices.length - max} more`;
}

/** Returns items joined as in a sentence: `a`, `a and b`, `a, b and c` (or `or` for `and`). */
export function listInWords(items: readonly string[], join: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${join} ${items[items.length - 1]}`;
}

/** Returns a text with its first letter in capitals. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
