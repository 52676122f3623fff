// --posterior DIR for run and compare: each replicate runs with a parameter set drawn from a calibration's posterior,
// set over the scenario as --set would set it, the same draw for replicate r in every scenario.
import { drawFromPosterior, type PosteriorDraws } from '../calibration/posterior-draws.ts';
import { PartnersimError } from '../errors.ts';
import { posteriorOverwrites, posteriorSetConflict } from '../calibration/messages.ts';
import { readCalibrationManifest, readPosteriorFile } from '../results/calibration-dir.ts';
import type { Scenario } from '../scenario/schema.ts';

/** Returns the parameter sets `reps` replicates draw from the posterior in a calibration directory. Throws a
 * PartnersimError when the directory has no posterior, when --set fixes a key the posterior draws, or when a scenario
 * sets a drawn key otherwise than the calibration's base scenario did: a draw would overwrite what it sets. */
export function posteriorDraws(
  dir: string,
  set: readonly string[],
  scenarios: readonly { readonly file: string; readonly scenario: Scenario }[],
  masterSeed: number,
  reps: number,
): PosteriorDraws {
  const posterior = readPosteriorFile(dir);
  const { parameters } = posterior.draws;
  for (const arg of set) {
    const key = arg.slice(0, Math.max(0, arg.indexOf('='))).trim();
    if (parameters.includes(key)) throw new PartnersimError('bad-option', posteriorSetConflict(arg, key, dir));
  }
  const base = readCalibrationManifest(dir).scenario;
  for (const { file, scenario } of scenarios)
    for (const key of parameters) {
      const [own, calibrated] = [valueAt(scenario, key), valueAt(base, key)];
      if (JSON.stringify(own) !== JSON.stringify(calibrated))
        throw new PartnersimError(
          'bad-option',
          posteriorOverwrites(file, key, describe(own), posterior.calibration, base.name, describe(calibrated)),
        );
    }
  return drawFromPosterior(posterior, masterSeed, reps);
}

// A scenario's value at a dotted key: a number, or a lever's schedule.
function valueAt(scenario: Scenario, key: string): unknown {
  return key.split('.').reduce<unknown>((value, name) => (value as Record<string, unknown> | undefined)?.[name], scenario);
}

// A value as a message shows it: a constant schedule as its value, a schedule as its steps.
function describe(value: unknown): string {
  if (Array.isArray(value))
    return value.length === 1
      ? String(value[0].value)
      : value.map((entry: { from: number; value: number }) => `${entry.value} from step ${entry.from}`).join(', ');
  return String(value);
}

/** Returns the --set arguments that give replicate r its drawn parameter set (each value written so it reads back exactly). */
export function drawOverrides(draws: PosteriorDraws, replicate: number): string[] {
  const { values } = draws.replicates[replicate];
  return draws.parameters.map((key, k) => `${key}=${values[k]}`);
}
