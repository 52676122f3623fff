// The model's worker and the page's side of it, joined in Node by a stand-in for the message channel (structuredClone,
// as a browser clones messages): the page's runs get the numbers `partnersim run` gives (steps, a lever moved live,
// what if); updates carry only what the logs gained; a picture's arrays are fresh copies, all transferred; the worker
// sends no new update until the page has drawn the last, unless a command asked; the selection's details come back.
import { describe, expect, it } from 'vitest';
import { shippedScenarioTexts } from '../../src/cli/classroom-page.ts';
import { runScenario } from '../../src/engine/run.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import { replicateSeed } from '../../src/random.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { resolveParams } from '../../src/scenario/parameters/index.ts';
import { ClassroomRun, type ClassroomData } from '../../src/web/classroom.ts';
import { ModelClient, type WorkerPort } from '../../src/web/model-client.ts';
import { BURN_IN_MS, ModelWorker } from '../../src/web/model-worker.ts';
import { startingWords } from '../../src/web/words.ts';
import { picture } from '../../src/web/picture.ts';
import type { Command, Report } from '../../src/web/protocol.ts';

const SCENARIOS: Record<string, string> = shippedScenarioTexts();
const DATA: ClassroomData = { scenarios: SCENARIOS, initial: 'scenarios/baseline.yaml' };
const host = createMemoryHost(SCENARIOS);

/** A worker and a client joined as a page and its worker are: each message cloned, delivered on the next turn. */
function joined() {
  const reports: Report[] = [];
  const transfers: ArrayBuffer[][] = [];
  const port: WorkerPort = {
    postMessage: (command: Command) => queueMicrotask(() => worker.handle(structuredClone(command))),
    onmessage: null,
  };
  const worker = new ModelWorker(
    (report, transfer) => {
      reports.push(report);
      transfers.push(transfer);
      const copy = structuredClone(report, { transfer });
      queueMicrotask(() => port.onmessage?.({ data: copy }));
    },
    (callback, ms) => setTimeout(callback, ms),
    () => performance.now(),
  );
  const client = new ModelClient(port, () => performance.now());
  return { client, reports, transfers };
}

async function opened() {
  const j = joined();
  await j.client.send({ kind: 'open', data: DATA });
  return j;
}

describe('the model in its worker', () => {
  it('gives the numbers of partnersim run: each step, then to the end', async () => {
    const { client } = await opened();
    expect(client.a?.step).toBe(0);
    await client.send({ kind: 'step', steps: 5 });
    const sim = new Simulation(loadScenario('scenarios/baseline.yaml', host), replicateSeed(client.masterSeed, 0));
    for (let k = 0; k < 5; k++) sim.advance();
    expect(client.a?.step).toBe(5);
    expect(client.a?.timeseries).toEqual(JSON.parse(JSON.stringify(sim.timeseries)));
    expect(client.a?.events).toEqual(JSON.parse(JSON.stringify(sim.events)));
    await client.send({ kind: 'to-end' });
    expect(client.atEnd).toBe(true);
    const metrics = await client.metrics('A');
    expect(metrics).toEqual(JSON.parse(JSON.stringify(runScenario(loadScenario('scenarios/baseline.yaml', host)).metrics)));
  });

  it('moves a lever live, as partnersim run moves it from the step after', async () => {
    const { client } = await opened();
    await client.send({ kind: 'what-if', on: true });
    await client.send({ kind: 'step', steps: 12 });
    await client.send({ kind: 'lever', run: 'B', key: 'policy.carrot', value: 0.9 });
    expect(client.b?.levers?.values['policy.carrot']).toBe(0.9);
    expect(client.b?.levers?.set).toEqual(['policy.carrot']);
    await client.send({ kind: 'to-end' });
    const sim = new Simulation(loadScenario('scenarios/baseline.yaml', host), replicateSeed(client.masterSeed, 0));
    for (let k = 0; k < 12; k++) sim.advance();
    sim.setLever('policy.carrot', 0.9);
    while (sim.step < client.steps) sim.advance();
    expect(await client.metrics('B')).toEqual(JSON.parse(JSON.stringify(sim.result().metrics)));
    expect(await client.metrics('A')).toEqual(
      JSON.parse(JSON.stringify(runScenario(loadScenario('scenarios/baseline.yaml', host)).metrics)),
    );
  });

  it('sends what the logs gained, and waits for the page to draw before sending more unless asked', async () => {
    const { client, reports } = await opened();
    await client.send({ kind: 'step', steps: 3 });
    const first = reports.filter((r) => r.kind === 'update').at(-1);
    await client.send({ kind: 'step', steps: 2 });
    const second = reports.filter((r) => r.kind === 'update').at(-1);
    if (first?.kind !== 'update' || second?.kind !== 'update') throw new Error('no updates');
    expect(first.runs[0].rows.map((r) => r.step)).toEqual([1, 2, 3]);
    expect(second.runs[0].rows.map((r) => r.step)).toEqual([4, 5]);
    expect(second.runs[0].scenario).toBeNull();
    // Playing, the worker steps on but sends nothing more until the page says it has drawn.
    const before = reports.length;
    client.tell({ kind: 'play', speed: 60 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = reports.length - before;
    expect(sent).toBe(1);
    client.drawn();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reports.length).toBeGreaterThan(before + sent);
    await client.send({ kind: 'pause' });
    expect(client.a?.timeseries.map((r) => r.step)).toEqual(Array.from({ length: client.a?.step ?? 0 }, (_, k) => k + 1));
  });

  it('answers a selection with its details, and a partnership with its members, core and ties', async () => {
    const { client } = await opened();
    await client.send({ kind: 'step', steps: 24 });
    // A partnership active now: the one whose network holds a tie.
    const shown = client.a?.picture;
    const slot = shown ? shown.tieLevel.findIndex((level) => level >= 0) : -1;
    if (!shown || slot < 0) throw new Error('no active partnership');
    await client.send({ kind: 'select', selection: { kind: 'partnership', run: 'A', id: shown.tiePartnership[slot] } });
    expect(client.focus?.details?.title).toMatch(/^Partnership \d+/);
    expect(client.focus?.members.length).toBeGreaterThanOrEqual(2);
    await client.send({ kind: 'select', selection: { kind: 'org', run: 'A', org: 3 } });
    expect(client.focus?.details?.title).toBe(client.a?.names[3]);
    expect(client.focus?.members).toEqual([]);
  });

  it('answers for a dissolved area-wide partnership with its last members as its group', async () => {
    const { client } = await opened();
    const sim = new Simulation(loadScenario('scenarios/baseline.yaml', host), replicateSeed(client.masterSeed, 0));
    const p = sim.world.partnerships.find((x) => x.scope === 'area' && x.endedStep !== null);
    if (!p) throw new Error('no area-wide partnership dissolved in the burn-in');
    await client.send({ kind: 'select', selection: { kind: 'partnership', run: 'A', id: p.id } });
    expect(client.focus?.details?.subtitle).toMatch(/^Dissolved in /);
    expect(client.focus?.members).toEqual(p.members);
    expect(client.focus?.core).toEqual(p.members);
  });

  it('says a preset is starting before its world is built, then sends its runs', async () => {
    const { client, reports } = await opened();
    await client.send({ kind: 'preset', path: 'scenarios/two-areas.yaml' });
    // Between them, now and then, how far the burn-in has gone.
    const kinds = reports.map((r) => r.kind).filter((kind) => kind !== 'burn-in');
    const at = kinds.lastIndexOf('starting');
    expect(kinds.slice(at, at + 3)).toEqual(['starting', 'runs', 'update']);
    expect(client.a?.scenario?.name).toBe('two-areas');
    expect(client.starting).toBeNull();
  });

  it('tells the page how far a burn-in has gone, at most every BURN_IN_MS, and its last step', () => {
    const reports: Report[] = [];
    let clock = 0;
    // A clock that moves 100 ms each time it is read: the worker tells of every third burn-in step or so.
    const worker = new ModelWorker(
      (report) => reports.push(report),
      () => {},
      () => {
        clock += 100;
        return clock;
      },
    );
    worker.handle({ kind: 'open', data: DATA });
    const told = reports.flatMap((r) => (r.kind === 'burn-in' ? [r.progress] : []));
    const baseline = loadScenario('scenarios/baseline.yaml', host);
    const total = baseline.time.stepsPerYear * resolveParams(baseline).init.burnInYears;
    expect(told.length).toBeGreaterThan(10);
    expect(told.length).toBeLessThan(total / 2);
    expect(told.every((p) => p.run === 'A' && p.total === total && p.stepsPerYear === baseline.time.stepsPerYear)).toBe(true);
    expect(told.map((p) => p.done)).toEqual([...told.map((p) => p.done)].sort((x, y) => x - y));
    expect(told.at(-1)?.done).toBe(total);
    expect(BURN_IN_MS).toBeGreaterThan(100);
    // The clock says it: the page's words for the last of them.
    expect(startingWords('baseline', 42.7, told.at(-1))).toBe('Starting baseline: burn-in, year 30 of 30… 42 s');
    expect(startingWords('baseline', 3, { ...told[0], run: 'B', done: 13 })).toBe('Starting baseline: burn-in of run B, year 2 of 30… 3 s');
    expect(startingWords('baseline', 1)).toBe('Starting baseline: building its world and burn-in… 1 s');
  });

  it('a burn-in watched gives the same run as one not watched', () => {
    const scenario = loadScenario('scenarios/baseline.yaml', host);
    const seed = replicateSeed(scenario.time.seed, 0);
    let told = 0;
    const watched = new Simulation(scenario, seed, () => told++);
    const plain = new Simulation(scenario, seed);
    expect(told).toBe(scenario.time.stepsPerYear * resolveParams(scenario).init.burnInYears);
    for (let k = 0; k < 3; k++) {
      watched.advance();
      plain.advance();
    }
    expect(JSON.stringify(watched.timeseries)).toBe(JSON.stringify(plain.timeseries));
  });
});

describe('a picture', () => {
  it('copies the world into fresh arrays, all of them transferred', () => {
    const preset = loadScenario('scenarios/baseline.yaml', host);
    const run = new ClassroomRun('A', preset, preset.time.seed, {});
    for (let k = 0; k < 6; k++) run.advance();
    const { picture: shown, transfer } = picture(run);
    const world = run.sim.world;
    expect(shown.n).toBe(world.orgs.n);
    expect(shown.tieCount).toBe(world.ties.count);
    expect([...shown.tieA]).toEqual([...world.ties.a.slice(0, world.ties.count)]);
    expect(shown.kind).not.toBe(world.orgs.kind);
    const arrays = Object.values(shown).filter((v) => ArrayBuffer.isView(v));
    expect(transfer).toHaveLength(arrays.length);
    expect(new Set(transfer).size).toBe(transfer.length);
    // Each live tie inside an active partnership's network carries that partnership's level.
    for (const id of world.active)
      for (const slot of world.partnerships[id].ties) expect(shown.tieLevel[slot]).toBeGreaterThanOrEqual(world.partnerships[id].level);
    expect(shown.partnershipArea.length).toBe(world.partnerships.length);
  });
});
