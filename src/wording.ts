// Wording shared by the messages of every stage: numbers, shares, lists and capitals as a sentence shows them.
// A leaf that imports nothing, so the browser (the classroom page) may use it as the command line does.

/** Returns a number as a message shows it: a whole number as it is, anything else to 3 significant digits. */
export function shownNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(3)));
}

/** Returns a count with its thousands grouped, as a sentence shows it: `12,345`. */
export function groupedCount(n: number): string {
  return new Intl.NumberFormat('en-GB').format(n);
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
