// Chart scales: round ticks, axis tops, stacked levels, labels.
import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../src/engine/types.ts';
import { fittedYearTicks, linear, niceMax, niceTicks, stackedLevels, thinStride, tickLabel, yearTicks } from '../../src/web/chart-scale.ts';

describe('chart scales', () => {
  it('gives round ticks', () => {
    expect(niceTicks(0, 50, 3)).toEqual([0, 20, 40]);
    expect(niceTicks(0, 1, 4)).toEqual([0, 0.5, 1]);
    expect(niceTicks(0, 0.5, 3)).toEqual([0, 0.2, 0.4]);
    expect(niceTicks(0, 100, 3)).toEqual([0, 50, 100]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('rounds the top of an axis up', () => {
    expect(niceMax(47, 10)).toBe(50);
    expect(niceMax(63, 10)).toBe(100);
    expect(niceMax(3, 10)).toBe(10);
    expect(niceMax(0.26, 0.5)).toBe(0.5);
    expect(niceMax(0.51, 0.5)).toBe(1);
    expect(niceMax(6620, 10)).toBe(10000);
  });

  it('ticks whole years along a run', () => {
    expect(yearTicks(120, 12)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(yearTicks(24, 12)).toEqual([0, 1, 2]);
  });

  it('maps linearly', () => {
    const x = linear(0, 120, 40, 280);
    expect([x(0), x(60), x(120)]).toEqual([40, 160, 280]);
    expect(linear(5, 5, 0, 10)(5)).toBe(0);
  });

  it('labels shares as percentages, thousands with k, and other numbers plainly', () => {
    expect(tickLabel(0.5, true)).toBe('50%');
    expect(tickLabel(0.2, false)).toBe('0.2');
    expect(tickLabel(40, false)).toBe('40');
    expect(tickLabel(2500, false)).toBe('2.5k');
  });

  it('stacks the levels, weakest at the bottom', () => {
    const record = (levels: number[]) => ({ levels }) as unknown as StepRecord;
    const tops = stackedLevels([record([1, 2, 3, 4]), record([0, 5, 0, 1])], 4);
    expect(tops.map((t) => [...t])).toEqual([
      [1, 0],
      [3, 5],
      [6, 5],
      [10, 6],
    ]);
  });

  it('thins long series to the pixels there are', () => {
    expect(thinStride(120, 500)).toBe(1);
    expect(thinStride(10000, 500)).toBe(20);
  });
});

describe('year labels that fit their axis', () => {
  // Labels 8 px a digit (the charts' 14 px font), as the canvas would measure them.
  const width = (text: string) => 8 * text.length;
  const apart = (ticks: { year: number; x: number }[], gap: number) =>
    ticks.every((t, k) => k === 0 || t.x - width(String(t.year)) / 2 - (ticks[k - 1].x + width(String(ticks[k - 1].year)) / 2) >= gap);

  it('labels every other year where there is room', () => {
    const ticks = fittedYearTicks(120, 12, 44, 520, width);
    expect(ticks.map((t) => t.year)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks[1].x).toBeCloseTo(44 + 476 / 5);
  });

  it('labels fewer years on a narrow chart, never two touching, the last kept inside the canvas', () => {
    // A chart of the classroom at 1024x768 in "what if" mode: about 110 px of axis.
    for (const axis of [60, 80, 110, 140, 200]) {
      const ticks = fittedYearTicks(120, 12, 44, 44 + axis, width, { gap: 8, overhang: 8 });
      expect(apart(ticks, 8), `axis of ${axis} px: ${JSON.stringify(ticks)}`).toBe(true);
      expect(ticks.at(-1)!.x + width(String(ticks.at(-1)!.year)) / 2).toBeLessThanOrEqual(44 + axis + 8);
      expect(ticks.map((t) => t.year)).toContain(0);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
    }
    expect(fittedYearTicks(120, 12, 44, 104, width, { gap: 8, overhang: 8 }).map((t) => t.year)).toEqual([0, 5, 10]);
  });
});
