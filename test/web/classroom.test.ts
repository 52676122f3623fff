// The runs behind the classroom page give the numbers `partnersim run` gives: same scenario and seed, same metrics;
// a lever set at step 0 is `--set`; a lever moved later is Simulation.setLever; "what if" runs B in lockstep on the same seed.
import { describe, expect, it } from 'vitest';
import { shippedScenarioTexts } from '../../src/cli/classroom-page.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runScenario } from '../../src/engine/run.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import { replicateSeed } from '../../src/random.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { Classroom, loadPresets, startingScenario, type ClassroomData } from '../../src/web/classroom.ts';

// The shipped scenarios as the page embeds them: a scenario read from the register as what it resolves to.
const SCENARIOS: Record<string, string> = shippedScenarioTexts();
const DATA: ClassroomData = { scenarios: SCENARIOS, initial: 'scenarios/baseline.yaml' };
const host = createMemoryHost(SCENARIOS);
const cliMetrics = (path: string, set: string[] = []) => runScenario(loadScenario(path, host, { set })).metrics;

function classroom(): Classroom {
  return new Classroom(loadPresets(DATA).presets);
}

describe('presets', () => {
  it('loads every shipped scenario, the initial one first, by name', () => {
    const { presets, failures } = loadPresets(DATA);
    expect(failures).toEqual([]);
    expect(presets[0].path).toBe('scenarios/baseline.yaml');
    expect(presets.map((p) => p.name).sort()).toEqual(
      Object.keys(SCENARIOS)
        .map((p) => p.replace(/^scenarios\/|\.yaml$/g, ''))
        .sort(),
    );
  });

  it('reports a file that does not load and keeps the others', () => {
    const { presets, failures } = loadPresets({
      scenarios: { ...SCENARIOS, 'mine/bad.yaml': 'policy: { carot: 1 }' },
      initial: 'mine/bad.yaml',
    });
    expect(failures).toHaveLength(1);
    expect(failures[0].path).toBe('mine/bad.yaml');
    expect(failures[0].message).toMatch(/carot/);
    expect(presets.length).toBe(Object.keys(SCENARIOS).length);
  });

  it('follows `extends` across folders in memory', () => {
    const { presets, failures } = loadPresets({
      scenarios: { ...SCENARIOS, 'mine/more.yaml': 'extends: ../scenarios/carrots.yaml\nname: more\npolicy: { stick: 0.2 }' },
      initial: 'mine/more.yaml',
    });
    expect(failures).toEqual([]);
    expect(presets[0].name).toBe('more');
    expect(presets[0].scenario.policy.carrot).toEqual(loadScenario('scenarios/carrots.yaml', host).policy.carrot);
  });
});

describe('a run on the page', () => {
  it.each(['baseline', 'carrots', 'two-areas'])('gives the metrics of partnersim run for %s', (name) => {
    const c = classroom();
    c.setPreset(`scenarios/${name}.yaml`);
    expect(c.runSeed).toBe(replicateSeed(c.masterSeed, 0));
    c.runToEnd();
    expect(c.a.step).toBe(c.steps);
    expect(c.advance()).toBe(false);
    expect(c.metrics()).toEqual(cliMetrics(`scenarios/${name}.yaml`));
  });

  it('takes a preset by name too, with its own master seed', () => {
    const c = classroom();
    c.setPreset('sticks');
    expect(c.preset.path).toBe('scenarios/sticks.yaml');
    expect(c.masterSeed).toBe(loadScenario('scenarios/sticks.yaml', host).time.seed);
  });

  it('runs another master seed as partnersim run --seed does', () => {
    const c = classroom();
    c.setSeed(7);
    expect(c.masterSeed).toBe(7);
    c.runToEnd();
    expect(c.metrics()).toEqual(cliMetrics('scenarios/baseline.yaml', ['time.seed=7']));
  });

  it('starts again with a lever set at step 0, as --set does, and keeps it through a reset', () => {
    const c = classroom();
    c.setLever('A', 'policy.carrot', 0.6);
    expect(c.a.step).toBe(0);
    expect(c.a.nextLevers()['policy.carrot']).toBe(0.6);
    c.runToEnd();
    const expected = cliMetrics('scenarios/baseline.yaml', ['policy.carrot=0.6']);
    expect(c.metrics()).toEqual(expected);
    c.reset();
    expect(c.a.step).toBe(0);
    c.runToEnd();
    expect(c.metrics()).toEqual(expected);
    c.restoreLevers();
    c.runToEnd();
    expect(c.metrics()).toEqual(cliMetrics('scenarios/baseline.yaml'));
  });

  it('changes the starting ties when the history lever moves at step 0', () => {
    const c = classroom();
    const before = c.a.sim.world.ties.count;
    c.setLever('A', 'context.history', 0.9);
    expect(c.a.sim.world.ties.count).toBeGreaterThan(before);
  });

  it('moves a lever from the next step on once the run has begun', () => {
    const c = classroom();
    for (let s = 0; s < 10; s++) c.advance();
    c.setLever('A', 'market.competition', 0.9);
    expect(c.a.nextLevers()['market.competition']).toBe(0.9);
    for (let s = 0; s < 20; s++) c.advance();
    const scenario = loadScenario('scenarios/baseline.yaml', host);
    const sim = new Simulation(scenario, replicateSeed(scenario.time.seed, 0));
    for (let s = 0; s < 10; s++) sim.advance();
    sim.setLever('market.competition', 0.9);
    for (let s = 0; s < 20; s++) sim.advance();
    expect(c.metrics()).toEqual(sim.result().metrics);
    expect(c.a.sim.timeseries[9].levers['market.competition']).toBe(0.3);
    expect(c.a.sim.timeseries[10].levers['market.competition']).toBe(0.9);
  });

  it('shows a scheduled lever as the schedule moves', () => {
    const c = classroom();
    c.setPreset('carrots');
    expect(c.a.nextLevers()['policy.carrot']).toBe(0);
    for (let s = 0; s < 11; s++) c.advance();
    expect(c.a.nextLevers()['policy.carrot']).toBe(0.8);
    for (let s = 0; s < 40; s++) c.advance();
    expect(c.a.nextLevers()['policy.carrot']).toBe(0);
  });

  it('tells which levers areas set for themselves', () => {
    const c = classroom();
    expect(c.a.leversVaryingByArea()).toEqual([]);
    c.setPreset('two-areas');
    expect(c.a.leversVaryingByArea().sort()).toEqual(['context.history', 'context.politics']);
    expect(c.a.areaRange('context.history')).toEqual([0.05, 0.85]);
    expect(c.a.areaRange('policy.carrot')).toEqual([0, 0]);
    c.setLever('A', 'context.history', 0.5);
    expect(c.a.areaRange('context.history')).toEqual([0.5, 0.5]);
  });
});

describe('"what if": run B on the same seed', () => {
  it("starts A and B again from step 0 with A's levers, and advances them in lockstep", () => {
    const c = classroom();
    c.setLever('A', 'policy.stick', 0.4);
    for (let s = 0; s < 5; s++) c.advance();
    c.setWhatIf(true);
    expect([c.a.step, c.b?.step]).toEqual([0, 0]);
    expect(c.b?.levers).toEqual({ 'policy.stick': 0.4 });
    for (let s = 0; s < 30; s++) c.advance();
    expect(c.b?.step).toBe(30);
    expect(c.metrics('B')).toEqual(c.metrics('A'));
  });

  it('lets B differ by its own levers only', () => {
    const c = classroom();
    c.setWhatIf(true);
    c.setLever('B', 'policy.carrot', 0.8);
    expect(c.a.levers).toEqual({});
    c.runToEnd();
    expect(c.metrics('A')).toEqual(cliMetrics('scenarios/baseline.yaml'));
    expect(c.metrics('B')).toEqual(cliMetrics('scenarios/baseline.yaml', ['policy.carrot=0.8']));
  });

  it('returns to run A alone, where it was, when turned off', () => {
    const c = classroom();
    c.setWhatIf(true);
    for (let s = 0; s < 12; s++) c.advance();
    c.setWhatIf(false);
    expect(c.b).toBeNull();
    expect(c.metrics('B')).toBeNull();
    expect(c.a.step).toBe(12);
  });
});

describe('the scenario a run starts from', () => {
  it('holds levers set by the user constant from step 0, in every area, and leaves the preset untouched', () => {
    const preset = loadScenario('scenarios/two-areas.yaml', host);
    const copy = structuredClone(preset);
    const s = startingScenario(preset, 9, { 'context.history': 0.2, 'policy.carrot': 0.5 });
    expect(preset).toEqual(copy);
    expect(s.time.seed).toBe(9);
    expect(s.policy.carrot).toEqual([{ from: 0, value: 0.5 }]);
    expect(s.context.history).toEqual([{ from: 0, value: 0.2 }]);
    expect(s.organisations.areas.map((a) => a.context.history)).toEqual([[{ from: 0, value: 0.2 }], [{ from: 0, value: 0.2 }]]);
    expect(s.organisations.areas.map((a) => a.context.politics)).toEqual(preset.organisations.areas.map((a) => a.context.politics));
  });
});

describe('a scenario read from the register', () => {
  it('plays like any other: its establishments by their names, and the same numbers as partnersim run', () => {
    const { presets } = loadPresets({ scenarios: SCENARIOS, initial: 'scenarios/local-authority.yaml' });
    const room = new Classroom(presets);
    expect(room.preset.name).toBe('local-authority');
    const register = room.a.sim.scenario.organisations.register!;
    expect(room.a.names.slice(0, 2)).toEqual(['Northfield council', register.establishments[0].name]);
    expect(room.a.names).toHaveLength(282);
    const steps = 3;
    for (let s = 0; s < steps; s++) room.a.sim.advance();
    const cli = runScenario(loadScenario('scenarios/local-authority.yaml', nodeHost), { steps });
    expect(room.a.sim.result().metrics).toEqual(cli.metrics);
  });
});
