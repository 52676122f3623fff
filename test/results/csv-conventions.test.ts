// One CSV convention for every table, read back by DuckDB as a user's tool would: a run's and a sweep's time series
// share their column names (step, year, the fields), numbers round-trip exactly, booleans are BOOLEAN, a missing value
// is NULL, and text that would start a formula is neutralised. The run's streamed files are resultFiles' bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runReplicates } from '../../src/engine/run.ts';
import { resultFiles } from '../../src/results/run-files.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { runCli, tinyScenario, useTempDir } from '../cli/fixtures.ts';
import { tinySweep } from '../cli/sweep-fixtures.ts';

const tmp = useTempDir('csv-conventions', {
  // Fierce competition and leaders who come and go, so that some partnerships dissolve and others stay active.
  'tiny.yaml': `market: {competition: 0.95}\nleaders: {turnover: 1}\n${tinyScenario({ steps: 72 })}`.replace(
    'areas: 2',
    'areas: [{name: "=HYPERLINK(\\"http://x\\",\\"y\\")"}, {name: "@SUM(A1)"}]',
  ),
  'sweep.yaml': tinySweep({ replicates: 1 }),
});

let duckdb: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  duckdb = await DuckDBInstance.create(':memory:');
  connection = await duckdb.connect();
  expect((await runCli(['run', tmp.path('tiny.yaml'), '--reps', '2', '--out', tmp.path('run'), '--quiet', '--no-report'])).code).toBe(0);
  expect((await runCli(['sweep', tmp.path('sweep.yaml'), '--workers', '1', '--out', tmp.path('sweep'), '--quiet'])).code).toBe(0);
}, 60_000);

afterAll(() => {
  connection?.closeSync();
  duckdb?.closeSync();
});

/** Returns a CSV file's columns (name: type) and rows as DuckDB reads it with its defaults. */
async function duck(path: string): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const reader = await connection.runAndReadAll(`SELECT * FROM read_csv('${path}')`);
  const names = reader.columnNames();
  const types = reader.columnTypes().map(String);
  return { columns: names.map((name, i) => `${name}: ${types[i]}`), rows: reader.getRowObjects() as Record<string, unknown>[] };
}

describe('the one CSV convention', { timeout: 60_000 }, () => {
  it("gives a run's and a sweep's time series the same column names and types", async () => {
    const run = await duck(join(tmp.path('run'), 'timeseries.csv'));
    const sweep = await duck(join(tmp.path('sweep'), 'timeseries.csv'));
    expect(sweep.columns).toEqual([
      'index: BIGINT',
      'point: BIGINT',
      'replicate: BIGINT',
      'step: BIGINT',
      'year: DOUBLE',
      'active: BIGINT',
      'meanTrust: DOUBLE',
      'collaborating: BIGINT',
    ]);
    for (const column of sweep.columns.slice(2)) expect(run.columns).toContain(column);
  });

  it('round-trips every number exactly, the year included', async () => {
    const results = runReplicates(loadScenario(tmp.path('tiny.yaml'), nodeHost), 2);
    const { rows } = await duck(join(tmp.path('run'), 'timeseries.csv'));
    expect(rows.map((row) => [Number(row.replicate), Number(row.step), row.year, row.meanTrust, row.participation])).toEqual(
      results.flatMap((result, r) => result.timeseries.map((s) => [r, s.step, s.year, s.meanTrust, s.participation])),
    );
  });

  it('reads booleans as BOOLEAN, a missing end as NULL, and formulas as neutralised text', async () => {
    const { columns, rows } = await duck(join(tmp.path('run'), 'partnerships.csv'));
    expect(columns).toEqual(
      expect.arrayContaining(['endedStep: BIGINT', 'endReason: VARCHAR', 'principles: BOOLEAN', 'laInvolved: BOOLEAN', 'funded: BOOLEAN']),
    );
    const active = rows.filter((row) => row.endedStep === null);
    expect(active.length).toBeGreaterThan(0);
    expect(active.every((row) => row.endReason === null)).toBe(true);
    const ended = rows.filter((row) => row.endedStep !== null);
    expect(ended.length).toBeGreaterThan(0);
    expect(ended.every((row) => typeof row.endReason === 'string')).toBe(true);
    expect(new Set(rows.map((row) => row.area))).toEqual(new Set([`'=HYPERLINK("http://x","y")`, "'@SUM(A1)"]));
    expect(rows.every((row) => typeof row.funded === 'boolean')).toBe(true);
  });

  it('streams the same bytes as resultFiles makes in memory', () => {
    const results = runReplicates(loadScenario(tmp.path('tiny.yaml'), nodeHost), 2);
    const manifest = JSON.parse(readFileSync(join(tmp.path('run'), 'manifest.json'), 'utf8'));
    const provenance = { ...manifest, version: manifest.partnersim };
    const files = resultFiles(results, provenance);
    for (const name of ['summary.json', 'timeseries.csv', 'partnerships.csv', 'events.jsonl', 'manifest.json'] as const)
      expect(readFileSync(join(tmp.path('run'), name), 'utf8'), name).toBe(files[name]);
  });
});
