// Scales of the live charts: round tick values, the upper end of an axis, the stacked levels, and tick labels.
// Pure, so that what the charts show can be tested without a canvas.
import type { StepRecord } from '../engine/types.ts';

/** Returns about `count` round tick values (1, 2 or 5 times a power of ten apart) from `min` to at least `max`. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9)) ?? 10 * power;
  const ticks: number[] = [];
  const first = Math.ceil(min / step - 1e-9) * step;
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(round(v, step));
  return ticks;
}

// Removes the float noise that repeated addition leaves (0.30000000000000004).
function round(value: number, step: number): number {
  const places = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number(value.toFixed(places));
}

/** Returns the top of an axis that starts at 0: the least round value (1, 2, 2.5 or 5 times a power of ten) at or above `max`, at least `floor`. */
export function niceMax(max: number, floor = 1): number {
  const target = Math.max(max, floor);
  const power = 10 ** Math.floor(Math.log10(target));
  const m = [1, 2, 2.5, 5, 10].find((f) => f * power >= target * (1 - 1e-9)) ?? 10;
  return m * power;
}

/** Returns the x ticks of a run's axis in years: whole years, about `count` of them, up to the run's length. */
export function yearTicks(steps: number, stepsPerYear: number, count = 5): number[] {
  const years = steps / stepsPerYear;
  return niceTicks(0, years, count).filter((y) => Number.isInteger(y) || years < 2);
}

/**
 * Returns the years to label along an axis drawn from x0 to x1 (pixels) over a run, each with where its label's centre
 * goes: the most of yearTicks' choices, from about `count` down to the run's two ends, whose labels (`width(text)`
 * wide, centred on their tick but kept within `overhang` of the axis's ends) leave `gap` pixels between each other.
 */
export function fittedYearTicks(
  steps: number,
  stepsPerYear: number,
  x0: number,
  x1: number,
  width: (text: string) => number,
  { count = 5, gap = 8, overhang = 0 }: { count?: number; gap?: number; overhang?: number } = {},
): { year: number; x: number }[] {
  let placed: { year: number; x: number; w: number }[] = [];
  for (let c = count; c >= 1; c--) {
    placed = yearTicks(steps, stepsPerYear, c).map((year) => {
      const w = width(String(year));
      const centre = steps > 0 ? x0 + ((x1 - x0) * year * stepsPerYear) / steps : x0;
      return { year, w, x: Math.max(x0 - overhang + w / 2, Math.min(x1 + overhang - w / 2, centre)) };
    });
    if (placed.every((t, k) => k === 0 || t.x - t.w / 2 - (placed[k - 1].x + placed[k - 1].w / 2) >= gap)) break;
  }
  return placed.map(({ year, x }) => ({ year, x }));
}

/** Returns a linear map from [d0, d1] to [r0, r1]. */
export function linear(d0: number, d1: number, r0: number, r1: number): (value: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** Returns a tick label: a share as a percentage, thousands as "k", otherwise the number with no trailing zeros. */
export function tickLabel(value: number, share: boolean): string {
  if (share) return `${Math.round(value * 100)}%`;
  if (Math.abs(value) >= 1000) return `${Number((value / 1000).toFixed(1))}k`;
  return Number(value.toFixed(2)).toString();
}

/** Returns, for the levels chart, the running totals of partnerships at each level: row k is the top of level k's band. */
export function stackedLevels(records: readonly StepRecord[], levels: number): Float64Array[] {
  const tops = Array.from({ length: levels }, () => new Float64Array(records.length));
  records.forEach((record, s) => {
    let total = 0;
    for (let k = 0; k < levels; k++) {
      total += record.levels[k] ?? 0;
      tops[k][s] = total;
    }
  });
  return tops;
}

/** Returns the stride at which to draw a series of `length` points so that at most about `budget` are drawn (the last is always drawn too). */
export function thinStride(length: number, budget: number): number {
  return length <= budget ? 1 : Math.ceil(length / Math.max(1, budget));
}
