// The network view: one run's organisations on a canvas, laid out by area, with ties whose thickness follows trust,
// partnerships as green rings around their members and green ties between them (darker = further along the
// continuum; an area-wide partnership's core so, its wider members with a light dashed ring and its area's frame in its
// colour), the members of each multi-academy trust outlined in their trust's colour, and what changed since the last step animated: new ties fade in, broken ties flash red and fade out,
// partnerships forming and dissolving pulse. Drawing reads the run's latest picture (picture.ts), sent by the model's
// worker; the page never holds the world.
//
// What changes only with a step is drawn into two pictures kept off screen (below: areas and settled ties; above:
// rings and organisations), redrawn at most every LAYER_MS; each frame puts them on the canvas with the animations
// between and over them. A large world (isLarge) is drawn coarser, as fast as a frame needs at that scale: no fading,
// as many ties as the view has room for (strongestTiesFloor), its organisations as squares written into the pixels.
import { LEVEL_NAMES } from '../model/vocabulary.ts';
import { ORG_KINDS } from '../scenario/schema.ts';
import type { Selection } from './details.ts';
import type { ShownRun } from './model-client.ts';
import { RINGS, tiesOf, type Picture } from './picture.ts';
import type { Focus } from './protocol.ts';
import { centroid, convexHull, distanceToSegment, paddedHullArcs, type HullArc, type Point } from './geometry.ts';
import { layoutNetwork, nodeAt, nodeBase, type NetworkLayout } from './layout.ts';
import { addShape, KIND_SHAPES } from './shapes.ts';
import { COLORS, KIND_COLORS, LEVEL_COLORS, TRUST_COLORS } from './style.ts';
import { TieTracker } from './tie-tracker.ts';
import { KIND_WORDS, areaStatsWords, partnershipName } from './words.ts';

const TRUST_BUCKETS = 6;
const FADE_BUCKETS = 4;
const CATEGORIES = 1 + LEVEL_NAMES.length; // a tie in no partnership, or in one at each level
const BUCKETS = 2 * CATEGORIES * TRUST_BUCKETS * FADE_BUCKETS;
const PULSES = 64;
const DYING_BANDS = 4;
/** Most shapes in one canvas path. */
const PATH_PART = 256;

// Canvas paths slow down as they grow (each closePath looks back over the path): a path of many shapes is drawn in parts
// of PATH_PART, `draw` (a stroke, or a fill and a stroke) ending each. Call added() after each shape and end() after the last.
export class PathInParts {
  private shapes = 0;
  constructor(
    private readonly ctx: CanvasRenderingContext2D,
    private readonly draw: (ctx: CanvasRenderingContext2D) => void,
  ) {
    ctx.beginPath();
  }
  added(): void {
    if (++this.shapes < PATH_PART) return;
    this.draw(this.ctx);
    this.ctx.beginPath();
    this.shapes = 0;
  }
  end(): void {
    if (this.shapes > 0) this.draw(this.ctx);
  }
}
export const strokePath = (ctx: CanvasRenderingContext2D) => ctx.stroke();
export const fillAndStrokePath = (ctx: CanvasRenderingContext2D) => {
  ctx.fill();
  ctx.stroke();
};
/** Least time between redrawings of the off-screen pictures, in ms (they change with steps, up to 60 a second), and in large worlds. */
const LAYER_MS = 45;
const LAYER_MS_LARGE = 1000;
/** In a large world, how many square pixels of the view each tie drawn needs at least: at a national scale on one
 * screen the weaker ties would only grey the map (and drawing them all takes most of a frame). */
const PX_PER_TIE = 25;
const FLOOR_BINS = 64;
/** How long a dissolving partnership flashes and an event pulses, in ms, at most: at speed, a few steps' time. */
const FLASH_MS = 1300;
const PULSE_MS = 1000;
const FLASH_STEPS = 6;

/** Worlds this large are drawn without per-tie animation, and with their strongest informal ties only. */
function isLarge(orgs: number, ties: number): boolean {
  return orgs > 3000 || ties > 15000;
}

/** A canvas showing one run's network. */
export class NetworkView {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private run: ShownRun | null = null;
  /** The picture drawn: the run's latest, taken in by sync. */
  private shown: Picture | null = null;
  /** What the worker said of the selection (a partnership's members, core and ties), and the selected organisation's ties. */
  private focus: Focus | null = null;
  private orgTies: number[] = [];
  private layout: NetworkLayout | null = null;
  private readonly tracker = new TieTracker();
  private cssW = 0;
  private cssH = 0;
  private dpr = 1;
  private scale = 1;
  /** How much larger than at the design size the page's text is (the root font over BASE_FONT_PX). */
  private textScale = 1;
  private eventsSeen = 0;
  private large = false;
  private below: HTMLCanvasElement | null = null;
  private above: HTMLCanvasElement | null = null;
  private layersDirty = true;
  /** When the pictures were last drawn: ties born after this less the fade-in time are not in them yet. */
  private layerTime = -Infinity;
  /** When the next tie fading in will have settled (then it belongs in the picture below). */
  private settleAt = Infinity;
  // Per step: the highest level of a partnership holding each tie (-1: none) and which one; each organisation's rings.
  private involved = new Uint8Array(0);
  private focused = false;
  /** The least rank of a tie that is drawn (tieRank; 0 but in a large world). */
  private tieFloor = 0;
  // Per frame scratch for drawing ties by style: each tie's bucket, then ties ordered by bucket.
  private bucketOf = new Uint16Array(0);
  private order = new Int32Array(0);
  private readonly counts = new Uint32Array(BUCKETS + 1);
  // Pulses where partnerships formed, dissolved or changed: a ring of PULSES.
  private readonly pulseX = new Float64Array(PULSES);
  private readonly pulseY = new Float64Array(PULSES);
  private readonly pulseR = new Float64Array(PULSES);
  private readonly pulseAt = new Float64Array(PULSES).fill(-Infinity);
  private readonly pulseColor: string[] = new Array<string>(PULSES).fill(COLORS.broken);
  private pulseNext = 0;
  private flashes: { arcs: HullArc[]; at: number }[] = [];
  private selectedHull: HullArc[] | null = null;
  selection: Selection | null = null;
  hover = -1;
  private flashMs = FLASH_MS;
  private pulseMs = PULSE_MS;
  /** How many times LAYER_MS apart the pictures are redrawn at most: 2 when two views share the frame. */
  layerSlowdown = 1;

  constructor(canvas: HTMLCanvasElement) {
    this.canvas = canvas;
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) throw new Error('no 2D canvas');
    this.ctx = ctx;
  }

  /** Shows a run (a new one: its ties are taken as there from the start). */
  attach(run: ShownRun, now: number): void {
    this.run = run;
    this.shown = null;
    this.tracker.clear();
    this.flashes = [];
    this.pulseAt.fill(-Infinity);
    this.eventsSeen = run.events.length;
    this.layout = null;
    this.sync(now, true);
  }

  /** Sets the canvas size in CSS pixels, the device pixel ratio and the text scale (labels grow with the page's text). */
  resize(width: number, height: number, dpr: number, textScale = 1): void {
    const w = Math.max(1, Math.floor(width));
    const h = Math.max(1, Math.floor(height));
    if (w === this.cssW && h === this.cssH && dpr === this.dpr && textScale === this.textScale) return;
    this.cssW = w;
    this.cssH = h;
    this.dpr = dpr;
    this.textScale = textScale;
    this.canvas.width = Math.round(w * dpr);
    this.canvas.height = Math.round(h * dpr);
    this.below = null;
    this.above = null;
    this.relayout();
  }

  private relayout(): void {
    const shown = this.shown;
    if (!this.run || !shown || this.cssW < 2 || this.cssH < 2) return;
    this.layout = layoutNetwork(shown, shown.areaCount, this.cssW, this.cssH, this.textScale, this.run.positions);
    const counts = new Array<number>(shown.areaCount).fill(0);
    for (let i = 0; i < shown.n; i++) counts[shown.area[i]]++;
    const cell = this.layout.cells[0];
    const base = cell ? nodeBase(cell.inner.w, cell.inner.h, Math.max(...counts)) : 4;
    this.scale = Math.min(1.3, Math.max(0.3, base / 6));
    this.updateTieFloor();
    this.updateSelectionCaches();
    this.layersDirty = true;
  }

  /** Takes in the run's latest picture after steps were taken (or a new run, with `initial`): ties born and broken,
   * pulses for the new events. */
  sync(now: number, initial = false): void {
    const run = this.run;
    const shown = run?.picture;
    if (!run || !shown) return;
    const first = this.shown === null;
    this.shown = shown;
    this.large = isLarge(shown.n, shown.tieCount);
    const ties = { count: shown.tieCount, a: shown.tieA, b: shown.tieB, alive: shown.tieAlive, trust: shown.tieTrust };
    this.tracker.sync(ties, shown.n, now, initial || this.large);
    if (this.bucketOf.length < shown.tieCount) {
      this.bucketOf = new Uint16Array(shown.tieCount);
      this.order = new Int32Array(shown.tieCount);
    }
    if (first || !this.layout) this.relayout();
    this.updateTieFloor();
    if (!initial) this.pulseEvents(now);
    this.eventsSeen = run.events.length;
    this.updateSelectionCaches();
    this.layersDirty = true;
  }

  // In a large world, as many ties as the view's size allows: those inside partnerships first, the strongest first.
  private updateTieFloor(): void {
    const shown = this.shown;
    this.tieFloor = shown && this.large ? strongestTiesFloor(shown, Math.floor((this.cssW * this.cssH) / PX_PER_TIE)) : 0;
  }

  /** Sets what the worker said of the selection (a partnership's members, core and ties). */
  setFocus(focus: Focus | null): void {
    this.focus = focus;
    this.updateSelectionCaches();
    this.layersDirty = true;
  }

  private pulseEvents(now: number): void {
    const run = this.run;
    const layout = this.layout;
    if (!run || !layout) return;
    const events = run.events;
    const from = Math.max(this.eventsSeen, events.length - PULSES);
    const s = this.scale;
    for (let k = from; k < events.length; k++) {
      const e = events[k];
      // Members joining and leaving are too many to pulse; the rings around them show it.
      if (e.kind === 'joined' || e.kind === 'left' || (this.large && e.kind !== 'formed' && e.kind !== 'dissolved')) continue;
      const at = this.centreOf(
        e.kind === 'strengthened' || e.kind === 'weakened' ? (run.eventMembers.get(e.partnership) ?? []) : e.organisations,
      );
      switch (e.kind) {
        case 'formed':
          this.pulse(at, 34 * s, LEVEL_COLORS[2], now);
          break;
        case 'strengthened':
          this.pulse(at, 24 * s, LEVEL_COLORS[3], now);
          break;
        case 'weakened':
          this.pulse(at, 24 * s, '#d99500', now);
          break;
        case 'dissolved':
          this.pulse(at, 40 * s, COLORS.broken, now);
          this.flashes.push({
            arcs: paddedHullArcs(convexHull(e.organisations.map((i) => ({ x: layout.px[i], y: layout.py[i] })))),
            at: now,
          });
          break;
      }
    }
    this.flashes = this.flashes.filter((f) => now - f.at < this.flashMs).slice(-24);
  }

  private centreOf(members: readonly number[]): Point {
    const layout = this.layout;
    if (!layout || members.length === 0) return { x: 0, y: 0 };
    return centroid(members.map((i) => ({ x: layout.px[i], y: layout.py[i] })));
  }

  private pulse(at: Point, radius: number, color: string, now: number): void {
    const k = this.pulseNext;
    this.pulseX[k] = at.x;
    this.pulseY[k] = at.y;
    this.pulseR[k] = radius;
    this.pulseAt[k] = now;
    this.pulseColor[k] = color;
    this.pulseNext = (k + 1) % PULSES;
  }

  /** Sets what is selected (an organisation is highlighted in every view, a partnership only in its own run's). */
  select(selection: Selection | null): void {
    this.selection = selection;
    this.updateSelectionCaches();
    this.layersDirty = true;
  }

  /** Sets the speed of play (steps per second), which shortens the animations when fast. */
  setPace(stepsPerSecond: number): void {
    this.tracker.setPace(stepsPerSecond);
    const steps = (FLASH_STEPS * 1000) / Math.max(1, stepsPerSecond);
    this.flashMs = Math.min(FLASH_MS, steps);
    this.pulseMs = Math.min(PULSE_MS, steps);
  }

  /** Sets the organisation under the pointer (-1 for none). */
  setHover(org: number): void {
    this.hover = org;
  }

  // Which organisations the selection involves (the rest are drawn faint), and the selected partnership's hull.
  private updateSelectionCaches(): void {
    const run = this.run;
    const shown = this.shown;
    const layout = this.layout;
    this.selectedHull = null;
    this.focused = false;
    this.orgTies = [];
    if (!run || !shown || !layout) return;
    if (this.involved.length !== shown.n) this.involved = new Uint8Array(shown.n);
    this.involved.fill(0);
    const sel = this.selection;
    if (!sel) return;
    if (sel.kind === 'org' && sel.org < shown.n) {
      this.focused = true;
      this.involved[sel.org] = 1;
      this.orgTies = tiesOf(shown, sel.org);
      for (const slot of this.orgTies) this.involved[shown.tieA[slot] === sel.org ? shown.tieB[slot] : shown.tieA[slot]] = 1;
    } else if (sel.kind === 'partnership' && sel.run === run.id) {
      const focus = this.focusOn(sel);
      if (!focus) return;
      this.focused = true;
      for (const i of focus.members) this.involved[i] = 1;
      // An area-wide partnership's hull is its core's: its wider membership may be the whole area.
      this.selectedHull = paddedHullArcs(convexHull(focus.core.map((i) => ({ x: layout.px[i], y: layout.py[i] }))));
    } else if (sel.kind === 'tie' && sel.a < shown.n && sel.b < shown.n) {
      this.focused = true;
      this.involved[sel.a] = 1;
      this.involved[sel.b] = 1;
    }
  }

  // The worker's word on a selected partnership, once it has caught up with the selection.
  private focusOn(sel: Extract<Selection, { kind: 'partnership' }>): Focus | null {
    const f = this.focus;
    const of = f?.selection;
    return f && of?.kind === 'partnership' && of.run === sel.run && of.id === sel.id && f.members.length > 0 ? f : null;
  }

  /** Returns what is at a point of the canvas (CSS pixels): an organisation, else a partnership whose tie is there, else a tie. */
  hit(x: number, y: number): Selection | null {
    const run = this.run;
    const layout = this.layout;
    if (!run || !layout) return null;
    const org = nodeAt(layout, x, y, 5);
    if (org >= 0) return { kind: 'org', run: run.id, org };
    const shown = this.shown;
    if (!shown) return null;
    let best = -1;
    let bestD = 7;
    for (let slot = 0; slot < shown.tieCount; slot++) {
      if (shown.tieAlive[slot] === 0) continue;
      const a = shown.tieA[slot];
      const b = shown.tieB[slot];
      // Ties inside a partnership win a near tie: they are what a click on a green line means.
      const d = distanceToSegment(x, y, layout.px[a], layout.py[a], layout.px[b], layout.py[b]) - (shown.tieLevel[slot] >= 0 ? 2 : 0);
      if (d < bestD) {
        bestD = d;
        best = slot;
      }
    }
    if (best < 0) return null;
    if (shown.tieLevel[best] >= 0) return { kind: 'partnership', run: run.id, id: shown.tiePartnership[best] };
    return { kind: 'tie', run: run.id, a: shown.tieA[best], b: shown.tieB[best] };
  }

  /** Returns where an organisation is drawn, in CSS pixels of the canvas, or null. */
  nodePosition(org: number): Point | null {
    const layout = this.layout;
    return layout && org >= 0 && org < layout.px.length ? { x: layout.px[org], y: layout.py[org] } : null;
  }

  /** Returns the colour of the outline an organisation is drawn with: its trust's, or null outside a trust. */
  trustColourOf(org: number): string | null {
    const shown = this.shown;
    if (!shown || org < 0 || org >= shown.n) return null;
    const t = shown.trust[org];
    return t >= 0 ? TRUST_COLORS[shown.trustColours[t]] : null;
  }

  /** Returns the organisation under a point, or -1. */
  orgAt(x: number, y: number): number {
    return this.layout ? nodeAt(this.layout, x, y, 5) : -1;
  }

  /** Draws a frame at time `now` (ms); the off-screen pictures are redrawn only if `mayRedraw` (so that two views can
   * take turns). Returns whether they were. */
  draw(now: number, mayRedraw = true): boolean {
    const ctx = this.ctx;
    const layout = this.layout;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.globalAlpha = 1;
    if (!this.shown || !layout) {
      ctx.fillStyle = COLORS.paper;
      ctx.fillRect(0, 0, this.cssW, this.cssH);
      return false;
    }
    if (now >= this.settleAt) this.layersDirty = true;
    const due = this.layersDirty && mayRedraw && now - this.layerTime >= (this.large ? LAYER_MS_LARGE : LAYER_MS) * this.layerSlowdown;
    const redraw = !this.below || !this.above || due;
    if (redraw) this.drawLayers(now);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.below) ctx.drawImage(this.below, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.drawFlashes(ctx, now);
    if (!this.large) {
      this.drawTies(ctx, now, false);
      this.drawDying(ctx, now);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    if (this.above) ctx.drawImage(this.above, 0, 0);
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.drawPulses(ctx, now);
    this.drawHighlights(ctx);
    return redraw;
  }

  // The pictures that change only with steps, selection and size: below, areas, the selected hull and the ties that have
  // faded in; above (transparent), the rings and the organisations.
  private drawLayers(now: number): void {
    const make = (): HTMLCanvasElement => {
      const layer = document.createElement('canvas');
      layer.width = this.canvas.width;
      layer.height = this.canvas.height;
      return layer;
    };
    this.below ??= make();
    this.above ??= make();
    const below = this.below.getContext('2d', { alpha: false });
    const above = this.above.getContext('2d');
    if (!below || !above) return;
    this.layerTime = now;
    this.layersDirty = false;
    below.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    below.globalAlpha = 1;
    below.fillStyle = COLORS.paper;
    below.fillRect(0, 0, this.cssW, this.cssH);
    this.drawAreas(below);
    this.drawHull(below);
    this.settleAt = this.drawTies(below, now, true);
    above.setTransform(1, 0, 0, 1, 0, 0);
    above.clearRect(0, 0, this.above.width, this.above.height);
    above.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    if (this.large) this.drawSquares(above);
    else {
      this.drawRings(above);
      this.drawNodes(above);
    }
  }

  private drawAreas(ctx: CanvasRenderingContext2D): void {
    const run = this.run as ShownRun;
    const shown = this.shown as Picture;
    const layout = this.layout as NetworkLayout;
    ctx.lineWidth = 1;
    layout.cells.forEach((cell, a) => {
      ctx.fillStyle = COLORS.area;
      ctx.strokeStyle = COLORS.areaLine;
      roundRect(ctx, cell.x, cell.y, cell.w, cell.h, Math.min(8, cell.w / 8));
      ctx.fill();
      // An area with an area-wide partnership is framed in its level's colour.
      const wide = shown.areaWide[a] ?? -1;
      ctx.lineWidth = wide >= 0 ? Math.max(1.5, Math.min(3, cell.w / 60)) : 1;
      if (wide >= 0) ctx.strokeStyle = LEVEL_COLORS[wide];
      ctx.stroke();
      ctx.lineWidth = 1;
      if (cell.band === 0) return;
      const big = cell.band >= 28 * this.textScale;
      ctx.fillStyle = COLORS.ink;
      ctx.font = `700 ${(big ? 17 : 11) * this.textScale}px system-ui, sans-serif`;
      ctx.textBaseline = 'middle';
      const name = run.areaNames[a] ?? '';
      const y = cell.y + cell.band / 2 + 1;
      ctx.fillText(name, cell.x + 8, y, cell.w - 16);
      if (!big) return;
      const nameWidth = ctx.measureText(name).width;
      const stats = areaStatsWords(shown.areaActive[a], shown.areaSize[a] > 0 ? shown.areaIn[a] / shown.areaSize[a] : 0);
      ctx.font = `${15 * this.textScale}px system-ui, sans-serif`;
      ctx.fillStyle = COLORS.muted;
      // Only where it fits, or nearly (squeezed by a tenth at most): squeezed further it is hard to read on a projector.
      const room = cell.w - 16 - nameWidth - 12;
      if (ctx.measureText(stats).width <= 1.1 * room) ctx.fillText(stats, cell.x + 8 + nameWidth + 12, y, room);
    });
  }

  private drawHull(ctx: CanvasRenderingContext2D): void {
    if (!this.selectedHull) return;
    const pad = 14 * this.scale + 6;
    hullPath(ctx, this.selectedHull, pad);
    ctx.globalAlpha = 0.22;
    ctx.fillStyle = LEVEL_COLORS[1];
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = LEVEL_COLORS[3];
    ctx.setLineDash([7, 5]);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  private drawFlashes(ctx: CanvasRenderingContext2D, now: number): void {
    const pad = 12 * this.scale + 5;
    for (const flash of this.flashes) {
      // A frame's time can precede a flash made by a step taken outside the frame (a button, the keyboard): not begun yet.
      const left = 1 - (now - flash.at) / this.flashMs;
      if (left <= 0 || left > 1) continue;
      hullPath(ctx, flash.arcs, pad + (1 - left) * 10);
      ctx.globalAlpha = 0.15 * left;
      ctx.fillStyle = COLORS.broken;
      ctx.fill();
      ctx.globalAlpha = left;
      ctx.lineWidth = 3;
      ctx.strokeStyle = COLORS.broken;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  // Ties, in batches of one style each (a counting sort of the ties by style): for the picture below (`settled`), the ties
  // that have faded in, returning when the next one still fading will have; otherwise the ties not yet in that picture,
  // as far as they have faded in now.
  private drawTies(ctx: CanvasRenderingContext2D, now: number, settled: boolean): number {
    const run = this.run as ShownRun;
    const layout = this.layout as NetworkLayout;
    const picture = this.shown as Picture;
    const ties = { count: picture.tieCount, a: picture.tieA, b: picture.tieB, alive: picture.tieAlive };
    const tieLevel = picture.tieLevel;
    const shown = this.tracker.shown;
    const counts = this.counts;
    const bucketOf = this.bucketOf;
    const focused = this.focused;
    const involved = this.involved;
    const sel = this.selection;
    const selPartnership = sel && sel.kind === 'partnership' && sel.run === run.id ? sel.id : -1;
    const born = this.tracker.born;
    const fadeMs = this.tracker.fadeInMs;
    const inLayer = this.layerTime - fadeMs;
    let settleAt = Infinity;
    counts.fill(0);
    for (let slot = 0; slot < ties.count; slot++) {
      const fading = !this.large && born[slot] > inLayer;
      if (ties.alive[slot] === 0 || fading === settled) {
        if (settled && fading && ties.alive[slot] === 1) settleAt = Math.min(settleAt, born[slot] + fadeMs);
        bucketOf[slot] = BUCKETS;
        continue;
      }
      const level = tieLevel[slot];
      if ((level >= 0 ? 1 : 0) + shown[slot] < this.tieFloor) {
        bucketOf[slot] = BUCKETS;
        continue;
      }
      const trust = Math.min(TRUST_BUCKETS - 1, Math.max(0, Math.floor(shown[slot] * TRUST_BUCKETS)));
      const fade = settled ? FADE_BUCKETS - 1 : Math.min(FADE_BUCKETS - 1, Math.floor(this.tracker.fadeIn(slot, now) * FADE_BUCKETS));
      let faint = 0;
      if (focused) {
        if (selPartnership >= 0) faint = +!(level >= 0 && involved[ties.a[slot]] === 1 && involved[ties.b[slot]] === 1);
        else
          faint = +!(
            involved[ties.a[slot]] === 1 &&
            involved[ties.b[slot]] === 1 &&
            (sel?.kind !== 'org' || ties.a[slot] === sel.org || ties.b[slot] === sel.org)
          );
      }
      const bucket = (((1 - faint) * CATEGORIES + (level + 1)) * TRUST_BUCKETS + trust) * FADE_BUCKETS + fade;
      bucketOf[slot] = bucket;
      counts[bucket + 1]++;
    }
    for (let b = 1; b <= BUCKETS; b++) counts[b] += counts[b - 1];
    // counts[b] is now where bucket b starts in `order`.
    const order = this.order;
    for (let slot = 0; slot < ties.count; slot++) {
      const b = bucketOf[slot];
      if (b < BUCKETS) order[counts[b]++] = slot;
    }
    // After filling, counts[b] is where bucket b ends; it started where bucket b - 1 ended.
    const s = this.scale;
    const px = layout.px;
    const py = layout.py;
    ctx.lineCap = 'butt';
    for (let b = 0; b < BUCKETS; b++) {
      const start = b === 0 ? 0 : counts[b - 1];
      const end = counts[b];
      if (end <= start) continue;
      const fade = b % FADE_BUCKETS;
      const trust = Math.floor(b / FADE_BUCKETS) % TRUST_BUCKETS;
      const category = Math.floor(b / (FADE_BUCKETS * TRUST_BUCKETS)) % CATEGORIES;
      const bright = Math.floor(b / (FADE_BUCKETS * TRUST_BUCKETS * CATEGORIES));
      const t = (trust + 0.5) / TRUST_BUCKETS;
      const inPartnership = category > 0;
      ctx.strokeStyle = inPartnership ? LEVEL_COLORS[category - 1] : COLORS.tie;
      ctx.lineWidth = s * (inPartnership ? 0.9 + 3.2 * t : 0.5 + 2.4 * t);
      ctx.globalAlpha = (inPartnership ? 0.3 + 0.6 * t : 0.1 + 0.45 * t) * ((fade + 1) / FADE_BUCKETS) * (bright ? 1 : 0.15);
      ctx.beginPath();
      for (let k = start; k < end; k++) {
        const slot = order[k];
        const a = ties.a[slot];
        const c = ties.b[slot];
        ctx.moveTo(px[a], py[a]);
        ctx.lineTo(px[c], py[c]);
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    return settleAt;
  }

  // Broken ties in red, thick as they break and fading out: drawn in a few bands of how much is left, one path each.
  private drawDying(ctx: CanvasRenderingContext2D, now: number): void {
    const layout = this.layout as NetworkLayout;
    const tracker = this.tracker;
    const n = layout.px.length;
    ctx.strokeStyle = COLORS.broken;
    ctx.lineCap = 'butt';
    for (let band = 0; band < DYING_BANDS; band++) {
      let any = false;
      ctx.beginPath();
      for (let k = 0; k < tracker.dyingAt.length; k++) {
        const left = tracker.dyingLeft(k, now);
        if (left <= 0 || Math.min(DYING_BANDS - 1, Math.floor(left * DYING_BANDS)) !== band) continue;
        const a = tracker.dyingA[k];
        const b = tracker.dyingB[k];
        if (a >= n || b >= n) continue;
        ctx.moveTo(layout.px[a], layout.py[a]);
        ctx.lineTo(layout.px[b], layout.py[b]);
        any = true;
      }
      if (!any) continue;
      const left = (band + 1) / DYING_BANDS;
      ctx.globalAlpha = 0.9 * left;
      ctx.lineWidth = this.scale * 1.5 + 2 * left;
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  // A large world's organisations as filled squares, a few pixels each at that scale, where shapes and rings could not be
  // told apart and would take most of a frame to draw: written straight into the picture's pixels, outermost first — a
  // wider membership's light square, each partnership's level as a square frame, the trust's colour as a thin frame,
  // then the organisation in its kind's colour and a white dot for a trust based elsewhere.
  private drawSquares(ctx: CanvasRenderingContext2D): void {
    const layout = this.layout as NetworkLayout;
    const shown = this.shown as Picture;
    const { rings, wider, trust, trustColours, kind, elsewhere } = shown;
    const { width, height } = ctx.canvas;
    const image = ctx.createImageData(width, height);
    const pixels = new Uint32Array(image.data.buffer);
    const dpr = this.dpr;
    const n = shown.n;
    const s = this.scale;
    let colour = 0;
    const square = (i: number, half: number) => {
      const x0 = Math.max(0, Math.round((layout.px[i] - half) * dpr));
      const y0 = Math.max(0, Math.round((layout.py[i] - half) * dpr));
      const x1 = Math.min(width, Math.max(x0 + 1, Math.round((layout.px[i] + half) * dpr)));
      const y1 = Math.min(height, Math.max(y0 + 1, Math.round((layout.py[i] + half) * dpr)));
      for (let y = y0; y < y1; y++) pixels.fill(colour, y * width + x0, y * width + x1);
    };
    const paint = (hex: string, alpha: number) => {
      colour = rgba(hex, alpha);
    };
    for (let pass = 0; pass < 2; pass++) {
      const faint = pass === 0;
      if (faint && !this.focused) continue;
      const skip = (i: number) => this.focused && (this.involved[i] === 1) === faint;
      const alpha = faint ? 0.25 : 1;
      for (let level = 0; level < LEVEL_COLORS.length; level++) {
        paint(LEVEL_COLORS[level], alpha * 0.5);
        for (let i = 0; i < n; i++) if (wider[i] === level && !skip(i)) square(i, layout.r[i] + s * (2.6 + 3 * RINGS));
      }
      for (let k = RINGS - 1; k >= 0; k--) {
        for (let level = 0; level < LEVEL_COLORS.length; level++) {
          paint(LEVEL_COLORS[level], alpha);
          for (let i = 0; i < n; i++) if (rings[i * RINGS + k] === level && !skip(i)) square(i, layout.r[i] + s * (2.6 + 3 * k) + 0.6);
        }
        // The gap inside each frame: the paper, so that a frame reads as a ring.
        paint(COLORS.paper, alpha);
        for (let i = 0; i < n; i++) if (rings[i * RINGS + k] >= 0 && !skip(i)) square(i, layout.r[i] + s * (2.6 + 3 * k) + 0.6 - 1 / dpr);
      }
      for (let c = 0; c < TRUST_COLORS.length; c++) {
        paint(TRUST_COLORS[c], alpha);
        for (let i = 0; i < n; i++) if (trust[i] >= 0 && trustColours[trust[i]] === c && !skip(i)) square(i, layout.r[i] * 0.886 + 1 / dpr);
      }
      for (let k = 0; k < ORG_KINDS.length; k++) {
        paint(KIND_COLORS[k], alpha);
        for (let i = 0; i < n; i++) if (kind[i] === k && !skip(i)) square(i, layout.r[i] * 0.886);
      }
      paint(COLORS.paper, alpha);
      for (let i = 0; i < n; i++) if (elsewhere[i] === 1 && !skip(i)) square(i, layout.r[i] * 0.3);
    }
    ctx.putImageData(image, 0, 0);
  }

  private drawRings(ctx: CanvasRenderingContext2D): void {
    const layout = this.layout as NetworkLayout;
    const rings = (this.shown as Picture).rings;
    const n = layout.px.length;
    const s = this.scale;
    ctx.lineWidth = Math.max(1, 2.4 * s);
    for (let pass = 0; pass < 2; pass++) {
      const faint = pass === 0;
      if (faint && !this.focused) continue;
      ctx.globalAlpha = faint ? 0.2 : 1;
      for (let level = 0; level < LEVEL_COLORS.length; level++) {
        ctx.strokeStyle = LEVEL_COLORS[level];
        const path = new PathInParts(ctx, strokePath);
        for (let i = 0; i < n; i++) {
          if (this.focused && (this.involved[i] === 1) === faint) continue;
          for (let k = 0; k < RINGS; k++) {
            if (rings[i * RINGS + k] !== level) continue;
            const radius = layout.r[i] + s * (2.6 + 3 * k) + 0.6;
            ctx.moveTo(layout.px[i] + radius, layout.py[i]);
            ctx.arc(layout.px[i], layout.py[i], radius, 0, 2 * Math.PI);
            path.added();
          }
        }
        path.end();
      }
      this.drawWiderRings(ctx, faint);
    }
    ctx.globalAlpha = 1;
  }

  // Wider members of area-wide partnerships: a light dashed ring in the level's colour, outside their core rings.
  private drawWiderRings(ctx: CanvasRenderingContext2D, faint: boolean): void {
    const layout = this.layout as NetworkLayout;
    const n = layout.px.length;
    const s = this.scale;
    const { rings, wider } = this.shown as Picture;
    const alpha = ctx.globalAlpha;
    ctx.globalAlpha = alpha * 0.75;
    ctx.setLineDash([Math.max(1.5, 2.5 * s), Math.max(1.5, 2.5 * s)]);
    for (let level = 0; level < LEVEL_COLORS.length; level++) {
      ctx.strokeStyle = LEVEL_COLORS[level];
      const path = new PathInParts(ctx, strokePath);
      for (let i = 0; i < n; i++) {
        if (wider[i] !== level || (this.focused && (this.involved[i] === 1) === faint)) continue;
        let k = 0;
        while (k < RINGS && rings[i * RINGS + k] >= 0) k++;
        const radius = layout.r[i] + s * (2.6 + 3 * k) + 0.6;
        ctx.moveTo(layout.px[i] + radius, layout.py[i]);
        ctx.arc(layout.px[i], layout.py[i], radius, 0, 2 * Math.PI);
        path.added();
      }
      path.end();
    }
    ctx.setLineDash([]);
    ctx.globalAlpha = alpha;
  }

  private drawNodes(ctx: CanvasRenderingContext2D): void {
    const layout = this.layout as NetworkLayout;
    const orgs = this.shown as Picture;
    ctx.lineWidth = Math.max(0.6, 0.9 * this.scale);
    ctx.strokeStyle = 'rgba(17,20,24,0.75)';
    for (let pass = 0; pass < 2; pass++) {
      const faint = pass === 0;
      if (faint && !this.focused) continue;
      ctx.globalAlpha = faint ? 0.3 : 1;
      for (let kind = 0; kind < ORG_KINDS.length; kind++) {
        const shape = KIND_SHAPES[ORG_KINDS[kind]];
        ctx.fillStyle = KIND_COLORS[kind];
        const path = new PathInParts(ctx, fillAndStrokePath);
        for (let i = 0; i < orgs.n; i++) {
          if (orgs.kind[i] !== kind) continue;
          if (this.focused && (this.involved[i] === 1) === faint) continue;
          addShape(ctx, shape, layout.px[i], layout.py[i], layout.r[i]);
          path.added();
        }
        path.end();
      }
      this.drawTrustOutlines(ctx, faint);
      // A white dot marks a school in a trust based outside its area.
      ctx.fillStyle = COLORS.paper;
      ctx.beginPath();
      for (let i = 0; i < orgs.n; i++) {
        if (orgs.elsewhere[i] === 0 || (this.focused && (this.involved[i] === 1) === faint)) continue;
        const dot = Math.max(1, layout.r[i] * 0.42);
        ctx.moveTo(layout.px[i] + dot, layout.py[i]);
        ctx.arc(layout.px[i], layout.py[i], dot, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    ctx.globalAlpha = 1;
  }

  // Each trust's schools and office outlined in the trust's colour, one path per colour.
  private drawTrustOutlines(ctx: CanvasRenderingContext2D, faint: boolean): void {
    const layout = this.layout as NetworkLayout;
    const orgs = this.shown as Picture;
    const colours = orgs.trustColours;
    ctx.lineWidth = Math.max(1.5, 2.2 * this.scale);
    for (let c = 0; c < TRUST_COLORS.length; c++) {
      ctx.strokeStyle = TRUST_COLORS[c];
      const path = new PathInParts(ctx, strokePath);
      for (let i = 0; i < orgs.n; i++) {
        const t = orgs.trust[i];
        if (t < 0 || colours[t] !== c || (this.focused && (this.involved[i] === 1) === faint)) continue;
        addShape(ctx, KIND_SHAPES[ORG_KINDS[orgs.kind[i]]], layout.px[i], layout.py[i], layout.r[i]);
        path.added();
      }
      path.end();
    }
  }

  private drawPulses(ctx: CanvasRenderingContext2D, now: number): void {
    for (let k = 0; k < PULSES; k++) {
      const age = (now - this.pulseAt[k]) / this.pulseMs;
      if (!(age >= 0 && age < 1)) continue;
      const radius = 4 + this.pulseR[k] * (0.25 + 0.75 * age);
      ctx.globalAlpha = 0.85 * (1 - age);
      ctx.strokeStyle = this.pulseColor[k];
      ctx.lineWidth = (1 + this.pulseR[k] / 10) * (1 - 0.5 * age);
      ctx.beginPath();
      ctx.arc(this.pulseX[k], this.pulseY[k], radius, 0, 2 * Math.PI);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  // The selected organisation or tie drawn strongly on top, and names beside the selected and hovered organisations.
  private drawHighlights(ctx: CanvasRenderingContext2D): void {
    const run = this.run as ShownRun;
    const shown = this.shown as Picture;
    const layout = this.layout as NetworkLayout;
    const sel = this.selection;
    const n = shown.n;
    if (sel?.kind === 'org' && sel.org < n) this.strongTies(ctx, this.orgTies, COLORS.ink);
    const focus = sel?.kind === 'partnership' && sel.run === run.id ? this.focusOn(sel) : null;
    if (focus && !focus.ended) this.strongTies(ctx, focus.ties, LEVEL_COLORS[3]);
    if (sel?.kind === 'tie' && sel.a < n && sel.b < n) {
      ctx.strokeStyle = COLORS.ink;
      ctx.lineWidth = 3;
      ctx.setLineDash([6, 4]);
      ctx.beginPath();
      ctx.moveTo(layout.px[sel.a], layout.py[sel.a]);
      ctx.lineTo(layout.px[sel.b], layout.py[sel.b]);
      ctx.stroke();
      ctx.setLineDash([]);
      this.ring(ctx, sel.a);
      this.ring(ctx, sel.b);
      this.label(ctx, sel.a, run.names[sel.a]);
      this.label(ctx, sel.b, run.names[sel.b]);
    }
    if (sel?.kind === 'org' && sel.org < n) {
      this.trustLinks(ctx, shown.trust[sel.org]);
      this.ring(ctx, sel.org);
      this.label(ctx, sel.org, `${run.names[sel.org]}`);
    }
    if (sel?.kind === 'partnership' && focus && this.selectedHull) {
      const top = focus.members.reduce(
        (best, i) => (layout.py[i] - layout.r[i] < layout.py[best] - layout.r[best] ? i : best),
        focus.members[0] ?? 0,
      );
      const state = focus.ended ? 'dissolved' : LEVEL_NAMES[focus.level];
      this.label(ctx, top, `${partnershipName(sel.id)} · ${state}`, -(18 * this.scale + 14));
    }
    if (this.hover >= 0 && this.hover < n && !(sel?.kind === 'org' && sel.org === this.hover)) {
      this.ring(ctx, this.hover, 2);
      const t = shown.trust[this.hover];
      const trust = t >= 0 ? ` · ${shown.trusts[t].name}` : '';
      this.label(ctx, this.hover, `${run.names[this.hover]} · ${KIND_WORDS[ORG_KINDS[shown.kind[this.hover]]].full}${trust}`);
    }
  }

  // A trust as a group: dashed lines in its colour from its office (or lead school) to each of its schools, wherever they
  // are, each ringed in that colour.
  private trustLinks(ctx: CanvasRenderingContext2D, t: number): void {
    if (t < 0) return;
    const shown = this.shown as Picture;
    const layout = this.layout as NetworkLayout;
    const trust = shown.trusts[t];
    const hub = trust.office >= 0 ? trust.office : trust.lead;
    ctx.strokeStyle = TRUST_COLORS[shown.trustColours[t]];
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    for (const j of trust.members) {
      if (j === hub) continue;
      ctx.moveTo(layout.px[hub], layout.py[hub]);
      ctx.lineTo(layout.px[j], layout.py[j]);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.lineWidth = 2.5;
    ctx.beginPath();
    for (const j of trust.office >= 0 ? [trust.office, ...trust.members] : trust.members) {
      const radius = layout.r[j] + 3;
      ctx.moveTo(layout.px[j] + radius, layout.py[j]);
      ctx.arc(layout.px[j], layout.py[j], radius, 0, 2 * Math.PI);
    }
    ctx.stroke();
  }

  // The selection's ties drawn strongly over everything else, as thick as their trust.
  private strongTies(ctx: CanvasRenderingContext2D, slots: readonly number[], color: string): void {
    const layout = this.layout as NetworkLayout;
    const shown = this.shown as Picture;
    ctx.strokeStyle = color;
    ctx.globalAlpha = 0.8;
    for (const slot of slots) {
      if (slot >= shown.tieCount || shown.tieAlive[slot] === 0) continue;
      ctx.lineWidth = 1 + 4 * this.tracker.shown[slot];
      ctx.beginPath();
      ctx.moveTo(layout.px[shown.tieA[slot]], layout.py[shown.tieA[slot]]);
      ctx.lineTo(layout.px[shown.tieB[slot]], layout.py[shown.tieB[slot]]);
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
  }

  private ring(ctx: CanvasRenderingContext2D, i: number, width = 3.5): void {
    const layout = this.layout as NetworkLayout;
    ctx.strokeStyle = COLORS.ink;
    ctx.lineWidth = width;
    ctx.beginPath();
    ctx.arc(layout.px[i], layout.py[i], layout.r[i] + 4 + RINGS * 3 * this.scale, 0, 2 * Math.PI);
    ctx.stroke();
  }

  private label(ctx: CanvasRenderingContext2D, i: number, text: string, dy?: number): void {
    const layout = this.layout as NetworkLayout;
    ctx.font = `700 ${15 * this.textScale}px system-ui, sans-serif`;
    const width = ctx.measureText(text).width + 12 * this.textScale;
    const height = 22 * this.textScale;
    const gap = layout.r[i] + 6 + RINGS * 3 * this.scale;
    let x = layout.px[i] - width / 2;
    let y = dy === undefined ? layout.py[i] - gap - height : layout.py[i] + dy - height / 2;
    if (y < 2) y = layout.py[i] + gap;
    x = Math.max(2, Math.min(this.cssW - width - 2, x));
    y = Math.max(2, Math.min(this.cssH - height - 2, y));
    ctx.globalAlpha = 0.92;
    ctx.fillStyle = COLORS.paper;
    roundRect(ctx, x, y, width, height, 5);
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1;
    ctx.strokeStyle = COLORS.ink;
    ctx.stroke();
    ctx.fillStyle = COLORS.ink;
    ctx.textBaseline = 'middle';
    ctx.fillText(text, x + 6 * this.textScale, y + height / 2 + 1);
  }
}

/** Returns the least rank a tie needs to be drawn so that at most `budget` ties are drawn, a tie's rank being its trust,
 * plus 1 inside a partnership: those inside partnerships first, the strongest first (by a histogram of the ranks). */
export function strongestTiesFloor(shown: Picture, budget: number): number {
  const bins = new Int32Array(2 * FLOOR_BINS);
  for (let slot = 0; slot < shown.tieCount; slot++) {
    if (shown.tieAlive[slot] === 0) continue;
    const rank = (shown.tieLevel[slot] >= 0 ? 1 : 0) + Math.min(1 - 1e-9, Math.max(0, shown.tieTrust[slot]));
    bins[Math.floor(rank * FLOOR_BINS)]++;
  }
  let room = budget;
  for (let b = bins.length - 1; b >= 0; b--) {
    room -= bins[b];
    if (room < 0) return (b + 1) / FLOOR_BINS;
  }
  return 0;
}

// Returns a colour ('#rrggbb') with an opacity as one pixel of an ImageData's data seen as 32-bit words (bytes R, G, B, A).
function rgba(hex: string, alpha: number): number {
  const value = Number.parseInt(hex.slice(1, 7), 16);
  const bytes = new Uint8Array([value >> 16, (value >> 8) & 255, value & 255, Math.round(alpha * 255)]);
  return new Uint32Array(bytes.buffer)[0];
}

function hullPath(ctx: CanvasRenderingContext2D, arcs: readonly HullArc[], pad: number): void {
  ctx.beginPath();
  for (const arc of arcs) ctx.arc(arc.cx, arc.cy, pad, arc.start, arc.end);
  ctx.closePath();
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}
