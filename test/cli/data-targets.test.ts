// `partnersim data targets ESTABLISHMENTS [LINKS]`: the synthetic sample's targets (consistent overall and per local
// authority, each citing the extract and its date), a calibration made of them loads over the register scenario and
// its statistics are computed from a run; bad input is exit 2 with the place (file:line where there is one), and a
// directory or named pipe is neither read as an extract nor written over.
import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { loadCalibration } from '../../src/calibration/load.ts';
import { evaluateStatistics } from '../../src/calibration/statistics.ts';
import { badDataOption, dataFileMissing, errorLine } from '../../src/cli/messages.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { runScenario } from '../../src/engine/run.ts';
import { outputNotAFile } from '../../src/results/messages.ts';
import { BIN, runCli, useTempDir } from './fixtures.ts';

vi.setConfig({ testTimeout: 120_000 });
const ESTABLISHMENTS = 'data/synthetic-edubasealldata20250101.csv';
const LINKS = 'data/synthetic-alllinksdata20250101.csv';
const tmp = useTempDir('data-targets');

interface Target {
  statistic: string;
  area?: string;
  size?: { min: number; max?: number };
  window?: { from: number; to: number };
  observed: number;
  interval: [number, number];
  source: string;
}

const countIn = (source: string) => Number(/: (\d+) of (\d+)/.exec(source)?.[1]);
const totalIn = (source: string) => Number(/: (\d+) of (\d+)/.exec(source)?.[2]);

describe('partnersim data targets', () => {
  it('gives the share in trusts, trusts by size and joinings by year, overall and per authority, that add up', async () => {
    const out = tmp.path('targets.yaml');
    const { code, out: said, err } = await runCli(['data', 'targets', ESTABLISHMENTS, LINKS, '--start', '2015', '--out', out]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const { targets } = parse(readFileSync(out, 'utf8')) as { targets: Target[] };
    expect(said).toContain(`wrote ${targets.length} targets for 3 local authorities and overall to ${out}`);
    const areas = ['Northfield', 'Eastmere', 'Southdale'];
    const shares = targets.filter((t) => t.statistic === 'schoolsInTrusts');
    expect(shares.map((t) => t.area)).toEqual([undefined, ...areas]);
    // The authorities' schools and those in trusts add up to the whole; each share is its count over its total.
    const [overall, ...each] = shares;
    expect(each.reduce((s, t) => s + totalIn(t.source), 0)).toBe(totalIn(overall.source));
    expect(each.reduce((s, t) => s + countIn(t.source), 0)).toBe(countIn(overall.source));
    for (const t of shares) {
      expect(t.observed).toBeCloseTo(countIn(t.source) / totalIn(t.source), 4);
      expect(t.interval[0]).toBeLessThanOrEqual(t.observed);
      expect(t.interval[1]).toBeGreaterThanOrEqual(t.observed);
    }
    // Trusts by size: the bands' shares sum to 1 wherever there are trusts, and the authorities' trusts to the whole.
    for (const area of [undefined, ...areas]) {
      const bands = targets.filter((t) => t.statistic === 'trustSize' && t.area === area);
      if (bands.length === 0) continue;
      expect(bands.map((t) => t.size)).toEqual([{ min: 1, max: 1 }, { min: 2, max: 5 }, { min: 6, max: 20 }, { min: 21 }]);
      expect(bands.reduce((s, t) => s + countIn(t.source), 0)).toBe(totalIn(bands[0].source));
    }
    const trustsOverall = totalIn(targets.find((t) => t.statistic === 'trustSize' && t.area === undefined)?.source ?? '');
    const trustsEach = areas.map((a) => totalIn(targets.find((t) => t.statistic === 'trustSize' && t.area === a)?.source ?? ': 0 of 0'));
    expect(trustsEach.reduce((s, n) => s + n, 0)).toBe(trustsOverall);
    // Joinings: a year's window of 12 steps from 1 January 2015, the counts per authority adding up to the whole.
    const joins = targets.filter((t) => t.statistic === 'trustJoins');
    for (const t of joins) expect((t.window as { from: number; to: number }).to - (t.window as { from: number }).from).toBe(11);
    const sum = (area?: string) => joins.filter((t) => t.area === area).reduce((s, t) => s + t.observed, 0);
    expect(areas.reduce((s, a) => s + sum(a), 0)).toBe(sum(undefined));
    expect(sum(undefined)).toBeGreaterThan(0);
    for (const t of targets) expect(t.source).toMatch(/^GIAS establishments extract synthetic-edubasealldata20250101\.csv of 2025-01-01/);
  });

  it('makes targets a calibration of the register scenario takes, whose statistics a run gives', async () => {
    const out = tmp.path('targets-start.yaml');
    expect((await runCli(['data', 'targets', ESTABLISHMENTS, LINKS, '--start', '2015', '--out', out])).code).toBe(0);
    const targets = (parse(readFileSync(out, 'utf8')) as { targets: Target[] }).targets;
    const file = tmp.write(
      'calibration.yaml',
      `scenario: ${process.cwd()}/scenarios/local-authority.yaml
parameters:
  governance.fragmentation: { prior: uniform, min: 0, max: 0.3 }
targets:
${targets.map((t) => `  - ${JSON.stringify(t)}`).join('\n')}
`,
    );
    const { calibration, scenario } = loadCalibration(file, nodeHost);
    expect(calibration.targets).toHaveLength(targets.length);
    const result = runScenario({ ...scenario, time: { ...scenario.time, steps: 24 } });
    const values = evaluateStatistics(
      result,
      calibration.targets.filter((t) => t.steps === undefined || t.steps.to <= 24),
      12,
    );
    const overall = calibration.targets.findIndex((t) => t.statistic === 'schoolsInTrusts' && t.area === undefined);
    expect(values[overall]).toBe(result.metrics.inTrustsAtEnd);
    for (const value of values) expect(value === null || (value >= 0 && Number.isFinite(value))).toBe(true);
  });

  it('refuses a missing file, a file that is not an extract (file:line), an unknown authority and bad options with exit 2', async () => {
    const missing = await runCli(['data', 'targets', tmp.path('none.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`${errorLine(dataFileMissing(tmp.path('none.csv'), 'establishments'))}\n`);
    const notExtract = tmp.write('edubasealldata20250101.csv', 'URN,Name\n1,A\n');
    const wrong = await runCli(['data', 'targets', notExtract]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain(`${notExtract}:1:`);
    expect(wrong.err).toContain('"LA (code)"');
    const unknown = await runCli(['data', 'targets', ESTABLISHMENTS, '--local-authority', 'Northfeld']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--local-authority Northfeld');
    expect(unknown.err).toContain('did you mean Northfield?');
    const start = await runCli(['data', 'targets', ESTABLISHMENTS, '--start', 'soon']);
    expect(start.code).toBe(2);
    expect(start.err).toBe(`${errorLine(badDataOption('--start', 'soon', 'a whole number from 1900 to 2200'))}\n`);
    const steps = await runCli(['data', 'targets', ESTABLISHMENTS, '--steps-per-year', '0']);
    expect(steps.code).toBe(2);
    // An extract whose name gives no date is told the command's option, not a scenario's key.
    const undated = tmp.write('extract.csv', readFileSync(ESTABLISHMENTS, 'latin1'));
    const noDate = await runCli(['data', 'targets', undated]);
    expect(noDate.code).toBe(2);
    expect(noDate.err).toContain('Fix: give --date YYYY-MM-DD, the day the extract was downloaded.');
    // A date of the right form but no day of the calendar.
    for (const date of ['2025-13-45', '2025-02-30']) {
      const bad = await runCli(['data', 'targets', ESTABLISHMENTS, '--date', date]);
      expect(bad.code).toBe(2);
      expect(bad.err).toBe(`${errorLine(badDataOption('--date', date, 'a date YYYY-MM-DD'))}\n`);
    }
  });

  it.skipIf(process.platform === 'win32')('refuses a directory or named pipe for an extract, and will not write over one', async () => {
    const dir = tmp.path('extracts');
    mkdirSync(dir);
    expect(await runCli(['data', 'targets', dir])).toEqual({
      code: 2,
      out: '',
      err: `${errorLine(dataFileMissing(dir, 'establishments', 'directory'))}\n`,
    });
    const fifo = tmp.path('pipe.csv');
    execFileSync('mkfifo', [fifo]);
    // As the installed command, in its own process, so that a read that waits for a writer ends at the time limit.
    const read = spawnSync(process.execPath, [BIN, 'data', 'targets', ESTABLISHMENTS, fifo], { encoding: 'utf8', timeout: 30_000 });
    expect({ status: read.status, stderr: read.stderr }).toEqual({
      status: 2,
      stderr: `${errorLine(dataFileMissing(fifo, 'links', 'fifo'))}\n`,
    });
    for (const [out, found] of [
      [fifo, 'fifo'],
      [dir, 'directory'],
    ] as const) {
      const written = await runCli(['data', 'targets', ESTABLISHMENTS, '--out', out]);
      expect(written).toEqual({ code: 2, out: '', err: `${errorLine(outputNotAFile(out, found))}\n` });
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an extract whose rows do not parse beyond the stated share, naming file:line', async () => {
    const [header, ...rows] = readFileSync(ESTABLISHMENTS, 'latin1').split('\n');
    const broken = rows.map((row, k) => (k % 4 === 0 ? row.replace(/^\d+/, 'x') : row));
    const file = tmp.write('broken-edubasealldata20250101.csv', [header, ...broken].join('\n'));
    const { code, err } = await runCli(['data', 'targets', file]);
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`));
  });
});
