// Dotted keys: how a path into a scenario is written in messages and --set, and which valid key a misspelt one was meant to be.

/** Returns a path as a dotted key, with list positions in brackets: `organisations.areas[1].name`. */
export function dottedKey(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? String(segment) : `.${String(segment)}`))
    .join('');
}

/** Returns the candidate closest to a key that is not valid, or undefined when none is near. Candidates write list
 * positions as `[]`; the key's own positions are put back into the answer. A candidate that ends in the same name
 * (a key put under the wrong heading) wins; otherwise the nearest by edit distance, ignoring case, if near enough. */
export function closestKey(key: string, candidates: readonly string[]): string | undefined {
  const positions = [...key.matchAll(/\[(\d+)\]/g)].map((match) => match[1]);
  const pattern = key.replace(/\[\d+\]/g, '[]');
  const pool = candidates.filter((candidate) => candidate.split('[]').length === pattern.split('[]').length);
  const name = lastName(pattern);
  const sameName = pool.filter((candidate) => lastName(candidate) === name).sort((a, b) => depth(a) - depth(b))[0];
  let best = sameName;
  if (best === undefined) {
    let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
    for (const candidate of pool) {
      const distance = editDistance(pattern.toLowerCase(), candidate.toLowerCase());
      if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
    }
  }
  return best?.replace(/\[\]/g, () => `[${positions.shift()}]`);
}

/** Returns the optimal-string-alignment distance between two strings: insertions, deletions, substitutions and swaps of neighbours each cost 1. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function lastName(key: string): string {
  return key.split(/\.|\[\]/).pop() ?? key;
}

function depth(key: string): number {
  return key.split(/\.|\[\]/).length;
}
