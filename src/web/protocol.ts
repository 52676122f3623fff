// The messages between the page and the model's worker. The page asks (commands, each with an optional ack number the
// worker answers once it is done); the worker tells (a run started, a run's new state, an answer). A run's logs (events,
// trust events, time series) travel as what was added since the last update; its state as a picture (picture.ts).
import type { Metrics, StepRecord } from '../engine/types.ts';
import type { PartnershipEvent } from '../model/vocabulary.ts';
import type { LeverKey, Scenario } from '../scenario/schema.ts';
import type { ClassroomData } from './classroom.ts';
import type { DetailsContent, Selection } from './details.ts';
import type { RunId } from './feed.ts';
import type { Picture } from './picture.ts';
import type { TrustEvent } from './trusts-shown.ts';

/** What the page asks the worker. `ack`: a number the worker's next update (or answer) carries back once it is done. */
export type Command = (
  | { readonly kind: 'open'; readonly data: ClassroomData }
  | { readonly kind: 'preset'; readonly path: string }
  | { readonly kind: 'seed'; readonly seed: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'restore' }
  | { readonly kind: 'what-if'; readonly on: boolean }
  | { readonly kind: 'lever'; readonly run: RunId; readonly key: LeverKey; readonly value: number }
  | { readonly kind: 'play'; readonly speed: number }
  | { readonly kind: 'pause' }
  | { readonly kind: 'speed'; readonly speed: number }
  | { readonly kind: 'step'; readonly steps: number }
  | { readonly kind: 'to-end' }
  | { readonly kind: 'select'; readonly selection: Selection | null }
  | { readonly kind: 'drawn' }
  | { readonly kind: 'metrics'; readonly run: RunId }
) & { readonly ack?: number };

/** What does not change in a run: its names, where its organisations are drawn, its seeds and length. */
export interface RunStart {
  readonly id: RunId;
  readonly names: readonly string[];
  readonly areaNames: readonly string[];
  /** Grid places by kind, or the register's map positions. */
  readonly positions: 'grid' | 'map';
  readonly stepsPerYear: number;
}

/** A run's news since its last update: its picture, what its logs gained, and its levers as the sliders show them. */
export interface RunUpdate {
  readonly id: RunId;
  readonly picture: Picture;
  readonly events: readonly PartnershipEvent[];
  readonly trustEvents: readonly TrustEvent[];
  readonly rows: readonly StepRecord[];
  /** The members of the partnerships that strengthened or weakened in the new events (where their pulses are drawn). */
  readonly eventMembers: readonly (readonly [number, readonly number[]])[];
  /** The run's scenario without its register (its lever schedules change as sliders move), when it changed. */
  readonly scenario: Scenario | null;
  readonly levers: LeverState;
}

/** The levers of a run as its sliders show them: values, the range of the areas' own values where they differ, and which the user has set. */
export interface LeverState {
  readonly values: Readonly<Record<LeverKey, number>>;
  readonly areaRanges: Readonly<Partial<Record<LeverKey, readonly [number, number]>>>;
  readonly set: readonly LeverKey[];
}

/** What the page shows of what is selected: its details, and for a partnership the members, core and ties it outlines. */
export interface Focus {
  readonly selection: Selection;
  readonly details: DetailsContent | null;
  readonly members: readonly number[];
  readonly core: readonly number[];
  readonly ties: readonly number[];
  readonly ended: boolean;
  readonly level: number;
}

/** How far a run's burn-in has gone: its steps done, of how many, at how many steps a year. */
export interface BurnIn {
  readonly run: RunId;
  readonly done: number;
  readonly total: number;
  readonly stepsPerYear: number;
}

/** What the worker tells the page. */
export type Report =
  | { readonly kind: 'starting'; readonly path: string; readonly name: string }
  /** How far a run's burn-in has gone, sent now and then while a world burns in (it takes a minute at national size). */
  | { readonly kind: 'burn-in'; readonly progress: BurnIn }
  | {
      readonly kind: 'runs';
      readonly path: string;
      readonly masterSeed: number;
      readonly runSeed: number;
      readonly steps: number;
      readonly runs: readonly RunStart[];
    }
  | {
      readonly kind: 'update';
      readonly runs: readonly RunUpdate[];
      readonly atEnd: boolean;
      readonly playing: boolean;
      readonly focus: Focus | null;
      readonly ack: number | null;
      /** The number of the last command the worker had taken when it sent this. */
      readonly seen: number;
    }
  | { readonly kind: 'metrics'; readonly metrics: Metrics | null; readonly ack: number | null }
  | { readonly kind: 'failed'; readonly message: string };
