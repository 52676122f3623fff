// `partnersim validate`: loads each scenario, sweep or calibration file (extends, --set, normalising; a sweep's base
// scenario and design; a calibration's priors and targets) without running it, and says which are good; a bad file
// does not stop the others, but makes the exit status 2. The sweep's and the calibration's code (their schemas, and
// what they import: the engine, the samplers) is loaded only for a file that is one.
import { isPartnersimError } from '../errors.ts';
import { PartnersimError } from '../errors.ts';
import { errorLine, setOnSweep, validateOk, validateSweepOk } from './messages.ts';
import { loadScenario } from '../scenario/load.ts';
import { registerNotes } from '../scenario/register.ts';
import { countOrganisations } from '../scenario/schema.ts';
import { estimateRunSize, runMemoryBytes } from '../results/estimate.ts';
import { defaultNetwork } from '../results/network-output.ts';
import { isSweepText } from '../sweep/kind.ts';
import { isCalibrationText } from '../calibration/kind.ts';
import { setOnCalibration, validateCalibrationOk } from '../calibration/messages.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';

/** `partnersim validate FILE...`: checks each file and says which are good; returns 2 when any is bad (saying why), else 0. */
export async function validateCommand(files: readonly string[], set: readonly string[], io: Io): Promise<number> {
  let code = 0;
  for (const file of files) {
    try {
      io.out((await checkFile(file, set, io)) + '\n');
    } catch (error) {
      if (!isPartnersimError(error)) throw error;
      io.err(errorLine(error.message) + '\n');
      code = 2;
    }
  }
  return code;
}

// A calibration is told by its `targets:` key, a sweep from a scenario by its `scenario:` key, which no scenario has.
async function checkFile(file: string, set: readonly string[], io: Io): Promise<string> {
  const text = nodeHost.readFile(file);
  if (typeof text === 'string' && isCalibrationText(text, file)) {
    if (set.length > 0) throw new PartnersimError('bad-option', setOnCalibration(file));
    const { loadCalibration } = await import('../calibration/load.ts');
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
  if (typeof text === 'string' && isSweepText(text, file)) {
    if (set.length > 0) throw new PartnersimError('bad-option', setOnSweep(file));
    const [{ loadSweep }, { countPoints }] = await Promise.all([import('../sweep/load.ts'), import('../sweep/expand.ts')]);
    const loaded = loadSweep(file, nodeHost);
    const { parameters, design, replicates } = loaded.sweep;
    const points = countPoints(parameters, design);
    return validateSweepOk(
      file,
      loaded.sweep.name,
      design.kind,
      points,
      points * replicates,
      loaded.scenario.name,
      runMemoryBytes(countOrganisations(loaded.scenario)),
    );
  }
  const scenario = loadScenario(file, nodeHost, { set });
  for (const note of registerNotes(scenario)) io.err(`${note}\n`);
  // A run's size as `partnersim run FILE` would make it: one replicate, the network yearly.
  const size = estimateRunSize(scenario, 1, defaultNetwork(scenario.time));
  return validateOk(file, scenario.name, scenario.organisations.areas.length, scenario.time.steps, size);
}
