// partnersim calibrate writes a calibration's directory: the tables of every generation, posterior.json,
// calibrated.yaml (which partnersim run takes) and report.html (which partnersim report rebuilds byte for byte); a
// failing run is recorded and left out; a budget spent inside a generation stops it with the targets it could not
// meet; bad input exits 2 with its place in the file; a directory of another calibration is refused.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as message from '../../src/calibration/messages.ts';
import { errorLine } from '../../src/cli/messages.ts';
import { CALIBRATION_KIND } from '../../src/results/calibration-dir.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { FAILING_CALIBRATION_RUNNER, tinyCalibration } from './calibrate-fixtures.ts';
import { filesOf } from './sweep-fixtures.ts';

const tmp = useTempDir('calibrate', {
  'tiny.yaml': tinyScenario({ steps: 24 }),
  'cal.yaml': tinyCalibration(),
  'unmeetable.yaml': tinyCalibration({ extra: '' })
    .replace('observed: 6, sd: 3', 'observed: 500, sd: 3')
    .replace(
      'method: {particles: 8, generations: 2, predictive: 4}',
      'method: {algorithm: rejection, particles: 8, tolerance: 1, budget: 40, predictive: 4}',
    ),
  'first-only.yaml': tinyCalibration({ particles: 4, generations: 5 }).replace('predictive: 4}', 'predictive: 4, budget: 4}'),
  'bad.yaml': tinyCalibration().replace(
    '  - {statistic: partnershipsFormed, observed: 6, sd: 3, source: assumption for a test}\n',
    '  - {statistic: partnershipsFormd, observed: 6, sd: 3, source: x}\n',
  ),
});
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('partnersim calibrate', { timeout: 300_000 }, () => {
  const dir = tmp.path('out');

  it('writes every table, the posterior, a calibrated scenario and the report, and prints the posterior', async () => {
    const result = await runCli(['calibrate', tmp.path('cal.yaml'), '--out', dir, '--workers', '2']);
    expect(result.code).toBe(0);
    expect(Object.keys(filesOf(dir)).sort()).toEqual(
      [
        'calibrated.yaml',
        'check.csv',
        'generations.csv',
        'journal.jsonl',
        'manifest.json',
        'particles.csv',
        'posterior.json',
        'proposals.csv',
        'report.html',
      ].sort(),
    );
    const manifest = JSON.parse(read(dir, 'manifest.json'));
    expect(manifest).toMatchObject({ kind: CALIBRATION_KIND, status: 'complete', shard: null, runs: expect.any(Number), checkRuns: 4 });
    const posterior = JSON.parse(read(dir, 'posterior.json'));
    expect(posterior.summary.parameters.map((p: { name: string }) => p.name)).toEqual(['market.competition', 'leaders.experience']);
    expect(posterior.draws.particles).toHaveLength(8);
    expect(result.out).toBe(
      message.calibrationFinished(
        'tiny-cal',
        2,
        manifest.runs,
        4,
        message.stopReasonText('generations', manifest.calibration.settings),
        posterior.summary.parameters,
        dir,
      ) + '\n',
    );
    // Every generation's particles, with weights summing to 1 in each.
    const particles = read(dir, 'particles.csv').trim().split('\n');
    expect(particles[0]).toBe(
      'generation,index,seed,market.competition,leaders.experience,weight,distance,partnershipsFormed,meanTrustAtEnd',
    );
    expect(particles).toHaveLength(1 + 2 * 8);
    const sums = [0, 0];
    for (const row of particles.slice(1).map((line) => line.split(','))) sums[Number(row[0])] += Number(row[5]);
    sums.forEach((sum) => expect(sum).toBeCloseTo(1, 12));
    expect(read(dir, 'proposals.csv').split('\n')[0]).toBe(
      'generation,index,seed,market.competition,leaders.experience,status,error,distance,accepted,partnershipsFormed,meanTrustAtEnd',
    );
    const report = read(dir, 'report.html');
    for (const heading of ['What was calibrated', 'Key findings', 'Posterior', 'Targets', 'Generations', 'Method', 'Provenance'])
      expect(report).toContain(`>${heading}</h2>`);
    expect(report).toContain('<span>partnersim</span> <span>calibrate</span>');
  });

  it('writes a calibrated.yaml that partnersim run takes, with each parameter at its posterior median', async () => {
    const posterior = JSON.parse(read(dir, 'posterior.json'));
    const run = await runCli(['run', join(dir, 'calibrated.yaml'), '--out', tmp.path('calibrated-run'), '--quiet', '--no-report']);
    expect(run.code).toBe(0);
    const scenario = JSON.parse(read(tmp.path('calibrated-run'), 'manifest.json')).scenario;
    expect(scenario.name).toBe('tiny-cal-calibrated');
    expect(scenario.market.competition).toEqual([{ from: 0, value: posterior.summary.parameters[0].median }]);
    expect(scenario.leaders.experience).toEqual([{ from: 0, value: posterior.summary.parameters[1].median }]);
  });

  it('rebuilds report.html byte for byte with partnersim report', async () => {
    const before = read(dir, 'report.html');
    const rebuilt = await runCli(['report', dir]);
    expect(rebuilt.code).toBe(0);
    expect(read(dir, 'report.html')).toBe(before);
  });

  it('finishes a calibration stopped after generation 0, which has no tolerance, with its posterior and report', async () => {
    const first = tmp.path('first-only');
    const result = await runCli(['calibrate', tmp.path('first-only.yaml'), '--out', first, '--workers', '1', '--quiet']);
    expect(result).toEqual({ code: 0, out: `${first}\n`, err: '' });
    expect(JSON.parse(read(first, 'manifest.json'))).toMatchObject({ status: 'complete', stop: { reason: 'budget', incomplete: false } });
    expect(JSON.parse(read(first, 'posterior.json')).draws.particles).toHaveLength(4);
    const report = read(first, 'report.html');
    expect(report).toMatch(/<figure class="chart" id="generations">\n<div class="chart-svg"><svg/);
    expect(Object.keys(filesOf(join(first, 'charts')))).toContain('generations.svg');
    expect((await runCli(['report', first])).code).toBe(0);
    expect(read(first, 'report.html')).toBe(report);
  });

  it('refuses to resume into the directory of another calibration, exit 2', async () => {
    tmp.write('other.yaml', tinyCalibration().replace('seed: 3', 'seed: 4'));
    const result = await runCli(['calibrate', tmp.path('other.yaml'), '--out', dir]);
    expect(result.code).toBe(2);
    const manifest = JSON.parse(read(dir, 'manifest.json'));
    expect(result.err).toContain(`${dir}: holds another calibration: expected calibration tiny-cal (hash `);
    expect(result.err).toContain(`found tiny-cal (hash ${manifest.hash})`);
  });

  it('exits 2 at the file, line and column of a bad calibration file, with the nearest statistic', async () => {
    const result = await runCli(['calibrate', tmp.path('bad.yaml')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(
      new RegExp(
        `^partnersim: ${tmp.path('bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:7:\\d+: unknown statistic "partnershipsFormd"`,
      ),
    );
    expect(result.err).toContain('did you mean partnershipsFormed?');
  });

  it('records a failing run, leaves it out of the particles, and finishes', async () => {
    const failing = tmp.path('failing');
    const result = await runCli(['calibrate', tmp.path('cal.yaml'), '--out', failing, '--workers', '2', '--quiet'], {
      calibrationRunner: FAILING_CALIBRATION_RUNNER,
    });
    expect(result.code).toBe(0);
    const rows = read(failing, 'proposals.csv')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const failed = rows.filter((row) => row[5] === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    for (const row of failed) {
      expect(Number(row[2]) % 3).toBe(0);
      expect(row[6]).toMatch(/^Error: planted failure in the run with seed \d+$/);
      expect(row[8]).toBe('0');
    }
    const generations = read(failing, 'generations.csv').trim().split('\n').slice(1);
    expect(generations.reduce((sum, line) => sum + Number(line.split(',')[5]), 0)).toBe(failed.length);
  });

  it('stops a generation the budget cannot complete, naming the targets it could not meet, and keeps its runs (exit 1 with no posterior)', async () => {
    const stopped = tmp.path('stopped');
    const result = await runCli(['calibrate', tmp.path('unmeetable.yaml'), '--out', stopped, '--workers', '2']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(errorLine('calibration tiny-cal stopped in generation 0: 0 of 8 particles accepted in 40 runs, because'));
    expect(result.err).toContain(
      'The targets it could not meet: partnerships formed (within 1 of its uncertainty in 0% of runs; the closest came',
    );
    expect(result.err).toContain(`No generation completed, so there is no posterior; the runs made are kept in ${stopped}.`);
    expect(read(stopped, 'proposals.csv').trim().split('\n')).toHaveLength(41);
    expect(JSON.parse(read(stopped, 'manifest.json'))).toMatchObject({ status: 'complete', stop: { reason: 'budget', incomplete: true } });
    expect(read(stopped, 'report.html')).toContain('No generation completed, so there is no posterior');
  });

  it('draws a bar over each round on a terminal, between the generations it says', async () => {
    const result = await runCli(['calibrate', tmp.path('cal.yaml'), '--out', tmp.path('terminal'), '--workers', '2'], { terminal: true });
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/round \S+ \d+\/\d+ runs/);
    expect(result.err).toContain(message.generationLine(JSON.parse(read(tmp.path('terminal'), 'manifest.json')).generations[0]));
  });

  it('validates a calibration file without running it', async () => {
    const result = await runCli(['validate', tmp.path('cal.yaml')]);
    expect(result).toEqual({
      code: 0,
      out: message.validateCalibrationOk(tmp.path('cal.yaml'), 'tiny-cal', 2, 2, 8, 'tiny') + '\n',
      err: '',
    });
  });
});
