// `extends`: a file overrides the scenario it extends; mappings merge, lists and schedules replace whole.
import { describe, expect, it } from 'vitest';
import { extendsMissing, fileLocation } from '../../src/scenario/messages.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const baseline = [
  'name: baseline',
  'description: the baseline',
  'time: {steps: 60, seed: 7}',
  'policy:',
  '  carrot: [{from: 0, value: 0.8}, {from: 36, value: 0}]',
  '  stick: 0.2',
  'organisations:',
  '  areas: [{name: North, context: {history: 0.9}}, {name: South}]',
  '  kinds: {school: 10, academy: 5}',
].join('\n');

const host = createMemoryHost({
  'scenarios/baseline.yaml': baseline,
  'scenarios/carrot.yaml': 'extends: baseline.yaml\ntime: {steps: 24}\npolicy: {carrot: 0.3}\norganisations: {kinds: {school: 20}}\n',
  'scenarios/policy/areas.json': '{"extends": "../baseline.yaml", "organisations": {"areas": 3}}',
  'scenarios/policy/deeper.yaml': 'extends: ../carrot.yaml\npolicy: {stick: 0.9}\n',
  'scenarios/policy/orphan.yaml': 'extends: ./missing.yaml\n',
});

describe('extends', () => {
  it('overrides values and merges mappings key by key', () => {
    const scenario = loadScenario('scenarios/carrot.yaml', host);
    expect(scenario.time).toEqual({ steps: 24, stepsPerYear: 12, seed: 7 });
    expect(scenario.organisations.kinds).toMatchObject({ school: 20, academy: 5 });
    expect(scenario.policy.stick).toEqual([{ from: 0, value: 0.2 }]);
  });

  it('replaces a schedule whole', () => {
    expect(loadScenario('scenarios/carrot.yaml', host).policy.carrot).toEqual([{ from: 0, value: 0.3 }]);
  });

  it('keeps the parent areas unless the child gives its own, which replace them whole', () => {
    expect(loadScenario('scenarios/carrot.yaml', host).organisations.areas.map((a) => a.name)).toEqual(['North', 'South']);
    expect(loadScenario('scenarios/policy/areas.json', host).organisations.areas.map((a) => a.name)).toEqual([
      'Area 1',
      'Area 2',
      'Area 3',
    ]);
  });

  it("does not inherit the parent's name and description", () => {
    const scenario = loadScenario('scenarios/carrot.yaml', host);
    expect(scenario.name).toBe('carrot');
    expect(scenario.description).toBe('');
    expect(loadScenario('scenarios/baseline.yaml', host).name).toBe('baseline');
  });

  it('follows a chain, each path relative to the file that names it', () => {
    const scenario = loadScenario('scenarios/policy/deeper.yaml', host);
    expect(scenario.name).toBe('deeper');
    expect(scenario.policy).toEqual({ carrot: [{ from: 0, value: 0.3 }], stick: [{ from: 0, value: 0.9 }] });
    expect(scenario.time.steps).toBe(24);
    expect(scenario.time.seed).toBe(7);
  });

  it('applies --set after the whole chain', () => {
    const scenario = loadScenario('scenarios/policy/deeper.yaml', host, { set: ['policy.stick=0.1', 'time.seed=3'] });
    expect(scenario.policy.stick).toEqual([{ from: 0, value: 0.1 }]);
    expect(scenario.time.seed).toBe(3);
  });

  it('names the missing parent as resolved from the extending file', () => {
    const path = 'scenarios/policy/orphan.yaml';
    expect(() => loadScenario(path, host)).toThrow(extendsMissing(fileLocation(path, 1, 10), 'scenarios/policy/missing.yaml', path));
  });
});

describe('createMemoryHost', () => {
  it('resolves paths the way node:path does', () => {
    const { resolve } = createMemoryHost({});
    expect(resolve('a/b/c.yaml', '../d.yaml')).toBe('a/d.yaml');
    expect(resolve('c.yaml', './d.yaml')).toBe('d.yaml');
    expect(resolve('c.yaml', '../d.yaml')).toBe('../d.yaml');
    expect(resolve('a/c.yaml', '/x/../y/d.yaml')).toBe('/y/d.yaml');
    expect(resolve('/a/c.yaml', 'e/./f.yaml')).toBe('/a/e/f.yaml');
  });
});
