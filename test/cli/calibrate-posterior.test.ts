// run and compare --posterior DIR: each replicate draws a parameter set from a calibration's posterior, the same for
// replicate r in every scenario, recorded in the manifest and said in the report; a scenario that changes a
// calibrated key, a --set of one, or a directory without a posterior is refused with exit 2.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as message from '../../src/calibration/messages.ts';
import { drawFromPosterior } from '../../src/calibration/posterior-draws.ts';
import { findingParameterUncertainty } from '../../src/report/calibration-words.ts';
import { readPosteriorFile } from '../../src/results/calibration-dir.ts';
import { runCli, tinyScenario, useTempDir } from './fixtures.ts';
import { tinyCalibration } from './calibrate-fixtures.ts';

const tmp = useTempDir('calibrate-posterior', {
  'tiny.yaml': tinyScenario({ steps: 24 }),
  'carrot.yaml': 'extends: tiny.yaml\nname: carrot\npolicy: {carrot: 0.7}\n',
  'competitive.yaml': 'extends: tiny.yaml\nname: competitive\nmarket: {competition: 0.9}\n',
  'cal.yaml': tinyCalibration(),
});
const calibrated = tmp.path('cal');
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('--posterior', { timeout: 300_000 }, () => {
  beforeAll(async () => {
    expect((await runCli(['calibrate', tmp.path('cal.yaml'), '--out', calibrated, '--workers', '2', '--quiet'])).code).toBe(0);
  }, 300_000);

  it('run: each replicate runs a parameter set drawn from the posterior, recorded in the manifest and said in the report', async () => {
    const dir = tmp.path('run');
    expect((await runCli(['run', tmp.path('tiny.yaml'), '--reps', '4', '--posterior', calibrated, '--out', dir, '--quiet'])).code).toBe(0);
    const manifest = JSON.parse(read(dir, 'manifest.json'));
    const posterior = readPosteriorFile(calibrated);
    const draws = drawFromPosterior(posterior, manifest.masterSeed, 4);
    expect(manifest.draws).toEqual(draws);
    expect(manifest.posterior).toBe(posterior.hash);
    // The time series records each replicate's market.competition in force: its draw.
    const rows = read(dir, 'timeseries.csv').trim().split('\n');
    const header = rows[0].split(',');
    const [replicate, competition] = [header.indexOf('replicate'), header.indexOf('market.competition')];
    for (const line of rows.slice(1)) {
      const cells = line.split(',');
      expect(Number(cells[competition])).toBe(draws.replicates[Number(cells[replicate])].values[0]);
    }
    const note = findingParameterUncertainty('tiny-cal', ['market.competition', 'leaders.experience'], 8);
    expect(read(dir, 'report.html')).toContain(`<li>${note.replaceAll("'", '&#39;')}</li>`);
  });

  it('compare: replicate r draws the same parameter set in every scenario, and the findings say so first', async () => {
    const dir = tmp.path('compare');
    const result = await runCli([
      'compare',
      tmp.path('tiny.yaml'),
      tmp.path('carrot.yaml'),
      '--reps',
      '3',
      '--posterior',
      calibrated,
      '--out',
      dir,
    ]);
    expect(result.code).toBe(0);
    const [a, b] = ['tiny', 'carrot'].map((sub) => JSON.parse(read(join(dir, sub), 'manifest.json')));
    expect(a.draws).toEqual(b.draws);
    expect(a.seeds).toEqual(b.seeds);
    expect(JSON.parse(read(dir, 'manifest.json')).posterior).toBe(a.posterior);
    expect(result.out.split('\n')[0]).toBe(`- ${findingParameterUncertainty('tiny-cal', ['market.competition', 'leaders.experience'], 8)}`);
  });

  it('refuses a scenario that changes a calibrated key, a --set of one, and a directory with no posterior (exit 2)', async () => {
    const changed = await runCli(['compare', tmp.path('tiny.yaml'), tmp.path('competitive.yaml'), '--posterior', calibrated]);
    expect(changed.code).toBe(2);
    expect(changed.err).toContain(
      message.posteriorOverwrites(tmp.path('competitive.yaml'), 'market.competition', '0.9', 'tiny-cal', 'tiny', '0.3'),
    );
    const set = await runCli(['run', tmp.path('tiny.yaml'), '--posterior', calibrated, '--set', 'leaders.experience=0.2']);
    expect(set.code).toBe(2);
    expect(set.err).toContain(message.posteriorSetConflict('leaders.experience=0.2', 'leaders.experience', calibrated));
    const none = await runCli(['run', tmp.path('tiny.yaml'), '--posterior', tmp.path('run')]);
    expect(none.code).toBe(2);
    expect(none.err).toContain(message.notACalibrationDir(tmp.path('run')));
  });
});
