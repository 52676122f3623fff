// Reading a result directory back: the CSV parser, a run's replicates read from disk equal to the run's own, and
// tables that are cut short or edited refused with their file and line.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runReplicates } from '../../src/engine/run.ts';
import { isPartnersimError } from '../../src/errors.ts';
import * as message from '../../src/results/messages.ts';
import { parseCsv, readStoredRun } from '../../src/results/read-run.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { runCli, tinyScenario, useTempDir } from '../cli/fixtures.ts';

const tmp = useTempDir('read-results', {
  'tiny.yaml': tinyScenario({ steps: 24, areas: 2 }).replace('areas: 2', 'areas: [{name: "North, upper"}, {name: "=South"}]'),
});

describe('parseCsv', () => {
  it('reads RFC 4180: quoted commas, quotes and line breaks, an empty field as missing, "" as empty text, CRLF', () => {
    expect(parseCsv('a,b,c\n1,"x, y",\n"say ""hi""","two\nlines",""\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', null],
      ['say "hi"', 'two\nlines', ''],
    ]);
  });

  it('reads a last line without a newline, and text neutralised against formulas as it was', () => {
    expect(parseCsv("a,b\n'=1+2,''@x")).toEqual([
      ['a', 'b'],
      ['=1+2', "'@x"],
    ]);
  });
});

describe('readStoredRun', { timeout: 30_000 }, () => {
  beforeAll(async () => {
    expect((await runCli(['run', tmp.path('tiny.yaml'), '--reps', '3', '--out', tmp.path('whole'), '--quiet', '--no-report'])).code).toBe(
      0,
    );
  });

  it('gives back each replicate’s metrics, time series and partnerships exactly', () => {
    const stored = readStoredRun(tmp.path('whole'));
    const results = runReplicates(loadScenario(tmp.path('tiny.yaml'), nodeHost), 3);
    expect(stored.seeds).toEqual(results.map((r) => r.seed));
    expect(stored.scenario.name).toBe('tiny');
    expect(stored.results.map((r) => r.metrics)).toEqual(results.map((r) => r.metrics));
    expect(stored.results.map((r) => r.partnerships)).toEqual(results.map((r) => r.partnerships));
    expect(stored.results.map((r) => r.partnerships.some((p) => p.area === '=South'))).toContain(true);
    expect(stored.results.map((r) => r.timeseries)).toEqual(results.map((r) => r.timeseries));
  });

  it('names a missing file', () => {
    try {
      readStoredRun(tmp.root);
      expect.unreachable();
    } catch (error) {
      expect(isPartnersimError(error) && error.message).toBe(message.resultFileMissing(tmp.root, 'manifest.json'));
    }
  });

  it('names a missing table as missing, in one message with one fix (not as a damaged table)', () => {
    const dir = tmp.path('no-timeseries');
    cpSync(tmp.path('whole'), dir, { recursive: true });
    rmSync(join(dir, 'timeseries.csv'));
    try {
      readStoredRun(dir);
      expect.unreachable();
    } catch (error) {
      expect(isPartnersimError(error) && error.message).toBe(message.resultFileMissing(dir, 'timeseries.csv'));
    }
  });

  // Returns the message readStoredRun gives for a copy of the good directory changed by `edit`, or 'read'.
  let copies = 0;
  const readEdited = (file: string, edit: (text: string) => string): { dir: string; message: string } => {
    const dir = tmp.path(`edited-${copies++}`);
    cpSync(tmp.path('whole'), dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    try {
      readStoredRun(dir);
      return { dir, message: 'read' };
    } catch (error) {
      if (isPartnersimError(error)) return { dir, message: error.message };
      throw error;
    }
  };
  const lines = (count: number) => (text: string) => text.split('\n').slice(0, count).join('\n') + '\n';

  it('refuses a time series cut short, naming the file and line', () => {
    const { dir, message: said } = readEdited('timeseries.csv', lines(60));
    // 24 steps a replicate: lines 2-25 are replicate 0, 26-49 replicate 1, 50-60 the first 11 steps of replicate 2.
    expect(said).toBe(message.resultTableDamaged(join(dir, 'timeseries.csv'), 60, 'replicate 2: expected steps 1 to 24'));
  });

  it('refuses partnerships cut short, a cell of the wrong type, a changed header and a stray replicate', () => {
    const partnerships = readEdited('partnerships.csv', lines(4));
    expect(partnerships.message).toMatch(
      /partnerships\.csv:\d+: damaged: replicate \d+: expected \d+ partnerships formed in the run, found \d+/,
    );
    const cell = readEdited('timeseries.csv', (text) => text.replace('\n0,3,', '\n0,three,'));
    expect(cell.message).toBe(message.resultTableDamaged(join(cell.dir, 'timeseries.csv'), 4, 'step: expected int, found "three"'));
    const header = readEdited('partnerships.csv', (text) => text.replace('endReason', 'reason'));
    expect(header.message).toMatch(/partnerships\.csv:1: damaged: expected the columns replicate,id,area,/);
    const stray = readEdited('timeseries.csv', (text) => `${text}7${text.split('\n')[1].slice(1)}\n`);
    expect(stray.message).toMatch(/timeseries\.csv:74: damaged: replicate 7: expected 0 to 2/);
  });

  it('refuses a manifest without its scenario', () => {
    const { dir, message: said } = readEdited('manifest.json', (text) => JSON.stringify({ ...JSON.parse(text), scenario: undefined }));
    expect(said).toBe(message.resultFileDamaged(join(dir, 'manifest.json'), 'no scenario or seeds'));
  });
});
