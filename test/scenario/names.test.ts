// A name is the folder its results go to: one that would leave results/ or hide is refused where it is written, at its
// file:line, by validate as by the commands that run it, in a scenario, a sweep and a calibration alike.
import { describe, expect, it } from 'vitest';
import { unsafeResultName } from '../../src/scenario/messages.ts';
import { runCli, tinyScenario, useTempDir } from '../cli/fixtures.ts';
import { tinyCalibration } from '../cli/calibrate-fixtures.ts';
import { tinySweep } from '../cli/sweep-fixtures.ts';

const tmp = useTempDir('names', {
  'tiny.yaml': tinyScenario({ steps: 6 }),
  'escape.yaml': tinyScenario({ steps: 6 }).replace('name: tiny', 'name: "../../escape"'),
  'sweep.yaml': tinySweep().replace('name: tiny-sweep', 'name: .hidden'),
  'calibration.yaml': tinyCalibration().replace('name: tiny-cal', 'name: a/b'),
});

describe('a name that would leave results/ or hide', () => {
  it('is refused at its file:line in a scenario, a sweep and a calibration', async () => {
    const cases: [string, string, string, string][] = [
      ['escape.yaml', '../../escape', 'escape', 'escape.yaml:'],
      ['sweep.yaml', '.hidden', 'hidden', 'sweep.yaml:1:7'],
      ['calibration.yaml', 'a/b', 'a-b', 'calibration.yaml:1:7'],
    ];
    for (const [file, name, suggestion, at] of cases) {
      const result = await runCli(['validate', tmp.path(file)]);
      expect(result.code, file).toBe(2);
      expect(result.err, file).toContain(`${at}`);
      expect(result.err, file).toContain(unsafeResultName(name, suggestion).slice('name '.length));
    }
  });
});
