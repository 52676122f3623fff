// The classroom page: builds the controls, views, charts, feed and details panel. The model runs in a Web Worker
// (model-worker.ts) that steps at the speed asked and sends each run's news; the page takes the news in as it comes and
// draws in requestAnimationFrame, so drawing never waits for a step.
//
//   worker update ─► views take in the pictures, feed, sliders, clock text, details (news, below)
//   frame(now)    ─► resize canvases if their boxes changed ─► send slider moves ─► draw the network views (every frame:
//                    animations) ─► draw the charts (when news came) ─► tell the worker the news is drawn
import type { Metrics } from '../engine/types.ts';
import { LEVEL_NAMES } from '../model/vocabulary.ts';
import { MAX_SEED } from '../random.ts';
import { LEVER_KEYS, LEVER_MEANINGS, ORG_KINDS, type LeverKey } from '../scenario/schema.ts';
import { ChartView, type ChartKind, type ChartRun } from './chart-view.ts';
import type { Preset } from './classroom.ts';
import { SPEED_MAX, SPEED_MIN } from './clock.ts';
import type { DetailsContent, Line, Selection } from './details.ts';
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
import { ModelClient, type ShownRun, type WorkerPort } from './model-client.ts';
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
  startingWords,
  twoDecimals,
  whatIfRestartWords,
} from './words.ts';

/** What tests (and a curious teacher's console) can ask the page. */
export interface ClassroomApi {
  /** Whether the first runs are in (the worker has built and burnt in the scenario's world). */
  readonly ready: boolean;
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
  /** Run A's metrics so far (the engine's, as `partnersim run` computes them), asked of the worker. */
  metrics(): Promise<Metrics | null>;
  /** Run B's metrics so far, in "what if" mode. */
  metricsB(): Promise<Metrics | null>;
  /** Each of these resolves once the worker has done it and the page has taken in its news. */
  runToEnd(): Promise<void>;
  play(): void;
  pause(): void;
  stepOnce(): Promise<void>;
  /** Takes n steps at once (as n presses of Step). */
  advance(n: number): Promise<void>;
  reset(): Promise<void>;
  setPreset(pathOrName: string): Promise<void>;
  setSeed(seed: number): Promise<void>;
  setLever(key: LeverKey, value: number, run?: RunId): Promise<void>;
  setWhatIf(on: boolean): Promise<void>;
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
/** How often the clock's text says how long the scenario has been starting, in ms. */
const STARTING_MS = 500;

/** The page: its elements, its runs and its loop. */
export class ClassroomApp {
  private readonly model: ModelClient;
  private readonly presets: readonly Preset[];
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
  /** Whether the worker's word on the selection changed since the details were shown. */
  private detailsDirty = false;
  private readonly pending = new Map<string, { run: RunId; key: LeverKey; value: number }>();
  private playing = false;
  /** The number of the last play or pause sent: the worker's word on playing counts once it has taken it. */
  private playSent = 0;
  /** Whether the next news is a jump (run to the end): the views take it as it is, with nothing to animate. */
  private jump = false;
  private startingShownAt = -Infinity;
  private frameCount = 0;
  private readonly workMs = new Float64Array(60);
  private chartsDirty = true;
  private chartsAt = -Infinity;
  private resizeDirty = true;
  private readonly status: HTMLElement;

  constructor(host: HTMLElement, presets: readonly Preset[], initialProblems: readonly string[], port: WorkerPort) {
    this.presets = presets;
    this.model = new ModelClient(port, () => performance.now());
    this.model.onNews = (kind) => this.news(kind);
    // ---- toolbar
    this.preset = el('select', { id: 'preset', 'aria-label': PAGE_WORDS.scenario });
    for (const p of presets) this.preset.append(el('option', { value: p.path }, p.name));
    this.seedBox = el('input', {
      id: 'seed',
      type: 'number',
      min: 0,
      max: MAX_SEED,
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
      if (Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) this.setSeed(seed);
      else this.seedBox.value = String(this.model.masterSeed);
    });
    this.playButton.addEventListener('click', () => this.togglePlay());
    this.stepButton.addEventListener('click', () => this.stepOnce());
    resetButton.addEventListener('click', () => this.reset());
    restore.addEventListener('click', () => {
      this.showPlaying(false);
      this.showNotice(null);
      void this.model.send({ kind: 'restore' });
    });
    this.speed.addEventListener('input', () => this.showSpeed());
    this.whatIfButton.addEventListener('click', () => void this.setWhatIf(!this.model.b));
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
    this.showDetails();
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

  // Sends the slider moves not yet sent; resolves once the worker has taken them.
  private applyPending(): Promise<void> {
    const moves = [...this.pending.values()];
    this.pending.clear();
    return Promise.all(moves.map(({ run, key, value }) => this.model.send({ kind: 'lever', run, key, value }))).then(() => undefined);
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

  private setPreset(path: string): Promise<void> {
    // Another scenario's organisation of the same number is another organisation.
    this.selection = null;
    this.showPlaying(false);
    this.showNotice(null);
    return this.model.send({ kind: 'preset', path });
  }

  private setSeed(seed: number): Promise<void> {
    this.showPlaying(false);
    this.showNotice(null);
    return this.model.send({ kind: 'seed', seed });
  }

  private reset(): Promise<void> {
    this.showPlaying(false);
    this.showNotice(null);
    return this.model.send({ kind: 'reset' });
  }

  private async setWhatIf(on: boolean): Promise<void> {
    const { a } = this.model;
    const was = a && a.step > 0 && on && !this.model.b ? clockWords(a.step, a.stepsPerYear, this.model.steps) : null;
    this.showPlaying(false);
    this.showNotice(null);
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
    await this.model.send({ kind: 'what-if', on });
    // Run A starts again with run B: say so, since the class may have been watching run A for years.
    this.showNotice(was === null ? null : whatIfRestartWords(was, this.model.masterSeed));
  }

  private showNotice(text: string | null): void {
    this.notice.hidden = text === null;
    this.notice.textContent = text ?? '';
  }

  // The worker's news: new runs (the views start again with their first update), or the runs' news after steps.
  private news(kind: string): void {
    const model = this.model;
    if (kind === 'starting') {
      this.startingShownAt = -Infinity;
      this.showStarting(performance.now());
      return;
    }
    if (kind === 'failed') {
      this.showNotice(model.failure);
      return;
    }
    if (kind !== 'update') return;
    if (model.seen >= this.playSent) this.showPlaying(model.playing);
    else if (model.atEnd) this.showPlaying(false);
    if (model.runsNew) {
      model.runsNew = false;
      this.runsChanged();
      return;
    }
    this.afterSteps(performance.now(), false, !this.jump);
    this.jump = false;
  }

  // After the runs were replaced: views attached to the new runs, the feed and charts started again, controls refreshed.
  private runsChanged(): void {
    const now = performance.now();
    const { a, b } = this.model;
    if (!a) return;
    this.viewA.attach(a, now);
    if (b) this.viewB.attach(b, now);
    this.resizeDirty = true;
    // Partnerships and ties are the old runs'; an organisation is the same one in the new runs of a preset.
    if (this.selection && this.selection.kind !== 'org') this.selection = null;
    this.viewA.select(this.selection);
    this.viewB.select(this.selection);
    if (this.selection) this.model.tell({ kind: 'select', selection: this.selection });
    const preset = this.presets.find((p) => p.path === this.model.path);
    this.preset.value = this.model.path;
    this.preset.title = preset?.description ?? '';
    this.seedBox.value = String(this.model.masterSeed);
    this.feedSeen.A = a.events.length;
    this.feedSeen.B = b ? b.events.length : 0;
    this.trustsSeen.A = a.trustEvents.length;
    this.trustsSeen.B = b ? b.trustEvents.length : 0;
    this.rebuildFeed();
    this.chartsDirty = true;
    this.afterSteps(now, true);
    this.showSpeed();
    this.showDetails();
  }

  // Says on the clock how long the scenario has been starting (building its world, then its burn-in), so that a large
  // one is seen to be working.
  private showStarting(now: number): void {
    const starting = this.model.starting;
    if (!starting || now - this.startingShownAt < STARTING_MS) return;
    this.startingShownAt = now;
    this.year.textContent = startingWords(starting.name, (now - starting.since) / 1000, starting.burnIn);
    this.playButton.disabled = true;
    this.stepButton.disabled = true;
  }

  // Shows play or pause (what the user asked, or what the worker said: it stops at the end, and when runs start again).
  private showPlaying(on: boolean): void {
    if (on !== this.playing) {
      const a = this.model.a;
      this.status.textContent = on ? PAGE_WORDS.playing : a ? pausedWords(clockWords(a.step, a.stepsPerYear, this.model.steps)) : '';
    }
    this.playing = on;
    this.playButton.setAttribute('aria-pressed', String(on));
    this.playButton.textContent = on ? PAGE_WORDS.pause : this.model.atEnd ? PAGE_WORDS.replay : PAGE_WORDS.play;
    this.stepButton.disabled = this.model.atEnd || this.model.starting !== null;
  }

  private setPlaying(on: boolean): void {
    this.showPlaying(on);
    this.playSent = this.model.tell(on ? { kind: 'play', speed: Number(this.speed.value) } : { kind: 'pause' });
  }

  private togglePlay(): void {
    if (this.playing) {
      this.setPlaying(false);
      return;
    }
    if (this.model.atEnd) void this.reset();
    this.setPlaying(true);
  }

  private async stepOnce(steps = 1): Promise<void> {
    if (this.playing) this.setPlaying(false);
    await this.applyPending();
    await this.model.send({ kind: 'step', steps });
  }

  private async runToEnd(): Promise<void> {
    if (this.playing) this.setPlaying(false);
    await this.applyPending();
    this.jump = true;
    await this.model.send({ kind: 'to-end' });
  }

  // ---------------------------------------------------------------------------------------------
  // The loop

  private frame(now: number): void {
    // The next frame is asked for first, so that one failing frame does not stop the page.
    requestAnimationFrame((t) => this.frame(t));
    if (this.resizeDirty) this.resize();
    if (this.pending.size > 0) void this.applyPending();
    if (this.model.starting) this.showStarting(now);
    if (this.selection && this.detailsDirty && now - this.detailsShownAt > DETAILS_REFRESH_MS) this.showDetails();
    // Two views take turns to redraw their pictures, so that one frame does not carry both.
    const redrewA = this.viewA.draw(now);
    if (this.model.b) this.viewB.draw(now, !redrewA);
    // While playing fast, the charts are drawn at most every CHART_MS: a step more or less cannot be seen in them.
    if (this.chartsDirty && (!this.playing || now - this.chartsAt >= CHART_MS)) this.drawCharts(now);
    if (this.model.fresh) this.model.drawn();
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
    if (this.model.b) this.viewB.resize(...fit(this.viewB.canvas), dpr, text);
    for (const chart of this.charts) if (chart.view.resize(...fit(chart.view.canvas), dpr, text)) this.chartsDirty = true;
  }

  // After steps (or new runs): the views take in the changes, the feed its new events; clock, buttons, sliders, charts follow.
  private afterSteps(now: number, initial = false, animate = true): void {
    const { a, b } = this.model;
    if (!a) return;
    if (!initial) {
      this.viewA.sync(now, !animate);
      if (b) this.viewB.sync(now, !animate);
      this.updateFeed();
      if (a.step > 0) this.showNotice(null);
    }
    this.viewA.setFocus(this.model.focus);
    this.viewB.setFocus(this.model.focus);
    this.year.textContent = clockWords(a.step, a.stepsPerYear, this.model.steps);
    this.playButton.disabled = false;
    this.stepButton.disabled = this.model.atEnd;
    if (!this.playing) this.playButton.textContent = this.model.atEnd ? PAGE_WORDS.replay : PAGE_WORDS.play;
    this.refreshLevers();
    this.chartsDirty = true;
    // While playing, the frame refreshes the details now and then; a single step shows them at once.
    this.detailsDirty = true;
    if (this.selection && !this.playing) this.showDetails();
  }

  private refreshLevers(): void {
    const levelsA = this.model.a?.levers;
    const levelsB = this.model.b?.levers;
    if (!levelsA) return;
    for (const [key, row] of this.levers) {
      setSlider(row.a, row.valueA, levelsA.values[key], levelsA.areaRanges[key] ?? null);
      if (levelsB) setSlider(row.b, row.valueB, levelsB.values[key], null);
      row.mark.hidden = !levelsA.set.includes(key) && !levelsB?.set.includes(key);
    }
  }

  private showSpeed(): void {
    const speed = Number(this.speed.value);
    this.viewA.setPace(speed);
    this.viewB.setPace(speed);
    if (this.playing) this.model.tell({ kind: 'speed', speed });
    const spy = this.model.a?.stepsPerYear ?? 12;
    this.speedValue.textContent = `${speed} step${speed === 1 ? '' : 's'}/s`;
    this.speed.setAttribute('aria-valuetext', `${speed} steps per second, ${(speed / spy).toFixed(1)} years per second`);
  }

  // ---------------------------------------------------------------------------------------------
  // Charts

  private drawCharts(now: number): void {
    this.chartsDirty = false;
    this.chartsAt = now;
    const runs: ChartRun[] = this.model.runs.flatMap((run) =>
      run.scenario ? [{ timeseries: run.timeseries, scenario: run.scenario, dashed: run.id === 'B' }] : [],
    );
    const { steps, a, b } = this.model;
    if (!a) return;
    const spy = a.stepsPerYear;
    const lastA = a.timeseries.at(-1);
    const lastB = b?.timeseries.at(-1);
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
      chart.nowB.textContent = b && lastB && value(lastB) !== '' ? `B ${value(lastB)}` : '';
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Feed

  private runById(id: RunId): ShownRun | null {
    return id === 'B' ? this.model.b : this.model.a;
  }

  // The entries of a run's events and trust events from the given indices on (newest first, at most the limit of each).
  private entriesOf(run: ShownRun, events: number, trusts: number): FeedEntry[] {
    const spy = run.stepsPerYear;
    const context = { names: run.names, areaOf: (p: number) => run.areaOf(p) };
    const trustContext = run.trustEventContext();
    return [
      ...shownEventIndices(run.events, events, this.feedKinds).map((i) => feedEntry(run.events, i, run.id, context, spy)),
      ...shownTrustIndices(run.trustEvents, trusts, this.feedKinds).map((i) =>
        trustFeedEntry(run.trustEvents, i, run.id, trustContext, spy),
      ),
    ];
  }

  private rebuildFeed(): void {
    const entries = this.model.runs.flatMap((run) => this.entriesOf(run, 0, 0));
    entries.sort(newestFirst);
    this.feedEntries = entries.slice(0, FEED_LIMIT);
    this.feed.replaceChildren(...this.feedEntries.map((e) => this.feedItem(e)));
    if (this.feedEntries.length === 0) this.feed.append(el('li', { class: 'empty' }, PAGE_WORDS.feedEmpty));
  }

  private updateFeed(): void {
    const incoming: FeedEntry[] = [];
    for (const run of this.model.runs) {
      incoming.push(...this.entriesOf(run, this.feedSeen[run.id], this.trustsSeen[run.id]));
      this.feedSeen[run.id] = run.events.length;
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
    const whatIf = this.model.b !== null;
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
    this.detailsDirty = false;
    this.showDetails();
    // The details come with the worker's answer.
    void this.model.send({ kind: 'select', selection });
  }

  private showDetails(): void {
    this.detailsShownAt = performance.now();
    this.detailsDirty = false;
    const sel = this.selection;
    const focus = this.model.focus;
    const content = sel && focus && JSON.stringify(focus.selection) === JSON.stringify(sel) ? focus.details : null;
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
    const tag = this.model.b && sel ? ` (run ${sel.run})` : '';
    this.details.replaceChildren(...renderDetails(content, tag));
    this.details.scrollTop = scroll;
  }

  // ---------------------------------------------------------------------------------------------
  // The API for tests

  /** Returns the page's API (window.partnersimClassroom). */
  api(): ClassroomApi {
    const app = this;
    const m = this.model;
    return {
      get ready() {
        return m.a?.picture != null;
      },
      get step() {
        return m.a?.step ?? 0;
      },
      get playing() {
        return app.playing;
      },
      get seed() {
        return m.masterSeed;
      },
      get runSeed() {
        return m.runSeed;
      },
      get scenario() {
        return m.a?.scenario?.name ?? '';
      },
      get steps() {
        return m.steps;
      },
      get whatIf() {
        return m.b !== null;
      },
      get timeseriesLength() {
        return m.a?.timeseries.length ?? 0;
      },
      get eventCount() {
        return m.a?.events.length ?? 0;
      },
      get frames() {
        return app.frameCount;
      },
      get frameWorkMs() {
        return app.workMs.reduce((s, v) => s + v, 0) / Math.max(1, Math.min(app.frameCount, app.workMs.length));
      },
      metrics: () => m.metrics('A'),
      metricsB: () => m.metrics('B'),
      runToEnd: () => app.runToEnd(),
      play: () => {
        if (!app.playing) app.togglePlay();
      },
      pause: () => app.setPlaying(false),
      stepOnce: () => app.stepOnce(),
      advance: (n) => app.stepOnce(n),
      reset: () => app.reset(),
      setPreset: (path) => app.setPreset(path),
      setSeed: (seed) => app.setSeed(seed),
      setLever: (key, value, run = 'A') => {
        app.pending.set(`${run}:${key}`, { run, key, value });
        return app.applyPending();
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
        const target = run === 'B' ? m.b : m.a;
        const colour = (run === 'B' ? app.viewB : app.viewA).trustColourOf(org);
        const shown = target?.picture;
        return shown && colour ? { name: shown.trusts[shown.trust[org]].name, colour } : null;
      },
    };
  }
}

// Moves a slider to a value unless it is there already (a slider being dragged then stays put), and shows the value, or
// the range of the areas' own values when they differ.
function setSlider(input: HTMLInputElement, output: HTMLElement, value: number, areas: readonly [number, number] | null): void {
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
