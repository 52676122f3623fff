// Reading a result directory back: the CSV parser, and a run's replicates read from disk equal to the run's own.
import { describe, expect, it } from 'vitest';
import { parseCsv, readStoredRun } from '../../src/results/read-run.ts';
import { isPartnersimError } from '../../src/errors.ts';
import * as message from '../../src/results/messages.ts';
import { runReplicates } from '../../src/engine/run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runCli, tinyScenario, useTempDir } from '../cli/fixtures.ts';

const tmp = useTempDir('read-results', {
  'tiny.yaml': tinyScenario({ steps: 24, areas: 2 }).replace('areas: 2', 'areas: [{name: "North, upper"}, {name: South}]'),
});

describe('parseCsv', () => {
  it('reads RFC 4180: quoted commas, quotes and line breaks, empty fields, CRLF', () => {
    expect(parseCsv('a,b,c\n1,"x, y",\n"say ""hi""","two\nlines",3\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', ''],
      ['say "hi"', 'two\nlines', '3'],
    ]);
  });

  it('reads a last line without a newline', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('readStoredRun', { timeout: 30_000 }, () => {
  it('gives back each replicate’s metrics exactly, and its time series and partnerships as written', async () => {
    const dir = tmp.path('out');
    expect((await runCli(['run', tmp.path('tiny.yaml'), '--reps', '3', '--out', dir, '--quiet', '--no-report'])).code).toBe(0);
    const stored = readStoredRun(dir);
    const results = runReplicates(loadScenario(tmp.path('tiny.yaml'), nodeHost), 3);
    expect(stored.seeds).toEqual(results.map((r) => r.seed));
    expect(stored.scenario.name).toBe('tiny');
    expect(stored.results.map((r) => r.metrics)).toEqual(results.map((r) => r.metrics));
    expect(stored.results.map((r) => r.partnerships)).toEqual(results.map((r) => r.partnerships));
    stored.results.forEach((r, i) => {
      expect(r.timeseries.map((row) => [row.step, row.active, row.levels])).toEqual(
        results[i].timeseries.map((row) => [row.step, row.active, row.levels]),
      );
      expect(r.timeseries[5].meanTrust).toBeCloseTo(results[i].timeseries[5].meanTrust, 5);
    });
  });

  it('names a missing file', () => {
    try {
      readStoredRun(tmp.root);
      expect.unreachable();
    } catch (error) {
      expect(isPartnersimError(error) && error.message).toBe(message.resultFileMissing(tmp.root, 'manifest.json'));
    }
  });
});
