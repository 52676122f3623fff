// A sweep directory read back: every journal record and the manifest checked (shape, types, and that a run's index,
// point, replicate and seed are those the sweep gives it), anything else refused as damaged with its file and line;
// merge refusing a part whose records do not belong; commands that would replace a sweep directory refused.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isPartnersimError } from '../../src/errors.ts';
import { METRIC_NAMES } from '../../src/engine/types.ts';
import * as message from '../../src/results/messages.ts';
import { readPart } from '../../src/results/sweep-dir.ts';
import { runCli, tinyScenario, useTempDir } from '../cli/fixtures.ts';
import { tinySweep } from '../cli/sweep-fixtures.ts';

const tmp = useTempDir('sweep-dir', { 'tiny.yaml': tinyScenario({ steps: 12 }), 'sweep.yaml': tinySweep({ replicates: 2 }) });

beforeAll(async () => {
  expect((await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '1', '--out', tmp.path('whole'), '--quiet'])).code).toBe(0);
  expect(
    (await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '1', '--shard', '0/2', '--out', tmp.path('shard-0'), '--quiet'])).code,
  ).toBe(0);
  expect(
    (await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '1', '--shard', '1/2', '--out', tmp.path('shard-1'), '--quiet'])).code,
  ).toBe(0);
}, 60_000);

let copies = 0;
// Returns a copy of a directory with one file changed by `edit`, and what readPart says of it.
function edited(from: string, file: string, edit: (text: string) => string): { dir: string; said: string } {
  const dir = tmp.path(`edited-${copies++}`);
  cpSync(tmp.path(from), dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  try {
    readPart(dir);
    return { dir, said: 'read' };
  } catch (error) {
    if (!isPartnersimError(error)) throw error;
    return { dir, said: error.message };
  }
}

const lineEdit = (line: number, change: (record: Record<string, unknown>) => unknown) => (text: string) =>
  text
    .split('\n')
    .map((l, i) => (i === line - 1 ? JSON.stringify(change(JSON.parse(l))) : l))
    .join('\n');

describe('journal records', () => {
  it('are read when they are what the sweep wrote', () => {
    expect(readPart(tmp.path('whole')).records).toHaveLength(12);
  });

  it.each([
    ['an index beyond the sweep', (r: Record<string, unknown>) => ({ ...r, index: 9999 }), 'run 9999: expected an index below 12'],
    ['an index as text', (r: Record<string, unknown>) => ({ ...r, index: '8' }), 'index: Invalid input: expected number, received string'],
    ['a bare index', () => ({ index: 8 }), "status: Invalid discriminator value. Expected 'ok' | 'failed'"],
    ['another seed', (r: Record<string, unknown>) => ({ ...r, seed: 1 }), 'run 2: expected point 1, replicate 0, seed '],
    [
      'a missing metric',
      (r: Record<string, unknown>) => ({ ...r, metrics: [1] }),
      `run 2: expected ${METRIC_NAMES.length} metrics, found 1`,
    ],
    [
      'a short time series',
      (r: Record<string, unknown>) => ({ ...r, timeseries: [[3, 1]] }),
      'run 2: expected 2 time-series rows of 4 numbers',
    ],
  ])('refuse %s with the file and line', (_, change, reason) => {
    const { dir, said } = edited('whole', 'journal.jsonl', lineEdit(3, change));
    expect(
      said.startsWith(`${join(dir, 'journal.jsonl')}:3: damaged: expected a record partnersim sweep wrote for this sweep, found ${reason}`),
    ).toBe(true);
  });

  it('refuse a run of another shard', () => {
    const { dir, said } = edited(
      'shard-0',
      'journal.jsonl',
      (text) => text + readFileSync(join(tmp.path('shard-1'), 'journal.jsonl'), 'utf8').split('\n')[0] + '\n',
    );
    expect(said).toMatch(new RegExp(`^${join(dir, 'journal.jsonl')}:7: damaged: .*run 1: not in shard 0/2`));
  });

  it('refuse a journal that is a directory, with its path', () => {
    const dir = tmp.path('journal-dir');
    cpSync(tmp.path('whole'), dir, { recursive: true });
    rmSync(join(dir, 'journal.jsonl'));
    mkdirSync(join(dir, 'journal.jsonl'));
    expect(() => readPart(dir)).toThrow(
      message.sweepFileUnreadable(join(dir, 'journal.jsonl'), 'EISDIR: illegal operation on a directory, read'),
    );
  });
});

describe('manifests', () => {
  it.each([
    ['without a format', (m: Record<string, unknown>) => ({ ...m, format: undefined }), 'format: Invalid option'],
    ['with runs as text', (m: Record<string, unknown>) => ({ ...m, runs: '12' }), 'runs: Invalid input: expected number'],
    [
      'with a shard beyond its count',
      (m: Record<string, unknown>) => ({ ...m, shard: { index: 3, count: 2 } }),
      'shard 3/2: expected an index below the count',
    ],
  ])('are refused %s', (_, change, reason) => {
    const { dir, said } = edited('whole', 'manifest.json', (text) => JSON.stringify(change(JSON.parse(text))));
    expect(said.startsWith(`${join(dir, 'manifest.json')}: damaged: expected the manifest partnersim sweep wrote, found ${reason}`)).toBe(
      true,
    );
    expect(said).toContain('Fix: restore the file from a copy; without it the sweep cannot resume');
  });
});

describe('commands that would replace a sweep directory', { timeout: 60_000 }, () => {
  it('merge refuses a part with a stray record, and a finished sweep of another format at --out', async () => {
    const { dir } = edited(
      'shard-1',
      'journal.jsonl',
      lineEdit(1, (r) => ({ ...r, index: 9999 })),
    );
    const stray = await runCli(['merge', tmp.path('shard-0'), dir, '--out', tmp.path('merged')]);
    expect(stray.code).toBe(2);
    expect(stray.err).toMatch(/journal\.jsonl:1: damaged: .*run 9999: expected an index below 12/);
    const parquet = tmp.path('parquet');
    expect(
      (await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '1', '--format', 'parquet', '--out', parquet, '--quiet'])).code,
    ).toBe(0);
    const before = readFileSync(join(parquet, 'manifest.json'), 'utf8');
    const merged = await runCli(['merge', tmp.path('shard-0'), tmp.path('shard-1'), '--out', parquet]);
    expect(merged.code).toBe(2);
    expect(merged.err).toBe(
      `partnersim: ${message.resultDirHoldsOther(parquet, 'results of partnersim sweep tiny-sweep (parquet) made from other inputs')}\n`,
    );
    expect(readFileSync(join(parquet, 'manifest.json'), 'utf8')).toBe(before);
    expect((await runCli(['merge', tmp.path('shard-0'), tmp.path('shard-1'), '--out', tmp.path('merged')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(tmp.path('merged'), 'manifest.json'), 'utf8')).format).toBe('csv');
  });

  it('run and analyse refuse --out onto a sweep, and leave it as it was', async () => {
    const before = readFileSync(join(tmp.path('whole'), 'journal.jsonl'), 'utf8');
    const run = await runCli(['run', tmp.path('tiny.yaml'), '--out', tmp.path('whole'), '--quiet', '--no-report']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('holds results of partnersim sweep tiny-sweep (csv) made from other inputs');
    const analyse = await runCli(['analyse', tmp.path('whole'), '--where', 'survival5y >= 0.5', '--out', tmp.path('whole')]);
    expect(analyse.code).toBe(2);
    expect(readFileSync(join(tmp.path('whole'), 'journal.jsonl'), 'utf8')).toBe(before);
  });

  it('sweep refuses a directory of other results, and with --force moves it aside and says where', async () => {
    const dir = tmp.path('was-a-run');
    expect((await runCli(['run', tmp.path('tiny.yaml'), '--out', dir, '--quiet', '--no-report'])).code).toBe(0);
    const refused = await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '1', '--out', dir, '--quiet']);
    expect(refused.code).toBe(2);
    const forced = await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '1', '--out', dir, '--quiet', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.err).toBe(`${message.resultsMovedAside(dir, `${dir}.replaced-1`)}\n`);
    expect(JSON.parse(readFileSync(join(`${dir}.replaced-1`, 'manifest.json'), 'utf8')).kind).toBe('partnersim run');
    expect(readPart(dir).records).toHaveLength(12);
  });
});
