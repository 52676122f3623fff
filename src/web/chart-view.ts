// The live charts: a run's time series drawn on a canvas as it grows (run A solid, the "what if" run B dashed),
// with the run's lever changes marked, over the whole length of the run so progress reads left to right.
import type { StepRecord } from '../engine/types.ts';
import { LEVEL_NAMES } from '../model/vocabulary.ts';
import { LEVER_KEYS, leverSchedule, type LeverKey, type Scenario } from '../scenario/schema.ts';
import { fittedYearTicks, linear, niceMax, niceTicks, stackedLevels, thinStride, tickLabel } from './chart-scale.ts';
import { COLORS, LEVEL_COLORS } from './style.ts';
import { LEVER_LABELS, PAGE_WORDS, twoDecimals } from './words.ts';

/** What a chart shows. */
export type ChartKind = 'active' | 'participation' | 'trust' | 'levels';

/** One run's data for the charts. */
export interface ChartRun {
  readonly timeseries: readonly StepRecord[];
  readonly scenario: Scenario;
  readonly dashed: boolean;
}

/** Returns the lever changes a run's scenario schedules after step 0 (the preset's own, and those made by moving sliders). */
export function leverChanges(scenario: Scenario): { step: number; key: LeverKey; value: number }[] {
  const changes: { step: number; key: LeverKey; value: number }[] = [];
  for (const key of LEVER_KEYS) {
    for (const entry of leverSchedule(scenario, key)) if (entry.from > 0) changes.push({ step: entry.from, key, value: entry.value });
  }
  return changes.sort((a, b) => a.step - b.step);
}

/** The margins around the plot in CSS pixels at a text scale of 1: room for the y labels on the left and the years below. */
const PAD = { left: 44, right: 10, top: 8, bottom: 22 };
const YEARS = PAGE_WORDS.years;
/** The least room between two year labels, in CSS pixels at a text scale of 1. */
const LABEL_GAP = 8;

/** A chart on a canvas. */
export class ChartView {
  readonly canvas: HTMLCanvasElement;
  readonly kind: ChartKind;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly color: string;
  private cssW = 0;
  private cssH = 0;
  private dpr = 1;
  /** How much larger than at the design size the page's text is (the root font over BASE_FONT_PX). */
  private textScale = 1;
  private pad = PAD;

  constructor(canvas: HTMLCanvasElement, kind: ChartKind, color: string) {
    this.canvas = canvas;
    this.kind = kind;
    this.color = color;
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('no 2D canvas');
    this.ctx = ctx;
  }

  /** Sets the size in CSS pixels and the text scale (its fonts and margins grow with the page's); returns whether either changed. */
  resize(width: number, height: number, dpr: number, textScale = 1): boolean {
    const w = Math.max(1, Math.floor(width));
    const h = Math.max(1, Math.floor(height));
    if (w === this.cssW && h === this.cssH && dpr === this.dpr && textScale === this.textScale) return false;
    this.cssW = w;
    this.cssH = h;
    this.dpr = dpr;
    this.textScale = textScale;
    this.pad = { left: PAD.left * textScale, right: PAD.right * textScale, top: PAD.top * textScale, bottom: PAD.bottom * textScale };
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    return true;
  }

  /** Draws the runs' series from step 1 to `steps` (the run's length), years on the x axis. */
  draw(runs: readonly ChartRun[], steps: number, stepsPerYear: number): void {
    const ctx = this.ctx;
    const w = this.cssW;
    const h = this.cssH;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = COLORS.paper;
    ctx.fillRect(0, 0, w, h);
    if (w < this.pad.left + this.pad.right + 10 || h < this.pad.top + this.pad.bottom + 10) return;
    const share = this.kind === 'participation';
    const top = this.yMax(runs);
    const x = linear(0, steps, this.pad.left, w - this.pad.right);
    const y = linear(0, top, h - this.pad.bottom, this.pad.top);
    this.drawAxes(x, y, top, share, steps, stepsPerYear);
    runs.forEach((run, r) => this.drawMarkers(run, x, r === 0));
    if (this.kind === 'levels') runs.forEach((run) => this.drawLevels(run, x, y));
    else runs.forEach((run) => this.drawLine(run, x, y));
  }

  // The chart's font at a size given at the design size.
  private font(px: number): string {
    return `${Math.round(px * this.textScale * 10) / 10}px system-ui, sans-serif`;
  }

  private yMax(runs: readonly ChartRun[]): number {
    if (this.kind === 'participation') return 1;
    let max = 0;
    for (const run of runs) {
      for (const record of run.timeseries) {
        const v = this.kind === 'active' || this.kind === 'levels' ? record.active : record.meanTrust;
        if (v > max) max = v;
      }
    }
    return this.kind === 'trust' ? Math.min(1, niceMax(max, 0.5)) : niceMax(max, 10);
  }

  private drawAxes(
    x: (v: number) => number,
    y: (v: number) => number,
    top: number,
    share: boolean,
    steps: number,
    stepsPerYear: number,
  ): void {
    const ctx = this.ctx;
    const w = this.cssW;
    const h = this.cssH;
    ctx.font = this.font(14);
    ctx.lineWidth = 1;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'right';
    for (const tick of niceTicks(0, top, 3)) {
      const ty = Math.round(y(tick)) + 0.5;
      ctx.strokeStyle = tick === 0 ? COLORS.muted : '#e1e6ec';
      ctx.beginPath();
      ctx.moveTo(this.pad.left, ty);
      ctx.lineTo(w - this.pad.right, ty);
      ctx.stroke();
      ctx.fillStyle = COLORS.muted;
      ctx.fillText(tickLabel(tick, share), this.pad.left - 5, ty);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    // As many years as fit without two labels touching; the last kept inside the canvas.
    const ticks = fittedYearTicks(steps, stepsPerYear, x(0), x(steps), (text) => ctx.measureText(text).width, {
      gap: LABEL_GAP * this.textScale,
      overhang: this.pad.right - 2,
    });
    for (const tick of ticks) ctx.fillText(String(tick.year), tick.x, h - this.pad.bottom + 4 * this.textScale);
    ctx.textAlign = 'left';
    ctx.font = this.font(12);
    ctx.fillText(YEARS, 2, h - this.pad.bottom + 5 * this.textScale);
    ctx.textAlign = 'left';
    ctx.textBaseline = 'alphabetic';
  }

  // A faint dashed line where a lever changed; on the first chart, what changed.
  private drawMarkers(run: ChartRun, x: (v: number) => number, first: boolean): void {
    const ctx = this.ctx;
    const changes = leverChanges(run.scenario);
    if (changes.length === 0) return;
    ctx.strokeStyle = run.dashed ? COLORS.runB : COLORS.faint;
    ctx.lineWidth = 1;
    ctx.setLineDash([3, 3]);
    // Labels go in the first of two rows where they do not run into the one before.
    const rowEnds = [-Infinity, -Infinity];
    for (const change of changes) {
      const mx = Math.round(x(change.step)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(mx, this.pad.top);
      ctx.lineTo(mx, this.cssH - this.pad.bottom);
      ctx.stroke();
      if (this.kind !== 'active' || !first) continue;
      const text = `${LEVER_LABELS[change.key].split(':')[0].toLowerCase()} ${twoDecimals(change.value)}`;
      ctx.font = this.font(13);
      const width = ctx.measureText(text).width;
      const row = rowEnds.findIndex((end) => mx + 3 >= end);
      if (row < 0 || mx + 3 + width > this.cssW - this.pad.right) continue;
      ctx.fillStyle = COLORS.muted;
      ctx.textBaseline = 'top';
      ctx.fillText(text, mx + 3, this.pad.top + 15 * this.textScale * row);
      ctx.textBaseline = 'alphabetic';
      rowEnds[row] = mx + 3 + width + 6;
    }
    ctx.setLineDash([]);
  }

  private drawLine(run: ChartRun, x: (v: number) => number, y: (v: number) => number): void {
    const ctx = this.ctx;
    const series = run.timeseries;
    if (series.length === 0) return;
    const value = (r: StepRecord): number =>
      this.kind === 'active' ? r.active : this.kind === 'participation' ? r.participation : r.meanTrust;
    const stride = thinStride(series.length, 2 * this.cssW);
    ctx.strokeStyle = run.dashed ? COLORS.runB : this.color;
    ctx.lineWidth = 3;
    ctx.lineJoin = 'round';
    ctx.setLineDash(run.dashed ? [8, 5] : []);
    ctx.beginPath();
    for (let i = 0; i < series.length; i += stride) lineTo(ctx, i === 0, x(series[i].step), y(value(series[i])));
    const last = series[series.length - 1];
    ctx.lineTo(x(last.step), y(value(last)));
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = run.dashed ? COLORS.runB : this.color;
    ctx.beginPath();
    ctx.arc(x(last.step), y(value(last)), 4, 0, 2 * Math.PI);
    ctx.fill();
  }

  // Run A's levels as stacked bands (weakest at the bottom); run B's as dashed band tops over them.
  private drawLevels(run: ChartRun, x: (v: number) => number, y: (v: number) => number): void {
    const ctx = this.ctx;
    const series = run.timeseries;
    if (series.length === 0) return;
    const tops = stackedLevels(series, LEVEL_NAMES.length);
    const stride = thinStride(series.length, 2 * this.cssW);
    const picks: number[] = [];
    for (let i = 0; i < series.length; i += stride) picks.push(i);
    if (picks[picks.length - 1] !== series.length - 1) picks.push(series.length - 1);
    for (let k = LEVEL_NAMES.length - 1; k >= 0; k--) {
      ctx.beginPath();
      picks.forEach((i, n) => lineTo(ctx, n === 0, x(series[i].step), y(tops[k][i])));
      if (!run.dashed) {
        for (let n = picks.length - 1; n >= 0; n--) ctx.lineTo(x(series[picks[n]].step), y(k === 0 ? 0 : tops[k - 1][picks[n]]));
        ctx.closePath();
        ctx.fillStyle = LEVEL_COLORS[k];
        ctx.fill();
      } else {
        ctx.strokeStyle = COLORS.runB;
        ctx.lineWidth = k === LEVEL_NAMES.length - 1 ? 3 : 1.5;
        ctx.setLineDash([7, 4]);
        ctx.stroke();
        ctx.setLineDash([]);
      }
    }
  }
}

function lineTo(ctx: CanvasRenderingContext2D, first: boolean, px: number, py: number): void {
  if (first) ctx.moveTo(px, py);
  else ctx.lineTo(px, py);
}
