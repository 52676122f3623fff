// `partnersim run` end to end through main(): every result file with its documented columns, the report, and what it prints.
import { resolveParams } from '../../src/scenario/parameters/index.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FILE } from '../../src/results/run-files.ts';
import { NETWORK_DIR } from '../../src/results/network-files.ts';
import { PARTNERSHIP_COLUMNS, RESULT_FILES, TIMESERIES_COLUMNS } from '../../src/results/run-files.ts';
import { resultsWritten } from '../../src/cli/messages.ts';
import { replicateSeed } from '../../src/random.ts';
import { hashScenario } from '../../src/scenario/normalize.ts';
import { parseCsv } from '../../src/results/read-run.ts';
import { VERSION } from '../../src/version.ts';
import { runCli, tinyScenario, useTempDir, type CliResult } from './fixtures.ts';

const tmp = useTempDir('run', { 'tiny.yaml': tinyScenario({ steps: 12 }) });
const root = tmp.root;
const file = tmp.path('tiny.yaml');

describe('partnersim run', () => {
  let dir: string;
  let printed: CliResult;
  beforeAll(async () => {
    dir = join(root, 'out');
    printed = await runCli(['run', file, '--out', dir]);
  });

  it('exits 0 and writes every result file, the graph files and the report', () => {
    expect(printed.code).toBe(0);
    expect(printed.err).toBe('');
    expect(readdirSync(dir).sort()).toEqual([...RESULT_FILES, REPORT_FILE, NETWORK_DIR].sort());
  });

  it('prints a summary, then where the results are', () => {
    expect(printed.out).toContain('tiny: seed 5');
    expect(printed.out).toContain('12 steps');
    expect(printed.out).toContain('partnerships formed');
    expect(printed.out).toContain('survival to 5 years');
    expect(printed.out.endsWith(resultsWritten(dir) + '\n')).toBe(true);
  });

  it('writes a manifest holding the scenario actually run, every parameter in force, its hash and seeds', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest)).toEqual([
      'kind',
      'partnersim',
      'commit',
      'node',
      'args',
      'scenario',
      'parameters',
      'scenarioHash',
      'masterSeed',
      'reps',
      'seeds',
    ]);
    expect(manifest.parameters).toEqual(resolveParams(manifest.scenario));
    expect(manifest.partnersim).toBe(VERSION);
    expect(manifest.node).toBe(process.version);
    expect(manifest.args).toEqual(['run', file, '--out', dir]);
    expect(manifest.scenario.name).toBe('tiny');
    expect(manifest.scenario.time).toEqual({ steps: 12, stepsPerYear: 12, seed: 5 });
    expect(manifest.scenarioHash).toBe(hashScenario(manifest.scenario));
    expect(manifest).toMatchObject({ masterSeed: 5, reps: 1, seeds: [replicateSeed(5, 0)] });
    expect(manifest.commit === null || /^[0-9a-f]{40}$/.test(manifest.commit)).toBe(true);
  });

  it('writes a single-run summary', () => {
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(Object.keys(summary)).toEqual(['scenario', 'seed', 'steps', 'organisations', 'metrics', 'areas', 'trustSizes', 'work']);
    expect(summary).toMatchObject({ scenario: 'tiny', seed: replicateSeed(5, 0), steps: 12 });
    expect(summary.areas).toHaveLength(2);
  });

  it('writes one time-series row per step under the documented header', () => {
    const lines = readFileSync(join(dir, 'timeseries.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(TIMESERIES_COLUMNS.map((column) => column.name).join(','));
    expect(lines).toHaveLength(13);
    expect(lines.slice(1).every((line) => line.split(',').length === TIMESERIES_COLUMNS.length)).toBe(true);
  });

  it('writes partnerships and events that agree with each other', () => {
    const lines = readFileSync(join(dir, 'partnerships.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(PARTNERSHIP_COLUMNS.map((column) => column.name).join(','));
    const events = readFileSync(join(dir, 'events.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    // Every partnership formed in the run has its `formed` event; those the burn-in left (formedStep 0 or less) do not.
    const formedStep = PARTNERSHIP_COLUMNS.findIndex((column) => column.name === 'formedStep');
    const formedInRun = lines.slice(1).filter((line) => Number(line.split(',')[formedStep]) >= 1);
    expect(events.filter((event) => event.kind === 'formed')).toHaveLength(formedInRun.length);
  });

  it('prints only the directory with --quiet', async () => {
    const quiet = await runCli(['run', file, '--out', dir, '--quiet']);
    expect(quiet).toEqual({ code: 0, out: `${dir}\n`, err: '' });
  });

  it('applies --steps and --set to the scenario it records', async () => {
    const other = join(root, 'other');
    expect((await runCli(['run', file, '--out', other, '--steps', '3', '--set', 'policy.carrot=0.8', '--quiet'])).code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(other, 'manifest.json'), 'utf8'));
    expect(manifest.scenario.time.steps).toBe(3);
    expect(manifest.scenario.policy.carrot).toEqual([{ from: 0, value: 0.8 }]);
    expect(readFileSync(join(other, 'timeseries.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('partnersim run: the network it writes', () => {
  it('writes network.csv every --network-every steps, graph files at the last step, or at each with --all-graphs', async () => {
    const stepsOf = (out: string) => [
      ...new Set(
        parseCsv(readFileSync(join(out, 'network.csv'), 'utf8'))
          .slice(1)
          .map((row) => row[1]),
      ),
    ];
    const last = tmp.path('network-last');
    expect((await runCli(['run', file, '--out', last, '--quiet', '--no-report', '--network-every', '5'])).code).toBe(0);
    expect(stepsOf(last)).toEqual(['0', '5', '10', '12']);
    expect(readdirSync(join(last, NETWORK_DIR))).toEqual(['replicate-0-step-12.gexf', 'replicate-0-step-12.graphml']);
    const all = tmp.path('network-all');
    expect((await runCli(['run', file, '--out', all, '--quiet', '--no-report', '--network-every', '5', '--all-graphs'])).code).toBe(0);
    expect(readdirSync(join(all, NETWORK_DIR)).filter((name) => name.endsWith('.gexf'))).toHaveLength(4);
    const none = tmp.path('network-none');
    expect((await runCli(['run', file, '--out', none, '--quiet', '--no-report', '--no-network'])).code).toBe(0);
    expect(readdirSync(none).filter((name) => name.startsWith('network'))).toEqual([]);
  }, 180_000);
});
