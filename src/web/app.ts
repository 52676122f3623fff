// The classroom page: builds the controls, views, charts, feed and details panel, and runs the loop in which
// requestAnimationFrame draws and the clock decides how many model steps each frame takes.
//
//   frame(now) ─► resize canvases if their boxes changed ─► apply slider moves
//              ─► take 0..4 steps (clock.ts) ─► after steps: views sync, feed, sliders, clock text, charts
//              ─► draw the network views (every frame: animations) ─► draw the charts (when a step was taken)
import type { Metrics } from '../engine/types.ts';
import { LEVEL_NAMES } from '../model/vocabulary.ts';
import { LEVER_KEYS, LEVER_MEANINGS, ORG_KINDS, type LeverKey } from '../scenario/schema.ts';
import { ChartView, type ChartKind, type ChartRun } from './chart-view.ts';
import { Classroom, type ClassroomRun, type Preset } from './classroom.ts';
import { MAX_STEPS_PER_FRAME, SPEED_MAX, SPEED_MIN, stepsForFrame } from './clock.ts';
import { detailsOf, type DetailsContent, type Line, type Selection } from './details.ts';
import { el, shapeIcon, strokeIcon } from './dom.ts';
import {
  DEFAULT_FEED_KINDS,
  FEED_KINDS,
  FEED_LIMIT,
  feedEntry,
  mergeFeed,
  newestFirst,
  shownEventIndices,
  shownTrustIndices,
  trustFeedEntry,
  type FeedEntry,
  type FeedKind,
  type RunId,
} from './feed.ts';
import { NetworkView } from './network-view.ts';
import { KIND_SHAPES } from './shapes.ts';
import { BASE_FONT_PX, COLORS, KIND_COLORS, LEVEL_COLORS, SERIES_COLORS, TRUST_COLORS } from './style.ts';
import {
  FEED_KIND_WORDS,
  KIND_WORDS,
  LEVER_LABELS,
  PAGE_WORDS,
  clockWords,
  leverHint,
  pausedWords,
  percent,
  twoDecimals,
  whatIfRestartWords,
} from './words.ts';

/** What tests (and a curious teacher's console) can ask the page. */
export interface ClassroomApi {
  readonly ready: true;
  readonly step: number;
  readonly playing: boolean;
  /** The master seed (the scenario's time.seed, as the seed box shows it). */
  readonly seed: number;
  /** The seed of the run: replicate 0's, hashed from the master seed as `partnersim run` does. */
  readonly runSeed: number;
  /** The scenario's name. */
  readonly scenario: string;
  readonly steps: number;
  readonly whatIf: boolean;
  readonly timeseriesLength: number;
  readonly eventCount: number;
  /** Frames drawn since the page loaded. */
  readonly frames: number;
  /** Mean time the page's own work took per frame over the last 60 frames, in ms (steps, drawing, feed). */
  readonly frameWorkMs: number;
  /** Run A's metrics so far (the engine's, as `partnersim run` computes them). */
  metrics(): Metrics | null;
  /** Run B's metrics so far, in "what if" mode. */
  metricsB(): Metrics | null;
  runToEnd(): void;
  play(): void;
  pause(): void;
  stepOnce(): void;
  reset(): void;
  setPreset(pathOrName: string): void;
  setSeed(seed: number): void;
  setLever(key: LeverKey, value: number, run?: RunId): void;
  setWhatIf(on: boolean): void;
  /** Where an organisation is drawn in a run's view, in page (client) pixels: for tests that click on it. */
  nodeCenter(org: number, run?: RunId): { x: number; y: number } | null;
  /** An organisation's trust (its name) and the colour the run's view outlines it with, or null outside a trust. */
  trustOf(org: number, run?: RunId): { name: string; colour: string } | null;
}

interface LeverRow {
  readonly a: HTMLInputElement;
  readonly b: HTMLInputElement;
  readonly valueA: HTMLElement;
  readonly valueB: HTMLElement;
  /** Where run B's slider goes in "what if" mode (outside it, B's slider is not in the page at all). */
  readonly sliders: HTMLElement;
  readonly mark: HTMLElement;
}

interface ChartSlot {
  readonly view: ChartView;
  readonly now: HTMLElement;
  readonly nowB: HTMLElement;
}

const CHARTS: readonly { kind: ChartKind; id: string; title: string; color: string }[] = [
  { kind: 'active', id: 'chart-active', title: 'Partnerships', color: SERIES_COLORS.active },
  { kind: 'participation', id: 'chart-participation', title: 'Taking part', color: SERIES_COLORS.participation },
  { kind: 'trust', id: 'chart-trust', title: 'Mean trust', color: SERIES_COLORS.trust },
  { kind: 'levels', id: 'chart-levels', title: 'Continuum levels', color: LEVEL_COLORS[2] },
];

const DEFAULT_SPEED = 6;
const DETAILS_REFRESH_MS = 400;
const CHART_MS = 50;

/** The page: its elements, its runs and its loop. */
export class ClassroomApp {
  private readonly classroom: Classroom;
  private readonly root: HTMLElement;
  private readonly preset: HTMLSelectElement;
  private readonly seedBox: HTMLInputElement;
  private readonly playButton: HTMLButtonElement;
  private readonly stepButton: HTMLButtonElement;
  private readonly speed: HTMLInputElement;
  private readonly speedValue: HTMLElement;
  private readonly year: HTMLElement;
  private readonly whatIfButton: HTMLButtonElement;
  private readonly levers = new Map<LeverKey, LeverRow>();
  private readonly viewA: NetworkView;
  private readonly viewB: NetworkView;
  private readonly figureB: HTMLElement;
  private readonly charts: ChartSlot[] = [];
  private readonly feed: HTMLOListElement;
  private readonly feedKinds = new Set<FeedKind>(DEFAULT_FEED_KINDS);
  private feedEntries: FeedEntry[] = [];
  /** How many of each run's events, and of its trust events, the feed has taken in. */
  private readonly feedSeen = { A: 0, B: 0 };
  private readonly trustsSeen = { A: 0, B: 0 };
  private readonly details: HTMLElement;
  /** Why the scenario asked for could not be loaded, shown in the details panel while nothing is selected. */
  private readonly problems: readonly string[];
  private selection: Selection | null = null;
  /** A note over the network views (such as "What if…" having started both runs again), hidden by the next step. */
  private readonly notice: HTMLElement;
  private detailsShownAt = -Infinity;
  private detailsStep = -1;
  private readonly pending = new Map<string, { run: RunId; key: LeverKey; value: number }>();
  private playing = false;
  private carry = 0;
  private lastFrame = -1;
  private frameCount = 0;
  /** Running mean of the time one step of the runs takes, in ms: a large world takes fewer steps a frame. */
  private stepMs = 0;
  private readonly workMs = new Float64Array(60);
  private chartsDirty = true;
  private chartsAt = -Infinity;
  private resizeDirty = true;
  private readonly status: HTMLElement;

  constructor(host: HTMLElement, presets: readonly Preset[], initialProblems: readonly string[]) {
    this.classroom = new Classroom(presets);
    // ---- toolbar
    this.preset = el('select', { id: 'preset', 'aria-label': PAGE_WORDS.scenario });
    for (const p of presets) this.preset.append(el('option', { value: p.path }, p.name));
    this.seedBox = el('input', {
      id: 'seed',
      type: 'number',
      min: 0,
      max: 2 ** 32 - 1,
      step: 1,
      inputmode: 'numeric',
      'aria-label': PAGE_WORDS.seed,
    });
    this.playButton = el('button', { id: 'play', type: 'button', 'aria-pressed': 'false', title: PAGE_WORDS.playHint }, PAGE_WORDS.play);
    this.stepButton = el('button', { id: 'step', type: 'button', title: PAGE_WORDS.stepHint }, PAGE_WORDS.step);
    const resetButton = el('button', { id: 'reset', type: 'button', title: PAGE_WORDS.resetHint }, PAGE_WORDS.reset);
    this.speed = el('input', {
      id: 'speed',
      type: 'range',
      min: SPEED_MIN,
      max: SPEED_MAX,
      step: 1,
      value: DEFAULT_SPEED,
      'aria-label': PAGE_WORDS.speedHint,
    });
    this.speedValue = el('output', { id: 'speed-value', for: 'speed' });
    this.year = el('output', { id: 'year', 'aria-live': 'off' });
    this.whatIfButton = el(
      'button',
      { id: 'whatif', type: 'button', 'aria-pressed': 'false', title: PAGE_WORDS.whatIfHint },
      PAGE_WORDS.whatIf,
    );
    const bar = el(
      'header',
      { class: 'bar' },
      el('h1', { class: 'sr-only' }, 'partnersim classroom'),
      this.preset,
      el('label', {}, PAGE_WORDS.seed, this.seedBox),
      this.playButton,
      this.stepButton,
      resetButton,
      el('label', {}, PAGE_WORDS.speed, this.speed, this.speedValue),
      this.year,
      this.whatIfButton,
    );
    // ---- levers and the kinds' legend
    const restore = el('button', { id: 'restore', type: 'button', title: PAGE_WORDS.restoreHint }, PAGE_WORDS.restore);
    const leverPanel = el(
      'aside',
      { class: 'levers', 'aria-label': PAGE_WORDS.levers },
      el('div', { class: 'panel-head' }, el('h2', {}, PAGE_WORDS.levers), restore),
    );
    for (const key of LEVER_KEYS) leverPanel.append(this.leverRow(key));
    const kinds = el('ul', {});
    ORG_KINDS.forEach((kind, k) =>
      kinds.append(el('li', { title: KIND_WORDS[kind].full }, shapeIcon(KIND_SHAPES[kind], KIND_COLORS[k]), KIND_WORDS[kind].short)),
    );
    kinds.append(
      el('li', { title: PAGE_WORDS.inTrustHint }, shapeIcon(KIND_SHAPES.school, KIND_COLORS[0], TRUST_COLORS[0]), PAGE_WORDS.inTrust),
    );
    kinds.append(el('li', { title: PAGE_WORDS.trustElsewhereHint }, strokeIcon('dot', KIND_COLORS[1], 1), PAGE_WORDS.trustElsewhere));
    leverPanel.append(
      el(
        'section',
        { class: 'legend-kinds', 'aria-label': PAGE_WORDS.organisations },
        el('h2', {}, PAGE_WORDS.organisations),
        el('p', { class: 'sr-only' }, 'size shows power'),
        kinds,
      ),
    );
    // ---- network views and the ties' legend
    const canvasA = el('canvas', { id: 'network', tabindex: 0, role: 'img', 'aria-label': PAGE_WORDS.network });
    const canvasB = el('canvas', { id: 'network-b', tabindex: 0, role: 'img', 'aria-label': PAGE_WORDS.networkB });
    this.viewA = new NetworkView(canvasA);
    this.viewB = new NetworkView(canvasB);
    const figureA = el(
      'figure',
      { class: 'view a' },
      el('figcaption', { class: 'tag', hidden: true }, PAGE_WORDS.tagA),
      el('div', { class: 'canvas-box' }, canvasA),
    );
    this.figureB = el(
      'figure',
      { class: 'view b', hidden: true },
      el('figcaption', { class: 'tag' }, PAGE_WORDS.tagB),
      el('div', { class: 'canvas-box' }, canvasB),
    );
    const legend = el('div', { class: 'legend-line', 'aria-label': PAGE_WORDS.legendLabel });
    legend.append(el('span', {}, PAGE_WORDS.legend));
    LEVEL_NAMES.forEach((name, k) => legend.append(el('span', {}, strokeIcon('ring', LEVEL_COLORS[k], 3.5), name)));
    legend.append(el('span', {}, strokeIcon('line', COLORS.tie, 4), PAGE_WORDS.trustTie));
    legend.append(
      el('span', { title: PAGE_WORDS.widerMemberHint }, strokeIcon('ring', LEVEL_COLORS[1], 2.5, 22, '3 2.5'), PAGE_WORDS.widerMember),
    );
    legend.append(el('span', {}, strokeIcon('line', COLORS.broken, 3), PAGE_WORDS.brokenTie));
    legend.append(el('span', {}, PAGE_WORDS.sizeIsPower));
    this.notice = el('p', { id: 'notice', class: 'notice', role: 'status', hidden: true });
    const views = el(
      'section',
      { class: 'views', 'aria-label': PAGE_WORDS.networkLabel },
      el('div', { class: 'view-row' }, figureA, this.figureB),
      legend,
      this.notice,
    );
    // ---- details and feed
    this.details = el('section', { id: 'details', 'aria-label': PAGE_WORDS.details });
    this.feed = el('ol', { id: 'feed', 'aria-label': PAGE_WORDS.feedLabel });
    // The filters fold away behind their summary, so that the feed keeps its room when the details are open.
    const choices = el('div', { class: 'choices', role: 'group', 'aria-label': PAGE_WORDS.feedFilter });
    const filters = el('details', { class: 'filters' }, el('summary', {}, PAGE_WORDS.feedFilter), choices);
    for (const kind of FEED_KINDS) {
      const box = el('input', { type: 'checkbox', 'data-kind': kind, checked: this.feedKinds.has(kind) });
      box.addEventListener('change', () => {
        if (box.checked) this.feedKinds.add(kind);
        else this.feedKinds.delete(kind);
        this.rebuildFeed();
      });
      choices.append(el('label', {}, box, FEED_KIND_WORDS[kind]));
    }
    const side = el(
      'aside',
      { class: 'side' },
      this.details,
      el(
        'section',
        { class: 'feed-panel', 'aria-label': PAGE_WORDS.events },
        el('div', { class: 'feed-head' }, el('h2', {}, PAGE_WORDS.feed), filters),
        this.feed,
      ),
    );
    // ---- charts
    const chartRow = el('section', { class: 'charts', 'aria-label': PAGE_WORDS.charts });
    for (const spec of CHARTS) {
      const canvas = el('canvas', { id: spec.id, role: 'img', 'aria-label': spec.title });
      const now = el('span', { class: 'now' });
      const nowB = el('span', { class: 'now-b' });
      // The values wrap under the title where a narrow chart has no room for both on one line.
      chartRow.append(
        el(
          'figure',
          { class: 'chart' },
          el('figcaption', {}, el('span', { class: 'title' }, spec.title), el('span', { class: 'values' }, now, nowB)),
          el('div', { class: 'plot' }, canvas),
        ),
      );
      this.charts.push({ view: new ChartView(canvas, spec.kind, spec.color), now, nowB });
    }
    this.status = el('p', { class: 'sr-only', role: 'status' });
    this.root = el('div', { class: 'cls' }, bar, leverPanel, views, side, chartRow, this.status);
    host.replaceChildren(this.root);
    this.problems = initialProblems;

    // ---- behaviour
    this.preset.addEventListener('change', () => this.setPreset(this.preset.value));
    this.seedBox.addEventListener('change', () => {
      const seed = Number(this.seedBox.value);
      if (Number.isInteger(seed) && seed >= 0 && seed <= 2 ** 32 - 1) this.setSeed(seed);
      else this.seedBox.value = String(this.classroom.masterSeed);
    });
    this.playButton.addEventListener('click', () => this.togglePlay());
    this.stepButton.addEventListener('click', () => this.stepOnce());
    resetButton.addEventListener('click', () => this.reset());
    restore.addEventListener('click', () => {
      this.classroom.restoreLevers();
      this.runsChanged();
    });
    this.speed.addEventListener('input', () => this.showSpeed());
    this.whatIfButton.addEventListener('click', () => this.setWhatIf(!this.classroom.b));
    for (const [view, canvas] of [
      [this.viewA, canvasA],
      [this.viewB, canvasB],
    ] as const) {
      canvas.addEventListener('click', (event) => {
        const box = canvas.getBoundingClientRect();
        this.select(view.hit(event.clientX - box.left, event.clientY - box.top));
      });
      canvas.addEventListener('pointermove', (event) => {
        const box = canvas.getBoundingClientRect();
        const org = view.orgAt(event.clientX - box.left, event.clientY - box.top);
        view.setHover(org);
        canvas.style.cursor = org >= 0 ? 'pointer' : 'default';
      });
      canvas.addEventListener('pointerleave', () => view.setHover(-1));
    }
    this.feed.addEventListener('click', (event) => this.feedChosen(event.target));
    this.feed.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      this.feedChosen(event.target);
    });
    this.details.addEventListener('click', (event) => {
      const target = (event.target as HTMLElement).closest('[data-select]');
      if (target instanceof HTMLElement && target.dataset.select) this.select(JSON.parse(target.dataset.select) as Selection);
      else if ((event.target as HTMLElement).closest('.close')) this.select(null);
    });
    document.addEventListener('keydown', (event) => this.onKey(event));
    const observer = new ResizeObserver(() => {
      this.resizeDirty = true;
    });
    for (const box of [canvasA, canvasB, ...this.charts.map((c) => c.view.canvas)]) observer.observe(box.parentElement as HTMLElement);
    window.addEventListener('resize', () => {
      this.resizeDirty = true;
    });

    this.showSpeed();
    this.runsChanged();
    requestAnimationFrame((now) => this.frame(now));
  }

  // One lever: its label and value(s), run A's slider and (in "what if" mode) run B's.
  private leverRow(key: LeverKey): HTMLElement {
    const id = `lever-${key.replace('.', '-')}`;
    const hint = leverHint(key, LEVER_LABELS[key], LEVER_MEANINGS[key]);
    const a = el('input', { id, type: 'range', min: 0, max: 1, step: 0.01, 'data-lever': key, 'data-run': 'A', title: hint });
    const b = el('input', {
      type: 'range',
      min: 0,
      max: 1,
      step: 0.01,
      'data-lever': key,
      'data-run': 'B',
      title: `Run B: ${hint}`,
      'aria-label': `${LEVER_LABELS[key]}, run B`,
    });
    const valueA = el('span', { class: 'value' });
    const valueB = el('span', { class: 'value value-b', hidden: true });
    const mark = el('span', { class: 'set', title: PAGE_WORDS.leverSet, hidden: true }, ' •');
    a.addEventListener('input', () => this.leverMoved('A', key, Number(a.value)));
    b.addEventListener('input', () => this.leverMoved('B', key, Number(b.value)));
    const sliders = el('div', { class: 'sliders' }, a);
    this.levers.set(key, { a, b, valueA, valueB, mark, sliders });
    return el(
      'div',
      { class: 'lever', title: hint },
      el('label', { for: id }, el('span', { class: 'name' }, LEVER_LABELS[key], mark), el('span', {}, valueA, ' ', valueB)),
      sliders,
    );
  }

  private leverMoved(run: RunId, key: LeverKey, value: number): void {
    this.pending.set(`${run}:${key}`, { run, key, value });
    const row = this.levers.get(key);
    if (row) (run === 'A' ? row.valueA : row.valueB).textContent = twoDecimals(value);
  }

  private applyPending(): void {
    if (this.pending.size === 0) return;
    const restarts = new Set<RunId>();
    for (const { run, key, value } of this.pending.values()) {
      const target = run === 'B' ? this.classroom.b : this.classroom.a;
      if (target && target.step === 0) restarts.add(run);
      this.classroom.setLever(run, key, value);
    }
    this.pending.clear();
    if (restarts.size > 0) this.runsChanged(false);
    else this.refreshLevers();
  }

  private onKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    const tag = target.tagName;
    const type = target instanceof HTMLInputElement ? target.type : '';
    if (event.key === ' ' || event.code === 'Space') {
      // Space presses a focused button or ticks a box by itself; elsewhere it plays and pauses.
      if (tag === 'BUTTON' || tag === 'SELECT' || tag === 'TEXTAREA' || (tag === 'INPUT' && type !== 'range') || tag === 'LI') return;
      event.preventDefault();
      this.togglePlay();
    } else if (event.key === 'ArrowRight') {
      if (tag === 'SELECT' || tag === 'TEXTAREA' || tag === 'INPUT') return;
      event.preventDefault();
      this.stepOnce();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Runs

  private setPreset(path: string): void {
    this.classroom.setPreset(path);
    // Another scenario's organisation of the same number is another organisation.
    this.selection = null;
    this.runsChanged();
  }

  private setSeed(seed: number): void {
    this.classroom.setSeed(seed);
    this.runsChanged();
  }

  private reset(): void {
    this.classroom.reset();
    this.runsChanged();
  }

  private setWhatIf(on: boolean): void {
    const { a } = this.classroom;
    const was = a.step > 0 && on && !this.classroom.b ? clockWords(a.step, a.sim.scenario.time.stepsPerYear, this.classroom.steps) : null;
    this.classroom.setWhatIf(on);
    this.whatIfButton.setAttribute('aria-pressed', String(on));
    this.root.classList.toggle('whatif', on);
    this.figureB.hidden = !on;
    (this.root.querySelector('.view.a .tag') as HTMLElement).hidden = !on;
    this.viewA.canvas.setAttribute('aria-label', on ? PAGE_WORDS.networkA : PAGE_WORDS.network);
    for (const row of this.levers.values()) {
      if (on) row.sliders.append(row.b);
      else row.b.remove();
      row.valueB.hidden = !on;
    }
    this.viewA.layerSlowdown = on ? 2 : 1;
    this.viewB.layerSlowdown = 2;
    this.resizeDirty = true;
    this.runsChanged();
    // Run A starts again with run B: say so, since the class may have been watching run A for years.
    this.showNotice(was === null ? null : whatIfRestartWords(was, this.classroom.masterSeed));
  }

  private showNotice(text: string | null): void {
    this.notice.hidden = text === null;
    this.notice.textContent = text ?? '';
  }

  // After the runs were replaced: views attached to the new runs, the feed and charts started again, controls refreshed.
  private runsChanged(stop = true): void {
    if (stop) this.setPlaying(false);
    const now = performance.now();
    const { a, b } = this.classroom;
    this.viewA.attach(a, now);
    if (b) this.viewB.attach(b, now);
    // Partnerships and ties are the old runs'; an organisation is the same one in the new runs of a preset.
    if (this.selection && this.selection.kind !== 'org') this.selection = null;
    this.viewA.select(this.selection);
    this.viewB.select(this.selection);
    if (stop) this.showNotice(null);
    this.preset.value = this.classroom.preset.path;
    this.preset.title = this.classroom.preset.description;
    this.seedBox.value = String(this.classroom.masterSeed);
    this.feedSeen.A = a.sim.events.length;
    this.feedSeen.B = b ? b.sim.events.length : 0;
    this.trustsSeen.A = a.trustEvents.length;
    this.trustsSeen.B = b ? b.trustEvents.length : 0;
    this.rebuildFeed();
    this.chartsDirty = true;
    this.afterSteps(now, true);
    this.showDetails();
  }

  private setPlaying(on: boolean): void {
    if (on !== this.playing)
      this.status.textContent = on
        ? PAGE_WORDS.playing
        : pausedWords(clockWords(this.classroom.a.step, this.classroom.a.sim.scenario.time.stepsPerYear, this.classroom.steps));
    this.playing = on;
    this.carry = 0;
    this.playButton.setAttribute('aria-pressed', String(on));
    this.playButton.textContent = on ? PAGE_WORDS.pause : this.classroom.atEnd ? PAGE_WORDS.replay : PAGE_WORDS.play;
    this.stepButton.disabled = this.classroom.atEnd;
  }

  private togglePlay(): void {
    if (this.playing) {
      this.setPlaying(false);
      return;
    }
    if (this.classroom.atEnd) this.reset();
    this.setPlaying(true);
  }

  private stepOnce(): void {
    this.setPlaying(false);
    this.applyPending();
    if (this.classroom.advance()) this.afterSteps(performance.now());
  }

  private runToEnd(): void {
    this.applyPending();
    this.classroom.runToEnd();
    this.setPlaying(false);
    // Years at once: the views take the end as it is, with nothing to animate.
    this.afterSteps(performance.now(), false, false);
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  private frame(now: number): void {
    // The next frame is asked for first, so that one failing frame does not stop the page.
    requestAnimationFrame((t) => this.frame(t));
    const elapsed = this.lastFrame < 0 ? 0 : now - this.lastFrame;
    this.lastFrame = now;
    if (this.resizeDirty) this.resize();
    this.applyPending();
    if (this.playing) {
      const { steps, carry } = stepsForFrame(this.carry, elapsed, Number(this.speed.value), stepBudget(this.stepMs));
      this.carry = carry;
      let taken = 0;
      const started = performance.now();
      for (let k = 0; k < steps && this.classroom.advance(); k++) taken++;
      if (taken > 0) {
        this.stepMs = 0.8 * this.stepMs + (0.2 * (performance.now() - started)) / taken;
        this.afterSteps(now);
      }
      if (this.classroom.atEnd) this.setPlaying(false);
    }
    if (this.selection && this.detailsStep !== this.classroom.a.step && now - this.detailsShownAt > DETAILS_REFRESH_MS) this.showDetails();
    // Two views take turns to redraw their pictures, so that one frame does not carry both.
    const redrewA = this.viewA.draw(now);
    if (this.classroom.b) this.viewB.draw(now, !redrewA);
    // While playing fast, the charts are drawn at most every CHART_MS: a step more or less cannot be seen in them.
    if (this.chartsDirty && (!this.playing || now - this.chartsAt >= CHART_MS)) this.drawCharts(now);
    this.workMs[this.frameCount % this.workMs.length] = performance.now() - now;
    this.frameCount++;
  }

  private resize(): void {
    this.resizeDirty = false;
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    // The canvases' text grows with the page's (the style sheet sets a larger root font on larger screens).
    const text = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) / BASE_FONT_PX || 1;
    const fit = (canvas: HTMLCanvasElement): [number, number] => {
      const box = (canvas.parentElement as HTMLElement).getBoundingClientRect();
      // A hidden view (B outside "what if") has no box; it keeps its size until shown.
      return [box.width, box.height];
    };
    this.viewA.resize(...fit(this.viewA.canvas), dpr, text);
    if (this.classroom.b) this.viewB.resize(...fit(this.viewB.canvas), dpr, text);
    for (const chart of this.charts) if (chart.view.resize(...fit(chart.view.canvas), dpr, text)) this.chartsDirty = true;
  }

  // After steps (or new runs): the views take in the changes, the feed its new events; clock, buttons, sliders, charts follow.
  private afterSteps(now: number, initial = false, animate = true): void {
    const { a, b } = this.classroom;
    if (!initial) {
      this.viewA.sync(now, !animate);
      if (b) this.viewB.sync(now, !animate);
      this.updateFeed();
      this.showNotice(null);
    }
    this.year.textContent = clockWords(a.step, a.sim.scenario.time.stepsPerYear, this.classroom.steps);
    this.stepButton.disabled = this.classroom.atEnd;
    if (!this.playing) this.playButton.textContent = this.classroom.atEnd ? PAGE_WORDS.replay : PAGE_WORDS.play;
    this.refreshLevers();
    this.chartsDirty = true;
    // While playing, the frame refreshes the details now and then; a single step shows them at once (new runs: runsChanged does).
    if (this.selection && !this.playing && !initial) this.showDetails();
  }

  private refreshLevers(): void {
    const { a, b } = this.classroom;
    const nextA = a.nextLevers();
    const nextB = b?.nextLevers();
    const varying = new Set(a.leversVaryingByArea());
    for (const [key, row] of this.levers) {
      setSlider(row.a, row.valueA, nextA[key], varying.has(key) ? a.areaRange(key) : null);
      if (nextB && b) setSlider(row.b, row.valueB, nextB[key], null);
      row.mark.hidden = a.levers[key] === undefined && b?.levers[key] === undefined;
    }
  }

  private showSpeed(): void {
    const speed = Number(this.speed.value);
    this.viewA.setPace(speed);
    this.viewB.setPace(speed);
    const spy = this.classroom.a.sim.scenario.time.stepsPerYear;
    this.speedValue.textContent = `${speed} step${speed === 1 ? '' : 's'}/s`;
    this.speed.setAttribute('aria-valuetext', `${speed} steps per second, ${(speed / spy).toFixed(1)} years per second`);
  }

  // ---------------------------------------------------------------------------------------------
  // Charts

  private drawCharts(now: number): void {
    this.chartsDirty = false;
    this.chartsAt = now;
    const runs: ChartRun[] = this.classroom.runs.map((run) => ({
      timeseries: run.sim.timeseries,
      scenario: run.sim.scenario,
      dashed: run.id === 'B',
    }));
    const { steps } = this.classroom;
    const spy = this.classroom.a.sim.scenario.time.stepsPerYear;
    const lastA = this.classroom.a.sim.timeseries.at(-1);
    const lastB = this.classroom.b?.sim.timeseries.at(-1);
    this.charts.forEach((chart) => {
      chart.view.draw(runs, steps, spy);
      const value = (r: typeof lastA): string => {
        if (!r) return '';
        switch (chart.view.kind) {
          case 'active':
            return String(r.active);
          case 'levels':
            return '';
          case 'participation':
            return percent(r.participation);
          case 'trust':
            return twoDecimals(r.meanTrust);
        }
      };
      chart.now.textContent = value(lastA);
      chart.nowB.textContent = this.classroom.b && lastB && value(lastB) !== '' ? `B ${value(lastB)}` : '';
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Feed

  private runById(id: RunId): ClassroomRun | null {
    return id === 'B' ? this.classroom.b : this.classroom.a;
  }

  // The entries of a run's events and trust events from the given indices on (newest first, at most the limit of each).
  private entriesOf(run: ClassroomRun, events: number, trusts: number): FeedEntry[] {
    const spy = run.sim.scenario.time.stepsPerYear;
    const context = { names: run.names, areaOf: (p: number) => run.areaOf(p) };
    const trustContext = run.trustEventContext();
    return [
      ...shownEventIndices(run.sim.events, events, this.feedKinds).map((i) => feedEntry(run.sim.events, i, run.id, context, spy)),
      ...shownTrustIndices(run.trustEvents, trusts, this.feedKinds).map((i) =>
        trustFeedEntry(run.trustEvents, i, run.id, trustContext, spy),
      ),
    ];
  }

  private rebuildFeed(): void {
    const entries = this.classroom.runs.flatMap((run) => this.entriesOf(run, 0, 0));
    entries.sort(newestFirst);
    this.feedEntries = entries.slice(0, FEED_LIMIT);
    this.feed.replaceChildren(...this.feedEntries.map((e) => this.feedItem(e)));
    if (this.feedEntries.length === 0) this.feed.append(el('li', { class: 'empty' }, PAGE_WORDS.feedEmpty));
  }

  private updateFeed(): void {
    const incoming: FeedEntry[] = [];
    for (const run of this.classroom.runs) {
      incoming.push(...this.entriesOf(run, this.feedSeen[run.id], this.trustsSeen[run.id]));
      this.feedSeen[run.id] = run.sim.events.length;
      this.trustsSeen[run.id] = run.trustEvents.length;
    }
    if (incoming.length === 0) return;
    incoming.sort(newestFirst);
    const kept = incoming.slice(0, FEED_LIMIT);
    this.feedEntries = mergeFeed(this.feedEntries, kept);
    this.feed.querySelector('li.empty')?.remove();
    const fragment = document.createDocumentFragment();
    for (const entry of kept) fragment.append(this.feedItem(entry));
    this.feed.prepend(fragment);
    while (this.feed.children.length > FEED_LIMIT) this.feed.lastElementChild?.remove();
  }

  private feedItem(entry: FeedEntry): HTMLLIElement {
    const whatIf = this.classroom.b !== null;
    return el(
      'li',
      {
        class: `${entry.kind === 'trusts' ? 'trust' : entry.kind}${this.isPicked(entry) ? ' picked' : ''}`,
        tabindex: 0,
        'data-key': entry.key,
        title: entry.partnership >= 0 ? PAGE_WORDS.feedEntryHint : entry.org >= 0 ? PAGE_WORDS.feedOrgHint : '',
      },
      el('span', { class: 'when' }, whatIf ? el('span', { class: `run ${entry.run === 'B' ? 'b' : 'a'}` }, entry.run) : null, entry.time),
      entry.text,
    );
  }

  private isPicked(entry: FeedEntry): boolean {
    const sel = this.selection;
    return sel !== null && sel.kind === 'partnership' && sel.run === entry.run && sel.id === entry.partnership;
  }

  // Marks the feed's entries about the selected partnership.
  private markFeed(): void {
    const entries = new Map(this.feedEntries.map((e) => [e.key, e]));
    for (const item of Array.from(this.feed.children)) {
      const entry = entries.get((item as HTMLElement).dataset.key ?? '');
      item.classList.toggle('picked', entry !== undefined && this.isPicked(entry));
    }
  }

  private feedChosen(target: EventTarget | null): void {
    const item = (target as HTMLElement | null)?.closest('li[data-key]');
    if (!(item instanceof HTMLElement)) return;
    const entry = this.feedEntries.find((e) => e.key === item.dataset.key);
    if (!entry || !this.runById(entry.run)) return;
    // A leader's move or a trust's change is of no partnership (-1): choosing it shows its organisation, if any.
    if (entry.partnership >= 0) this.select({ kind: 'partnership', run: entry.run, id: entry.partnership });
    else if (entry.org >= 0) this.select({ kind: 'org', run: entry.run, org: entry.org });
  }

  // ---------------------------------------------------------------------------------------------
  // Selection and details

  private select(selection: Selection | null): void {
    this.selection = selection;
    this.viewA.select(selection);
    this.viewB.select(selection);
    this.markFeed();
    this.showDetails();
  }

  private showDetails(): void {
    this.detailsShownAt = performance.now();
    this.detailsStep = this.classroom.a.step;
    const sel = this.selection;
    const run = sel ? this.runById(sel.run) : null;
    const content = sel && run ? detailsOf(run, sel) : null;
    const scroll = this.details.scrollTop;
    this.details.classList.toggle('chosen', content !== null);
    if (!content) {
      this.details.replaceChildren(
        el('h2', {}, PAGE_WORDS.details),
        ...(this.problems.length > 0 ? [el('p', { class: 'error' }, ...this.problems.map((p) => `${p} `))] : []),
        el('p', { class: 'hint' }, PAGE_WORDS.detailsHint),
        el(
          'p',
          { class: 'keys' },
          PAGE_WORDS.keys,
          el('kbd', {}, 'Space'),
          PAGE_WORDS.keySpace,
          el('kbd', {}, '→'),
          PAGE_WORDS.keyRight,
          el('kbd', {}, 'Tab'),
          PAGE_WORDS.keyTab,
        ),
      );
      return;
    }
    const tag = this.classroom.b && sel ? ` (run ${sel.run})` : '';
    this.details.replaceChildren(...renderDetails(content, tag));
    this.details.scrollTop = scroll;
  }

  // ---------------------------------------------------------------------------------------------
  // The API for tests

  /** Returns the page's API (window.partnersimClassroom). */
  api(): ClassroomApi {
    const app = this;
    const c = this.classroom;
    return {
      ready: true,
      get step() {
        return c.a.step;
      },
      get playing() {
        return app.playing;
      },
      get seed() {
        return c.masterSeed;
      },
      get runSeed() {
        return c.runSeed;
      },
      get scenario() {
        return c.a.sim.scenario.name;
      },
      get steps() {
        return c.steps;
      },
      get whatIf() {
        return c.b !== null;
      },
      get timeseriesLength() {
        return c.a.sim.timeseries.length;
      },
      get eventCount() {
        return c.a.sim.events.length;
      },
      get frames() {
        return app.frameCount;
      },
      get frameWorkMs() {
        return app.workMs.reduce((s, v) => s + v, 0) / Math.max(1, Math.min(app.frameCount, app.workMs.length));
      },
      metrics: () => c.metrics('A'),
      metricsB: () => c.metrics('B'),
      runToEnd: () => app.runToEnd(),
      play: () => {
        if (!app.playing) app.togglePlay();
      },
      pause: () => app.setPlaying(false),
      stepOnce: () => app.stepOnce(),
      reset: () => app.reset(),
      setPreset: (path) => app.setPreset(path),
      setSeed: (seed) => app.setSeed(seed),
      setLever: (key, value, run = 'A') => {
        app.pending.set(`${run}:${key}`, { run, key, value });
        app.applyPending();
      },
      setWhatIf: (on) => app.setWhatIf(on),
      nodeCenter: (org, run = 'A') => {
        const view = run === 'B' ? app.viewB : app.viewA;
        const at = view.nodePosition(org);
        if (!at) return null;
        const box = view.canvas.getBoundingClientRect();
        return { x: box.left + at.x, y: box.top + at.y };
      },
      trustOf: (org, run = 'A') => {
        const target = run === 'B' ? c.b : c.a;
        const colour = (run === 'B' ? app.viewB : app.viewA).trustColourOf(org);
        return target && colour ? { name: target.sim.world.trusts[target.sim.world.orgs.trust[org]].name, colour } : null;
      },
    };
  }
}

// Returns the most steps a frame may take when a step takes `stepMs`: what fits in about half a frame, at least one.
function stepBudget(stepMs: number): number {
  return Math.max(1, Math.min(MAX_STEPS_PER_FRAME, Math.floor(8 / Math.max(stepMs, 1e-3))));
}

// Moves a slider to a value unless it is there already (a slider being dragged then stays put), and shows the value, or
// the range of the areas' own values when they differ.
function setSlider(input: HTMLInputElement, output: HTMLElement, value: number, areas: [number, number] | null): void {
  if (Math.abs(Number(input.value) - value) > 1e-9) input.value = String(value);
  const text = areas ? `${twoDecimals(areas[0])}–${twoDecimals(areas[1])}` : twoDecimals(value);
  if (output.textContent !== text) output.textContent = text;
  const title = areas ? PAGE_WORDS.areasDiffer : '';
  if (output.title !== title) output.title = title;
}

function renderDetails(content: DetailsContent, tag: string): Node[] {
  const line = (segments: Line): Node[] =>
    segments.map((s) =>
      typeof s === 'string'
        ? document.createTextNode(s)
        : el('button', { type: 'button', class: 'link', 'data-select': JSON.stringify(s.target) }, s.text),
    );
  const nodes: Node[] = [
    el(
      'h2',
      {},
      el('span', {}, content.title, tag),
      el('button', { type: 'button', class: 'close', title: PAGE_WORDS.close, 'aria-label': PAGE_WORDS.close }, '×'),
    ),
    el('p', { class: 'hint' }, content.subtitle),
  ];
  if (content.bars.length > 0) {
    const bars = el('div', { class: 'bars', 'aria-label': PAGE_WORDS.features });
    for (const bar of content.bars) {
      bars.append(
        el(
          'div',
          { class: 'bar-row' },
          el('span', {}, bar.label),
          el('span', { class: 'track' }, el('span', { class: 'fill', style: `width:${Math.round(bar.value * 100)}%; display:block` })),
          el('span', { class: 'num' }, twoDecimals(bar.value)),
        ),
      );
    }
    nodes.push(bars);
  }
  const facts = el('dl', {});
  for (const [term, value] of content.facts) facts.append(el('dt', {}, term), el('dd', {}, ...line(value)));
  nodes.push(facts);
  for (const section of content.sections) {
    nodes.push(el('h3', {}, section.heading));
    const list = el('ul', {});
    for (const item of section.lines) list.append(el('li', {}, ...line(item)));
    nodes.push(list);
  }
  return nodes;
}
