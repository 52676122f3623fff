// The calibrated default: the shipped results of calibrations/england.yaml are a complete calibration of that file, and
// each of its parameters' defaults (the parameter table's, the lever table's and scenarios/baseline.yaml's) is its
// posterior median to three significant figures, with a source that says so and gives the credible interval. The
// shipped scenarios can draw from that posterior (--posterior) without refusing a calibrated key.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCalibration } from '../../src/calibration/load.ts';
import { nodeHost } from '../../src/cli/node-host.ts';
import { posteriorDraws } from '../../src/cli/posterior.ts';
import { readCalibrationManifest, readPosteriorFile } from '../../src/results/calibration-dir.ts';
import { LEVERS } from '../../src/scenario/levers.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { PARAMETERS, parameterValue, sourceInWords } from '../../src/scenario/parameters/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = `${ROOT}calibrations/results/england`;
const posterior = readPosteriorFile(DIR);
const threeFigures = (x: number) => Number(x.toPrecision(3));
const load = (file: string) => loadScenario(`${ROOT}${file}`, nodeHost);

describe('the shipped England calibration', () => {
  it('is a complete calibration of calibrations/england.yaml, its parameters and targets', () => {
    const { calibration } = loadCalibration(`${ROOT}calibrations/england.yaml`, nodeHost);
    expect(readCalibrationManifest(DIR).status).toBe('complete');
    expect(posterior.calibration).toBe(calibration.name);
    expect(posterior.draws.parameters).toEqual(calibration.parameters.map((parameter) => parameter.name));
    expect(posterior.targets.map((target) => target.observed)).toEqual(calibration.targets.map((target) => target.observed));
  });

  it.each(posterior.summary.parameters.map((parameter) => [parameter.name, parameter] as const))(
    '%s: its default is the posterior median, and its source says so with the interval',
    (key, parameter) => {
      const median = threeFigures(parameter.median);
      const interval = `90% credible interval ${threeFigures(parameter.ci90[0])} to ${threeFigures(parameter.ci90[1])}`;
      if (key in LEVERS) {
        const lever = LEVERS[key as keyof typeof LEVERS];
        expect(lever.default).toBe(median);
        expect(lever.source).toContain(`posterior median of calibrations/england.yaml (${interval}`);
        expect(load('scenarios/baseline.yaml').leaders.turnover).toEqual([{ from: 0, value: median }]);
      } else {
        expect(parameterValue({}, key)).toBe(median);
        const spec = PARAMETERS.find((p) => p.key === key)?.spec;
        expect(sourceInWords(spec?.source ?? 'assumption')).toContain(`posterior median of calibrations/england.yaml (${interval}`);
      }
    },
  );

  it('lets the shipped scenarios that keep the calibrated keys draw from its posterior, and refuses one that sets its own', () => {
    const scenarios = ['baseline', 'carrots', 'sticks', 'competition'].map((name) => ({
      file: `scenarios/${name}.yaml`,
      scenario: load(`scenarios/${name}.yaml`),
    }));
    expect(posteriorDraws(DIR, [], scenarios, 1, 3).replicates).toHaveLength(3);
    const own = [{ file: 'scenarios/experienced-leaders.yaml', scenario: load('scenarios/experienced-leaders.yaml') }];
    expect(() => posteriorDraws(DIR, [], own, 1, 3)).toThrow(/leaders\.turnover/);
  });
});
