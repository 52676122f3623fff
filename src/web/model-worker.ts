// The model's side of the page, run in a Web Worker: it holds the Classroom (the runs), takes the page's commands, steps
// the runs at the speed asked while playing, and sends each run's news as an update. An update is sent when the page
// has drawn the last one (so a fast model never queues pictures the page cannot draw) or when a command asked for it.
// Nothing here touches the DOM or the worker's globals: `post` and `later` are given, so tests run it in Node.
import { AREA_LEVER_KEYS, LEVER_KEYS, type LeverKey } from '../scenario/schema.ts';
import { Classroom, type ClassroomRun, loadPresets } from './classroom.ts';
import { detailsOf, type Selection } from './details.ts';
import { picture } from './picture.ts';
import type { BurnIn, Command, Focus, LeverState, Report, RunStart, RunUpdate } from './protocol.ts';
import { coreOf } from '../model/world.ts';
import { MAX_FRAME_MS, SPEED_MAX, stepsForFrame } from './clock.ts';

/** How often, at most, the page is told how far a burn-in has gone, in ms. */
export const BURN_IN_MS = 250;

/** How a report leaves the worker: the message, and the buffers to transfer with it. */
export type Post = (report: Report, transfer: ArrayBuffer[]) => void;

/** Calls back after `ms` (setTimeout in a worker). */
export type Later = (callback: () => void, ms: number) => void;

// What a run has already sent of its logs.
interface Sent {
  events: number;
  trustEvents: number;
  rows: number;
  scenario: unknown;
}

/** The runs of the page, behind messages. */
export class ModelWorker {
  private classroom: Classroom | null = null;
  private sent: Record<'A' | 'B', Sent> = { A: fresh(), B: fresh() };
  private selection: Selection | null = null;
  private playing = false;
  private speed = 6;
  /** The fraction of a step owed at the speed asked, and when time was last counted. */
  private carry = 0;
  private counted = 0;
  private ticking = false;
  /** Whether the page is drawing an update (no other is sent meanwhile unless asked), and whether news waits. */
  private drawing = false;
  private waiting = false;
  /** The number of the last command taken. */
  private seen = 0;
  /** When the page was last told how far a burn-in had gone. */
  private burnInToldAt = -Infinity;

  constructor(
    private readonly post: Post,
    private readonly later: Later,
    private readonly now: () => number,
  ) {}

  // Tells the page how far a run's burn-in has gone, at most every BURN_IN_MS (and at its last step).
  private burnIn(progress: BurnIn): void {
    const now = this.now();
    if (now - this.burnInToldAt < BURN_IN_MS && progress.done < progress.total) return;
    this.burnInToldAt = now;
    this.post({ kind: 'burn-in', progress }, []);
  }

  /** Takes one command from the page. */
  handle(command: Command): void {
    const ack = command.ack ?? null;
    if (ack !== null) this.seen = ack;
    try {
      if (command.kind === 'open') {
        const { presets } = loadPresets(command.data);
        const first = presets[0];
        if (!first) throw new Error('no scenario could be loaded');
        this.post({ kind: 'starting', path: first.path, name: first.name }, []);
        this.classroom = new Classroom(presets, (run, done, total, stepsPerYear) => this.burnIn({ run, done, total, stepsPerYear }));
        this.runsChanged(ack);
        return;
      }
      const c = this.classroom;
      if (!c) return;
      switch (command.kind) {
        case 'preset': {
          const preset = c.presets.find((p) => p.path === command.path || p.name === command.path);
          if (preset) this.post({ kind: 'starting', path: preset.path, name: preset.name }, []);
          this.playing = false;
          this.selection = null;
          c.setPreset(command.path);
          this.runsChanged(ack);
          return;
        }
        case 'seed':
          this.playing = false;
          c.setSeed(command.seed);
          this.runsChanged(ack);
          return;
        case 'reset':
          this.playing = false;
          c.reset();
          this.runsChanged(ack);
          return;
        case 'restore':
          this.playing = false;
          c.restoreLevers();
          this.runsChanged(ack);
          return;
        case 'what-if':
          this.playing = false;
          c.setWhatIf(command.on);
          this.runsChanged(ack);
          return;
        case 'lever': {
          const target = command.run === 'B' ? c.b : c.a;
          const restarts = target !== null && target.step === 0;
          c.setLever(command.run, command.key, command.value);
          if (restarts) this.runsChanged(ack, false);
          else this.update(ack);
          return;
        }
        case 'play':
          this.playing = !c.atEnd;
          this.speed = command.speed;
          this.carry = 0;
          this.counted = this.now();
          this.update(ack);
          this.tick();
          return;
        case 'pause':
          this.playing = false;
          this.update(ack);
          return;
        case 'speed':
          this.speed = command.speed;
          return;
        case 'step':
          this.playing = false;
          for (let k = 0; k < command.steps && c.advance(); k++);
          this.update(ack);
          return;
        case 'to-end':
          this.playing = false;
          c.runToEnd();
          this.update(ack);
          return;
        case 'select':
          this.selection = command.selection;
          this.update(ack);
          return;
        case 'drawn':
          this.drawing = false;
          if (this.waiting) this.update(null);
          return;
        case 'metrics':
          this.post({ kind: 'metrics', metrics: c.metrics(command.run), ack }, []);
          return;
      }
    } catch (error) {
      this.post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }, []);
    }
  }

  // While playing: a step when one is owed (one at a time, so that a command waits for one step at most, and a world
  // whose step takes longer than the speed allows drops what it owes rather than falling behind), then again.
  private tick(): void {
    const c = this.classroom;
    if (this.ticking || !c || !this.playing) return;
    const now = this.now();
    const { steps, carry } = stepsForFrame(this.carry, now - this.counted, this.speed, 1);
    this.carry = carry;
    this.counted = now;
    if (steps > 0) {
      if (c.advance()) this.update(null);
      if (c.atEnd) {
        this.playing = false;
        this.update(null);
        return;
      }
    }
    this.ticking = true;
    // Time is counted in spans of at most MAX_FRAME_MS (a longer one counts as that long): wake at least that often.
    const wait = Math.min(MAX_FRAME_MS, ((1 - this.carry) * 1000) / Math.max(1, Math.min(SPEED_MAX, this.speed)));
    this.later(() => {
      this.ticking = false;
      this.tick();
    }, wait);
  }

  // New runs: what does not change in them, then their first update (always sent: the page waits for it).
  private runsChanged(ack: number | null, stop = true): void {
    const c = this.classroom as Classroom;
    if (stop) this.playing = false;
    this.sent = { A: fresh(), B: fresh() };
    if (this.selection && this.selection.kind !== 'org') this.selection = null;
    this.post(
      {
        kind: 'runs',
        path: c.preset.path,
        masterSeed: c.masterSeed,
        runSeed: c.runSeed,
        steps: c.steps,
        runs: c.runs.map(runStart),
      },
      [],
    );
    this.drawing = false;
    this.update(ack);
  }

  // Sends the runs' news when the page is ready for it, or when a command asked (its ack); otherwise marks it waiting.
  private update(ack: number | null): void {
    const c = this.classroom;
    if (!c) return;
    if (this.drawing && ack === null) {
      this.waiting = true;
      return;
    }
    const transfer: ArrayBuffer[] = [];
    const runs = c.runs.map((run) => this.runUpdate(run, transfer));
    this.drawing = true;
    this.waiting = false;
    this.post({ kind: 'update', runs, atEnd: c.atEnd, playing: this.playing, focus: this.focus(), ack, seen: this.seen }, transfer);
  }

  private runUpdate(run: ClassroomRun, transfer: ArrayBuffer[]): RunUpdate {
    const sent = this.sent[run.id];
    const shown = picture(run);
    transfer.push(...shown.transfer);
    const events = run.sim.events.slice(sent.events);
    const members = new Map<number, readonly number[]>();
    for (const e of events)
      if (e.kind === 'strengthened' || e.kind === 'weakened')
        members.set(e.partnership, [...run.sim.world.partnerships[e.partnership].members]);
    const scenario = run.sim.scenario === sent.scenario ? null : withoutRegister(run);
    const update: RunUpdate = {
      id: run.id,
      picture: shown.picture,
      events,
      trustEvents: run.trustEvents.slice(sent.trustEvents),
      rows: run.sim.timeseries.slice(sent.rows),
      eventMembers: [...members],
      scenario,
      levers: leverState(run),
    };
    sent.events = run.sim.events.length;
    sent.trustEvents = run.trustEvents.length;
    sent.rows = run.sim.timeseries.length;
    sent.scenario = run.sim.scenario;
    return update;
  }

  private focus(): Focus | null {
    const c = this.classroom;
    const sel = this.selection;
    if (!c || !sel) return null;
    const run = sel.run === 'B' ? c.b : c.a;
    if (!run) return null;
    const p = sel.kind === 'partnership' ? run.sim.world.partnerships[sel.id] : undefined;
    return {
      selection: sel,
      details: detailsOf(run, sel),
      members: p ? [...p.members] : [],
      // A dissolved partnership's depths went with it: its last members are drawn as one group.
      core: p ? (p.endedStep === null ? coreOf(run.sim.world, p) : [...p.members]) : [],
      ties: p ? [...p.ties] : [],
      ended: p ? p.endedStep !== null : false,
      level: p ? p.level : -1,
    };
  }
}

function fresh(): Sent {
  return { events: 0, trustEvents: 0, rows: 0, scenario: null };
}

function runStart(run: ClassroomRun): RunStart {
  return {
    id: run.id,
    names: run.names,
    areaNames: run.areaNames,
    positions: run.sim.scenario.organisations.register === undefined ? 'grid' : 'map',
    stepsPerYear: run.sim.scenario.time.stepsPerYear,
  };
}

// The scenario as the page's charts read it (its lever schedules): the register, which can be the size of a country, left out.
function withoutRegister(run: ClassroomRun): RunUpdate['scenario'] {
  const s = run.sim.scenario;
  return { ...s, organisations: { ...s.organisations, register: undefined } };
}

/** Returns a run's levers as its sliders show them. */
export function leverState(run: ClassroomRun): LeverState {
  const varying = new Set(run.leversVaryingByArea());
  const areaRanges: Partial<Record<LeverKey, readonly [number, number]>> = {};
  for (const key of AREA_LEVER_KEYS) if (varying.has(key)) areaRanges[key] = run.areaRange(key);
  return { values: run.nextLevers(), areaRanges, set: LEVER_KEYS.filter((key) => run.levers[key] !== undefined) };
}
