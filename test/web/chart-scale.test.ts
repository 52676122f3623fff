// Chart scales: round ticks, axis tops, stacked levels, labels.
import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../src/engine/types.ts';
import { linear, niceMax, niceTicks, stackedLevels, thinStride, tickLabel, yearTicks } from '../../src/web/chart-scale.ts';

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
