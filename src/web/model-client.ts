// The page's side of the model's worker: it sends commands (each a promise kept once the worker has done it and the
// page has its news) and keeps what the worker tells of each run (ShownRun): the latest picture, the logs so far, the
// levers. The page reads runs only through these; it never holds the world.
import type { Metrics, StepRecord } from '../engine/types.ts';
import type { PartnershipEvent } from '../model/vocabulary.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { RunId } from './feed.ts';
import type { Picture } from './picture.ts';
import type { BurnIn, Command, Focus, LeverState, Report, RunStart, RunUpdate } from './protocol.ts';
import type { TrustEvent } from './trusts-shown.ts';
import type { TrustEventContext } from './words.ts';

/** A run as the page knows it: what does not change, its latest picture, and its logs as far as they were sent. */
export class ShownRun {
  readonly id: RunId;
  readonly names: readonly string[];
  readonly areaNames: readonly string[];
  readonly positions: 'grid' | 'map';
  readonly stepsPerYear: number;
  picture: Picture | null = null;
  scenario: Scenario | null = null;
  levers: LeverState | null = null;
  readonly events: PartnershipEvent[] = [];
  readonly trustEvents: TrustEvent[] = [];
  readonly timeseries: StepRecord[] = [];
  /** The members of the partnerships that strengthened or weakened in the last update's events. */
  eventMembers: ReadonlyMap<number, readonly number[]> = new Map();

  constructor(start: RunStart) {
    this.id = start.id;
    this.names = start.names;
    this.areaNames = start.areaNames;
    this.positions = start.positions;
    this.stepsPerYear = start.stepsPerYear;
  }

  /** Takes in an update: the new picture, the logs' new entries. */
  applyInPlace(update: RunUpdate): void {
    this.picture = update.picture;
    if (update.scenario) this.scenario = update.scenario;
    this.levers = update.levers;
    this.events.push(...update.events);
    this.trustEvents.push(...update.trustEvents);
    this.timeseries.push(...update.rows);
    this.eventMembers = new Map(update.eventMembers);
  }

  /** Returns the step last completed. */
  get step(): number {
    return this.picture?.step ?? 0;
  }

  /** Returns the name of the area a partnership belongs to. */
  areaOf(partnership: number): string {
    const area = this.picture?.partnershipArea[partnership];
    return area === undefined ? '' : (this.areaNames[area] ?? '');
  }

  /** Returns what the words of a trust's change need from this run: names of organisations, areas and trusts. */
  trustEventContext(): TrustEventContext {
    return {
      names: this.names,
      areaNames: this.areaNames,
      orgArea: (i) => this.picture?.area[i] ?? 0,
      trustName: (t) => this.picture?.trusts[t]?.name ?? 'a trust',
    };
  }
}

/** Where the worker is: something that takes messages and hands back reports (a Worker, or a stand-in in tests). */
export interface WorkerPort {
  postMessage(command: Command): void;
  onmessage: ((event: { data: Report }) => void) | null;
}

/** The runs behind the page, as the worker tells of them. */
export class ModelClient {
  a: ShownRun | null = null;
  b: ShownRun | null = null;
  path = '';
  masterSeed = 0;
  runSeed = 0;
  steps = 0;
  atEnd = false;
  /** Whether the worker is playing, as it last said, and the number of the last command it had taken then. */
  playing = false;
  seen = 0;
  focus: Focus | null = null;
  /** The scenario being started (its world built and burnt in), when that began, and how far the latest run's burn-in
   * has gone (once the worker has said); null once its runs are there. */
  starting: { path: string; name: string; since: number; burnIn?: BurnIn } | null = null;
  /** Whether news came that the page has not drawn yet, and whether new runs came (the views start again). */
  fresh = false;
  runsNew = false;
  failure: string | null = null;
  /** Called once the news of a report is in, before any command waiting on it is settled. */
  onNews: ((kind: Report['kind']) => void) | null = null;
  private nextAck = 1;
  private readonly acks = new Map<number, (value: unknown) => void>();

  constructor(
    private readonly port: WorkerPort,
    private readonly now: () => number,
  ) {
    port.onmessage = (event) => this.receive(event.data);
  }

  /** Returns the runs in play: A, and B in "what if" mode. */
  get runs(): ShownRun[] {
    return [this.a, this.b].filter((r): r is ShownRun => r !== null);
  }

  /** Sends a command; resolves once the worker has done it and its news is in. */
  send(command: Command): Promise<void> {
    const ack = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(ack, () => resolve());
      this.port.postMessage({ ...command, ack });
    });
  }

  /** Sends a command whose answer nobody waits for; returns its number. */
  tell(command: Command): number {
    const ack = this.nextAck++;
    this.port.postMessage({ ...command, ack });
    return ack;
  }

  /** Asks for a run's metrics so far (the engine's, as `partnersim run` computes them). */
  metrics(run: RunId): Promise<Metrics | null> {
    const ack = this.nextAck++;
    return new Promise((resolve) => {
      this.acks.set(ack, (value) => resolve(value as Metrics | null));
      this.port.postMessage({ kind: 'metrics', run, ack });
    });
  }

  /** Tells the worker the page has drawn its news: the next update may come. */
  drawn(): void {
    this.fresh = false;
    this.tell({ kind: 'drawn' });
  }

  private receive(report: Report): void {
    switch (report.kind) {
      case 'starting':
        this.starting = { path: report.path, name: report.name, since: this.now() };
        this.onNews?.('starting');
        return;
      case 'burn-in':
        if (this.starting) this.starting.burnIn = report.progress;
        this.onNews?.('starting');
        return;
      case 'runs': {
        this.starting = null;
        this.path = report.path;
        this.masterSeed = report.masterSeed;
        this.runSeed = report.runSeed;
        this.steps = report.steps;
        const byId = new Map(report.runs.map((r) => [r.id, new ShownRun(r)]));
        this.a = byId.get('A') ?? null;
        this.b = byId.get('B') ?? null;
        this.runsNew = true;
        this.onNews?.('runs');
        return;
      }
      case 'update':
        for (const update of report.runs) (update.id === 'B' ? this.b : this.a)?.applyInPlace(update);
        this.atEnd = report.atEnd;
        this.playing = report.playing;
        this.seen = report.seen;
        this.focus = report.focus;
        this.fresh = true;
        this.onNews?.('update');
        this.settle(report.ack, undefined);
        return;
      case 'metrics':
        this.settle(report.ack, report.metrics);
        return;
      case 'failed':
        this.failure = report.message;
        this.onNews?.('failed');
        for (const ack of [...this.acks.keys()]) this.settle(ack, null);
        return;
    }
  }

  private settle(ack: number | null, value: unknown): void {
    if (ack === null) return;
    const resolve = this.acks.get(ack);
    this.acks.delete(ack);
    resolve?.(value);
  }
}
