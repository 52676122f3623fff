// `partnersim validate`: loads each scenario file (extends, --set, normalising) without running it, and says
// which are good; a bad file does not stop the others, but makes the exit status 2.
import type { Command } from 'commander';
import { isPartnersimError } from '../errors.ts';
import { errorLine, validateOk } from '../messages.ts';
import { loadScenario } from '../scenario/load.ts';
import { countOrganisations } from '../scenario/schema.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';

const collect = (value: string, previous: readonly string[]): string[] => [...previous, value];

/** Registers `partnersim validate FILE... [--set key=value]` on the program; its action sets `state.code` to 2 when any file is bad. */
export function registerValidate(program: Command, io: Io, state: { code: number }): void {
  program
    .command('validate')
    .description('check scenario files (extends, --set overrides, defaults) without running them')
    .argument('<files...>', 'scenario files (YAML, or JSON by extension)')
    .option('--set <key=value>', 'override a scenario key in every file, e.g. --set policy.carrot=0.8 (repeatable)', collect, [])
    .action((files: string[], options: { set: string[] }) => {
      for (const file of files) {
        try {
          const scenario = loadScenario(file, nodeHost, { set: options.set });
          io.out(validateOk(file, scenario.name, countOrganisations(scenario), scenario.organisations.areas.length, scenario.time.steps) + '\n');
        } catch (error) {
          if (!isPartnersimError(error)) throw error;
          io.err(errorLine(error.message) + '\n');
          state.code = 2;
        }
      }
    });
}
