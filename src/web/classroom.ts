// The runs behind the classroom page, without the page: the shipped scenarios as presets, a run started the way
// `partnersim run` starts one (replicate 0's seed from the master seed), levers moved live, and a second
// "what if" run on the same seed that advances in lockstep. Nothing here touches the DOM: the page's model worker holds
// them (model-worker.ts), and tests run them in Node.
import { leversAt, valueAt } from '../engine/levers.ts';
import { Simulation } from '../engine/simulation.ts';
import type { Metrics, PartnershipEvent } from '../engine/types.ts';
import { MAX_SEED, replicateSeed } from '../random.ts';
import { createMemoryHost } from '../scenario/host.ts';
import { loadScenario } from '../scenario/load.ts';
import { AREA_LEVER_KEYS, LEVER_KEYS, ORG_KINDS, leverSchedule, type LeverKey, type Scenario } from '../scenario/schema.ts';
import type { RunId } from './feed.ts';
import { TRUST_COLORS } from './style.ts';
import { colourTrustsInPlace, trustEventsOfStep, trustSnapshot, type TrustEvent } from './trusts-shown.ts';
import { organisationNames, registerOrganisationNames, type TrustEventContext } from './words.ts';

/** The data the page is given: every shipped scenario file's text by path, and the path to start with. */
export interface ClassroomData {
  readonly scenarios: Readonly<Record<string, string>>;
  readonly initial: string;
}

/** A shipped scenario offered as a preset. */
export interface Preset {
  readonly path: string;
  readonly name: string;
  readonly description: string;
  readonly scenario: Scenario;
}

/** Levers the user has set, each held at its value from step 0 when the run starts again. */
export type LeverSettings = Partial<Record<LeverKey, number>>;

/** Returns the presets: every scenario file in the data that loads (with `extends` followed in memory), in path order with the initial one first. */
export function loadPresets(data: ClassroomData): { presets: Preset[]; failures: { path: string; message: string }[] } {
  const host = createMemoryHost(data.scenarios);
  const presets: Preset[] = [];
  const failures: { path: string; message: string }[] = [];
  const paths = Object.keys(data.scenarios)
    .filter((p) => /\.(ya?ml|json)$/i.test(p) && !/schema\.json$/i.test(p))
    .sort();
  for (const path of [data.initial, ...paths.filter((p) => p !== data.initial)]) {
    try {
      const scenario = loadScenario(path, host);
      presets.push({ path, name: scenario.name, description: scenario.description, scenario });
    } catch (error) {
      failures.push({ path, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { presets, failures };
}

/** Returns the scenario a run starts from: the preset with this master seed, and each lever the user set held at its value from step 0. */
export function startingScenario(preset: Scenario, masterSeed: number, levers: LeverSettings): Scenario {
  let scenario: Scenario = { ...preset, time: { ...preset.time, seed: masterSeed } };
  for (const key of LEVER_KEYS) {
    const value = levers[key];
    if (value === undefined) continue;
    scenario = withConstantLever(scenario, key, value);
  }
  return scenario;
}

// The lever as a constant from step 0, scenario-wide and in every area (as --set key=value gives it).
function withConstantLever(scenario: Scenario, key: LeverKey, value: number): Scenario {
  const [group, name] = key.split('.') as [string, string];
  const constant = [{ from: 0, value }];
  const holder = scenario as unknown as Record<string, Record<string, unknown>>;
  const next = { ...scenario, [group]: { ...holder[group], [name]: constant } } as Scenario;
  if (!(AREA_LEVER_KEYS as readonly string[]).includes(key)) return next;
  const areas = scenario.organisations.areas.map((area) => {
    const a = area as unknown as Record<string, Record<string, unknown>>;
    return { ...area, [group]: { ...a[group], [name]: constant } };
  });
  return { ...next, organisations: { ...scenario.organisations, areas } };
}

/** One run on the page: the simulation, the levers the user set, the organisations' names, each partnership's events,
 * and what happened to trusts step by step with each trust's colour (an index into TRUST_COLORS). */
export class ClassroomRun {
  readonly id: RunId;
  readonly sim: Simulation;
  readonly levers: LeverSettings;
  readonly names: readonly string[];
  readonly areaNames: readonly string[];
  readonly trustEvents: TrustEvent[] = [];
  readonly trustColours: number[] = [];
  private readonly byPartnership = new Map<number, number[]>();
  private indexed = 0;

  /** Starts a run of a preset with a master seed and levers set by the user; `onBurnIn` is told the burn-in's progress. */
  constructor(id: RunId, preset: Scenario, masterSeed: number, levers: LeverSettings, onBurnIn?: BurnInProgress) {
    this.id = id;
    this.levers = { ...levers };
    const scenario = startingScenario(preset, masterSeed, this.levers);
    this.sim = new Simulation(
      scenario,
      replicateSeed(masterSeed, 0),
      onBurnIn && ((done, total) => onBurnIn(id, done, total, scenario.time.stepsPerYear)),
    );
    this.areaNames = scenario.organisations.areas.map((a) => a.name);
    const register = scenario.organisations.register;
    this.names =
      register === undefined
        ? organisationNames(this.sim.world.orgs.kind, this.sim.world.orgs.area, ORG_KINDS, this.areaNames)
        : registerOrganisationNames(register, this.areaNames);
    colourTrustsInPlace(this.sim.world, this.trustColours, TRUST_COLORS.length);
  }

  /** Takes a step of the simulation, and reads what happened to trusts in it. */
  advance(): void {
    const before = trustSnapshot(this.sim.world);
    this.sim.advance();
    this.trustEvents.push(...trustEventsOfStep(this.sim.world, before, this.sim.step));
    colourTrustsInPlace(this.sim.world, this.trustColours, TRUST_COLORS.length);
  }

  /** Returns the step last completed. */
  get step(): number {
    return this.sim.step;
  }

  /** Returns the name of the area a partnership belongs to. */
  areaOf(partnership: number): string {
    return this.areaNames[this.sim.world.partnerships[partnership].area] ?? '';
  }

  /** Returns what the words of a trust's change need from this run: names of organisations, areas and trusts. */
  trustEventContext(): TrustEventContext {
    const world = this.sim.world;
    return {
      names: this.names,
      areaNames: this.areaNames,
      orgArea: (i) => world.orgs.area[i],
      trustName: (t) => world.trusts[t]?.name ?? 'a trust',
    };
  }

  /** Returns the events of one partnership, oldest first. */
  historyOf(partnership: number): PartnershipEvent[] {
    this.indexEvents();
    return (this.byPartnership.get(partnership) ?? []).map((i) => this.sim.events[i]);
  }

  private indexEvents(): void {
    const events = this.sim.events;
    for (; this.indexed < events.length; this.indexed++) {
      const id = events[this.indexed].partnership;
      const list = this.byPartnership.get(id);
      if (list) list.push(this.indexed);
      else this.byPartnership.set(id, [this.indexed]);
    }
  }

  /** Returns each lever's value as its slider shows it: at step 0 the value the run starts with, later the value for the
   * coming step (so a lever just moved shows its new value); the user's value once set, else the scenario's schedule. */
  nextLevers(): Record<LeverKey, number> {
    return leversAt(this.sim.scenario, this.shownStep());
  }

  private shownStep(): number {
    return this.sim.step === 0 ? 0 : this.sim.step + 1;
  }

  /** Returns the levers whose areas have values of their own at the coming step that differ from the scenario-wide one. */
  leversVaryingByArea(): LeverKey[] {
    const next = this.shownStep();
    const scenario = this.sim.scenario;
    return AREA_LEVER_KEYS.filter((key) => {
      const wide = valueAt(leverSchedule(scenario, key), next);
      return scenario.organisations.areas.some((area) => valueAt(leverSchedule(area, key), next) !== wide);
    });
  }

  /** Returns the lowest and highest value the areas give a lever as its slider shows it (equal when no area differs). */
  areaRange(key: LeverKey): [number, number] {
    const at = this.shownStep();
    const scenario = this.sim.scenario;
    const wide = valueAt(leverSchedule(scenario, key), at);
    if (!(AREA_LEVER_KEYS as readonly string[]).includes(key)) return [wide, wide];
    const values = scenario.organisations.areas.map((area) => valueAt(leverSchedule(area, key), at));
    return [Math.min(...values), Math.max(...values)];
  }

  /** Moves a lever from the next step on, and remembers it for the next start. */
  setLeverLive(key: LeverKey, value: number): void {
    this.levers[key] = value;
    this.sim.setLever(key, value);
  }
}

/** Told, as a run's world burns in, how many of its burn-in steps are done, of how many, at how many steps a year. */
export type BurnInProgress = (run: RunId, done: number, total: number, stepsPerYear: number) => void;

/** The page's runs: a preset, a master seed, run A and, in "what if" mode, run B on the same seed beside it. */
export class Classroom {
  readonly presets: readonly Preset[];
  private presetIndex = 0;
  private master: number;
  a: ClassroomRun;
  b: ClassroomRun | null = null;

  /** Loads the presets and starts the initial one; `onBurnIn` is told the progress of each run's burn-in. */
  constructor(
    presets: readonly Preset[],
    private readonly onBurnIn?: BurnInProgress,
  ) {
    if (presets.length === 0) throw new Error('no scenario to run');
    this.presets = presets;
    this.master = presets[0].scenario.time.seed;
    this.a = this.start('A', {});
  }

  // Starts a run of the preset in use, on the master seed, with these levers.
  private start(id: RunId, levers: LeverSettings): ClassroomRun {
    return new ClassroomRun(id, this.preset.scenario, this.master, levers, this.onBurnIn);
  }

  /** Returns the preset in use. */
  get preset(): Preset {
    return this.presets[this.presetIndex];
  }

  /** Returns the master seed (the scenario's time.seed, as the seed box shows it). */
  get masterSeed(): number {
    return this.master;
  }

  /** Returns the seed of the runs: replicate 0's, hashed from the master seed as `partnersim run` does. */
  get runSeed(): number {
    return this.a.sim.seed;
  }

  /** Returns the number of steps in a run. */
  get steps(): number {
    return this.preset.scenario.time.steps;
  }

  /** Returns the runs in play: A, and B in "what if" mode. */
  get runs(): ClassroomRun[] {
    return this.b ? [this.a, this.b] : [this.a];
  }

  /** Returns whether the runs have reached the scenario's last step. */
  get atEnd(): boolean {
    return this.a.step >= this.steps;
  }

  /** Switches to a preset by path: its master seed, its own levers, both runs started again. */
  setPreset(path: string): void {
    const index = this.presets.findIndex((p) => p.path === path || p.name === path);
    if (index < 0) throw new Error(`no preset ${path}`);
    this.presetIndex = index;
    this.master = this.preset.scenario.time.seed;
    this.a = this.start('A', {});
    if (this.b) this.b = this.start('B', {});
  }

  /** Sets the master seed and starts the runs again, keeping the levers the user set. */
  setSeed(seed: number): void {
    this.master = Math.min(MAX_SEED, Math.max(0, Math.floor(seed)));
    this.reset();
  }

  /** Starts the runs again from step 0, keeping the levers the user set. */
  reset(): void {
    this.a = this.start('A', this.a.levers);
    if (this.b) this.b = this.start('B', this.b.levers);
  }

  /** Returns to the preset's own levers (the user's settings forgotten) and starts again. */
  restoreLevers(): void {
    this.a = this.start('A', {});
    if (this.b) this.b = this.start('B', {});
  }

  /** Turns "what if" on (run B on the same seed, its levers starting as A's, both from step 0) or off (A goes on alone). */
  setWhatIf(on: boolean): void {
    if (on === (this.b !== null)) return;
    if (!on) {
      this.b = null;
      return;
    }
    // B's levers start as A's: the same schedules, and whatever the user has set in A.
    const levers = { ...this.a.levers };
    this.a = this.start('A', levers);
    this.b = this.start('B', levers);
  }

  /** Sets a lever of a run: before the first step the run starts again with it (so starting ties feel it), later it acts from the next step. */
  setLever(run: RunId, key: LeverKey, value: number): void {
    const target = run === 'B' ? this.b : this.a;
    if (!target) return;
    if (target.step === 0) {
      const restarted = this.start(run, { ...target.levers, [key]: value });
      if (run === 'B') this.b = restarted;
      else this.a = restarted;
    } else {
      target.setLeverLive(key, value);
    }
  }

  /** Advances every run one step; returns false (and does nothing) at the end of the run. */
  advance(): boolean {
    if (this.atEnd) return false;
    for (const run of this.runs) run.advance();
    return true;
  }

  /** Advances to the scenario's last step at once. */
  runToEnd(): void {
    while (this.advance());
  }

  /** Returns run A's metrics so far, as `partnersim run` computes them. */
  metrics(run: RunId = 'A'): Metrics | null {
    const target = run === 'B' ? this.b : this.a;
    return target ? target.sim.result().metrics : null;
  }
}
