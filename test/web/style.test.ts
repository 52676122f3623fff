// The classroom's colours: run B's purple belongs to run B alone, so that in "what if" mode no line of run A reads as B's.
import { describe, expect, it } from 'vitest';
import { COLORS, SERIES_COLORS } from '../../src/web/style.ts';

/** Returns the distance between two #rrggbb colours in RGB space (0 to 441). */
function distance(p: string, q: string): number {
  const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const [a, b] = [rgb(p), rgb(q)];
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe('the classroom colours', () => {
  it("keep run A's series well away from run B's purple", () => {
    for (const [series, colour] of Object.entries(SERIES_COLORS)) expect(distance(colour, COLORS.runB), series).toBeGreaterThan(100);
  });
});
