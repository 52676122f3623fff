// partnersim compare: every scenario under one master seed (common random numbers), the paired differences from the
// baseline, one directory with each scenario's results, comparison.json, the charts and report.html; and
// partnersim report, which rebuilds the same report from those files.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/analysis/comparison.ts';
import * as cliMessage from '../../src/cli/messages.ts';
import * as reportMessage from '../../src/report/messages.ts';
import * as resultsMessage from '../../src/results/messages.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { filesOf } from './sweep-fixtures.ts';

const tmp = useTempDir('compare', {
  'tiny.yaml': tinyScenario({ steps: 48 }),
  'same.yaml': 'extends: tiny.yaml\nname: same\n',
  'funded.yaml':
    'extends: tiny.yaml\nname: funded\ntime: {seed: 99}\npolicy:\n  carrot: [{from: 0, value: 0}, {from: 3, value: 0.8}, {from: 18, value: 0}]\n',
});

const comparisonIn = (dir: string): Comparison => JSON.parse(readFileSync(`${dir}/comparison.json`, 'utf8'));

describe('partnersim compare', { timeout: 60_000 }, () => {
  it('gives differences of exactly zero when a scenario is compared with itself', async () => {
    const dir = tmp.path('self');
    const result = await runCli(['compare', tmp.path('tiny.yaml'), tmp.path('same.yaml'), '--reps', '4', '--out', dir]);
    expect(result.code).toBe(0);
    const comparison = comparisonIn(dir);
    expect(comparison.baseline).toBe('tiny');
    expect(comparison.differences.length).toBeGreaterThan(0);
    for (const d of comparison.differences) {
      if (d.mean === null) continue;
      expect(d.mean, d.metric).toBe(0);
      expect(d.ci95, d.metric).toEqual(d.pairs >= 2 ? [0, 0] : null);
    }
    expect(result.out).toContain(reportMessage.findingNoDifference('same', 'tiny', 4));
  });

  it('runs every scenario under the baseline’s master seed and writes results, comparison, charts and report', async () => {
    const dir = tmp.path('funded');
    const result = await runCli(['compare', tmp.path('tiny.yaml'), tmp.path('funded.yaml'), '--reps', '3', '--out', dir]);
    expect(result.code).toBe(0);
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8'));
    expect(manifest).toMatchObject({ kind: 'partnersim compare', baseline: 'tiny', masterSeed: 5, reps: 3 });
    const seedsOf = (name: string) => JSON.parse(readFileSync(`${dir}/${name}/manifest.json`, 'utf8')).seeds;
    expect(seedsOf('funded')).toEqual(seedsOf('tiny'));
    for (const name of [
      'report.html',
      'comparison.json',
      'charts/survival.svg',
      'charts/survival.png',
      'tiny/summary.json',
      'funded/timeseries.csv',
    ]) {
      expect(existsSync(`${dir}/${name}`), name).toBe(true);
    }
    const comparison = comparisonIn(dir);
    expect(comparison.scenarios.map((s) => s.name)).toEqual(['tiny', 'funded']);
    expect(comparison.fundEnd).toMatchObject({ scenario: 'funded', step: 18, years: 2 });
    expect(result.out.split('\n')[0]).toMatch(
      /^- Under funded, \d+% \(95% CI \d+–\d+%\) of the partnerships active when the fund ends \(year 1\.5\)/,
    );
    expect(
      result.out.trim().endsWith(`report written to ${dir}/report.html (results of each scenario, comparison.json and charts/ beside it)`),
    ).toBe(true);
  });

  it('takes the baseline by name, and a master seed for all', async () => {
    const dir = tmp.path('by-name');
    expect(
      (
        await runCli([
          'compare',
          tmp.path('tiny.yaml'),
          tmp.path('funded.yaml'),
          '--reps',
          '2',
          '--baseline',
          'funded',
          '--seed',
          '42',
          '--out',
          dir,
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    const comparison = comparisonIn(dir);
    expect(comparison.baseline).toBe('funded');
    expect(comparison.scenarios[0].name).toBe('funded');
    expect(JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')).masterSeed).toBe(42);
  });

  it('refuses an unknown baseline and two scenarios with one name', async () => {
    const unknown = await runCli([
      'compare',
      tmp.path('tiny.yaml'),
      tmp.path('funded.yaml'),
      '--baseline',
      'nope',
      '--out',
      tmp.path('never'),
    ]);
    expect(unknown).toEqual({ code: 2, out: '', err: cliMessage.errorLine(cliMessage.unknownBaseline('nope', ['tiny', 'funded'])) + '\n' });
    const twice = await runCli(['compare', tmp.path('tiny.yaml'), tmp.path('tiny.yaml'), '--out', tmp.path('never')]);
    expect(twice).toEqual({
      code: 2,
      out: '',
      err: cliMessage.errorLine(cliMessage.duplicateScenarioName('tiny', tmp.path('tiny.yaml'), tmp.path('tiny.yaml'))) + '\n',
    });
    expect(existsSync(tmp.path('never'))).toBe(false);
  });
});

describe('partnersim report', { timeout: 60_000 }, () => {
  it('rebuilds a comparison’s report, comparison and charts byte for byte from the directory', async () => {
    const dir = tmp.path('rebuild');
    expect((await runCli(['compare', tmp.path('tiny.yaml'), tmp.path('funded.yaml'), '--reps', '2', '--out', dir, '--quiet'])).code).toBe(
      0,
    );
    const before = { ...filesOf(dir), ...Object.fromEntries(Object.entries(filesOf(`${dir}/charts`)).map(([k, v]) => [`charts/${k}`, v])) };
    const result = await runCli(['report', dir]);
    expect(result).toEqual({ code: 0, out: cliMessage.reportWritten(`${dir}/report.html`) + '\n', err: '' });
    const after = { ...filesOf(dir), ...Object.fromEntries(Object.entries(filesOf(`${dir}/charts`)).map(([k, v]) => [`charts/${k}`, v])) };
    for (const name of Object.keys(before)) expect(after[name].equals(before[name]), name).toBe(true);
  });

  it('rebuilds a single run’s report.html byte for byte', async () => {
    const dir = tmp.path('run');
    expect((await runCli(['run', tmp.path('funded.yaml'), '--reps', '2', '--out', dir, '--quiet'])).code).toBe(0);
    const before = readFileSync(`${dir}/report.html`);
    expect((await runCli(['report', dir])).code).toBe(0);
    expect(readFileSync(`${dir}/report.html`).equals(before)).toBe(true);
  });

  it('names what is missing in a directory that holds no results', async () => {
    const result = await runCli(['report', tmp.root]);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: cliMessage.errorLine(resultsMessage.resultFileMissing(tmp.root, 'manifest.json')) + '\n',
    });
  });
});
