// The command line: parses arguments with commander (the commands as registered in commands.ts) and hands each
// command to its own file, loaded when it runs.
// Only cli/ touches process (argv, exit codes, stdout/stderr); everything else returns values or throws.
import { Command, CommanderError } from 'commander';
import { isPartnersimError } from '../errors.ts';
import { errorLine } from './messages.ts';
import { VERSION } from '../version.ts';
import {
  registerAnalyse,
  registerCalibrate,
  registerClassroom,
  registerCompare,
  registerEmit,
  registerMerge,
  registerReport,
  registerRun,
  registerSchema,
  registerSweep,
  registerValidate,
} from './commands.ts';

/** Where a command writes: stdout for results, stderr for progress and errors. Tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** What commands read of their surroundings, so tests can set it: the environment, whether stderr is a terminal, and
 * (tests only) a module whose `recordRun` sweeps use instead of the engine's. */
export interface Deps {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly terminal: boolean;
  readonly sweepRunner?: string;
  /** Tests only: a module whose `recordRun` calibrations use instead of their own. */
  readonly calibrationRunner?: string;
}

const processDeps = (): Deps => ({ env: process.env, terminal: process.stderr.isTTY === true });

/** Returns the commander program with every command registered; the action handlers set `state.code`. */
export function buildProgram(io: Io, state: { code: number }, deps: Deps = processDeps()): Command {
  const program = new Command()
    .name('partnersim')
    .description('Agent-based simulation of how education partnerships form, strengthen, weaken and dissolve.')
    .version(VERSION)
    .showSuggestionAfterError()
    .showHelpAfterError('(run partnersim --help for the commands)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerRun(program, io, state);
  registerCompare(program, io, state);
  registerReport(program, io, state);
  registerClassroom(program, io, state, deps);
  registerValidate(program, io, state);
  registerSchema(program, io, state);
  registerSweep(program, io, state, deps);
  registerMerge(program, io, state);
  registerAnalyse(program, io, state);
  registerCalibrate(program, io, state, deps);
  registerEmit(program, io, state);
  return program;
}

/** Runs the CLI on these arguments and returns the exit status: 0 ok, 1 a run failed (or a sweep is incomplete),
 * 2 bad input, 130 a sweep interrupted. */
export async function main(argv: string[], io: Io = processIo, deps: Deps = processDeps()): Promise<number> {
  const state = { code: 0 };
  try {
    await buildProgram(io, state, deps).parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isPartnersimError(error)) {
      io.err(`${errorLine(error.message)}\n`);
      return 2;
    }
    throw error;
  }
}
