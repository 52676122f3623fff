// `partnersim validate`: loads each scenario, sweep or calibration file (extends, --set, normalising; a sweep's base
// scenario and design; a calibration's priors and targets) without running it, and says which are good; a bad file
// does not stop the others, but makes the exit status 2.
import type { Command } from 'commander';
import { isPartnersimError } from '../errors.ts';
import { PartnersimError } from '../errors.ts';
import { errorLine, setOnSweep, validateOk, validateSweepOk } from './messages.ts';
import { loadScenario } from '../scenario/load.ts';
import { countOrganisations } from '../scenario/schema.ts';
import { expandSweep } from '../sweep/expand.ts';
import { isSweepText, loadSweep } from '../sweep/load.ts';
import { isCalibrationText, loadCalibration } from '../calibration/load.ts';
import { setOnCalibration, validateCalibrationOk } from '../calibration/messages.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/** Registers `partnersim validate FILE... [--set key=value]` on the program; its action sets `state.code` to 2 when any file is bad. */
export function registerValidate(program: Command, io: Io, state: { code: number }): void {
  program
    .command('validate')
    .description(
      "check scenario, sweep and calibration files (extends, --set overrides, defaults; a sweep's scenario and design; a calibration's priors and targets) without running them",
    )
    .argument(
      '<files...>',
      'scenario, sweep or calibration files (YAML, or JSON by extension); a file with a targets: key is a calibration, one with a scenario: key a sweep',
    )
    .option('--set <key=value>', 'override a scenario key in every scenario file, e.g. --set policy.carrot=0.8 (repeatable)', collect, [])
    .action((files: string[], options: { set: string[] }) => {
      for (const file of files) {
        try {
          io.out(checkFile(file, options.set) + '\n');
        } catch (error) {
          if (!isPartnersimError(error)) throw error;
          io.err(errorLine(error.message) + '\n');
          state.code = 2;
        }
      }
    });
}

// A calibration is told by its `targets:` key, a sweep from a scenario by its `scenario:` key, which no scenario has.
function checkFile(file: string, set: readonly string[]): string {
  const text = nodeHost.readFile(file);
  if (text !== undefined && isCalibrationText(text, file)) {
    if (set.length > 0) throw new PartnersimError('bad-option', setOnCalibration(file));
    const { calibration, scenario } = loadCalibration(file, nodeHost);
    return validateCalibrationOk(
      file,
      calibration.name,
      calibration.parameters.length,
      calibration.targets.length,
      calibration.settings.particles,
      scenario.name,
    );
  }
  if (text !== undefined && isSweepText(text, file)) {
    if (set.length > 0) throw new PartnersimError('bad-option', setOnSweep(file));
    const loaded = loadSweep(file, nodeHost);
    const plan = expandSweep(loaded);
    return validateSweepOk(file, loaded.sweep.name, loaded.sweep.design.kind, plan.points.length, plan.runs.length, loaded.scenario.name);
  }
  const scenario = loadScenario(file, nodeHost, { set });
  return validateOk(file, scenario.name, countOrganisations(scenario), scenario.organisations.areas.length, scenario.time.steps);
}
