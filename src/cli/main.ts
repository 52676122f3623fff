// The command line: parses arguments with commander (the commands as registered in commands.ts) and hands each
// command to its own file, loaded when it runs.
// Only cli/ touches process (argv, exit codes, stdout/stderr); everything else returns values or throws.
import { Command, CommanderError } from 'commander';
import { isPartnersimError, PartnersimError } from '../errors.ts';
import { commanderErrorLine, emptyArgument, emptyOptionValue, errorLine, printable, systemErrorLine } from './messages.ts';
import { VERSION } from '../version.ts';
import {
  registerAnalyse,
  registerCalibrate,
  registerClassroom,
  registerCompare,
  registerData,
  registerEmit,
  registerMerge,
  registerReport,
  registerRun,
  registerSchema,
  registerSweep,
  registerValidate,
} from './commands.ts';

/** Where a command writes: stdout for results, stderr for progress and errors. Tests pass their own. main() hands the
 * commands an Io whose `out` and `err` escape control characters (a name or key can hold any), and whose `draw` writes
 * a progress bar's terminal codes to stderr as they are. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Writes terminal drawing (a progress bar's own escape sequences, no user text) as it is; `err` when absent. */
  draw?(text: string): void;
}

// A reader that stops early (`partnersim schema | head -1`) closes the pipe, and Node reports it as an 'error' event
// (EPIPE) that would end the process with a stack trace. As a Unix tool does, what is left to print to that stream is
// dropped; the command finishes its work (results are written whoever reads stdout) and exits with its own status.
const watched = new Set<NodeJS.WriteStream>();
const closed = new Set<NodeJS.WriteStream>();
function writeTo(stream: NodeJS.WriteStream, text: string): void {
  if (closed.has(stream)) return;
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      closed.add(stream);
    });
  }
  stream.write(text);
}

const processIo: Io = {
  out: (text) => writeTo(process.stdout, text),
  err: (text) => writeTo(process.stderr, text),
};

// What the commands write through: every message and summary with its control characters escaped.
function printableIo(io: Io): Io {
  return { out: (text) => io.out(printable(text)), err: (text) => io.err(printable(text)), draw: io.draw ?? io.err };
}

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
    .exitOverride()
    // commander's own errors are printed by main() as one line with a fix, like every other error.
    .configureOutput({ writeOut: io.out, writeErr: io.err, outputError: () => {} })
    // An option given an empty value (`--out ""`, a shell variable unset) would quietly stand for something else.
    .hook('preAction', (_, action) => {
      for (const option of action.options)
        if (action.getOptionValue(option.attributeName()) === '')
          throw new PartnersimError('bad-option', emptyOptionValue(option.long ?? option.flags, commandPath(action)));
      const named = action.registeredArguments;
      action.args.forEach((arg, i) => {
        if (arg === '')
          throw new PartnersimError('bad-option', emptyArgument(named[Math.min(i, named.length - 1)].name(), commandPath(action)));
      });
    });
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
  registerData(program, io, state);
  return program;
}

/** Runs the CLI on these arguments and returns the exit status: 0 ok, 1 a run failed (or a sweep is incomplete),
 * 2 bad input or what the system refused (a file that cannot be read or written, a full disk, a port in use), 130 a
 * run, comparison, sweep or calibration interrupted (running it again resumes). Every error is printed as one `partnersim:` line with a fix; only a bug gives a stack trace. */
export async function main(argv: string[], io: Io = processIo, deps: Deps = processDeps()): Promise<number> {
  const state = { code: 0 };
  const safe = printableIo(io);
  const program = buildProgram(safe, state, deps);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for (or shown for a missing command) and --version end here too; their text is already out.
      if (error.exitCode === 0 || error.code === 'commander.help' || error.code === 'commander.helpDisplayed') return error.exitCode && 2;
      safe.err(`${errorLine(commanderErrorLine(error.code, error.message, commandOf(program, argv)))}\n`);
      return 2;
    }
    if (isPartnersimError(error)) {
      safe.err(`${errorLine(error.message)}\n`);
      return 2;
    }
    const system = systemErrorLine(error);
    if (system !== undefined) {
      safe.err(`${errorLine(system)}\n`);
      return 2;
    }
    throw error;
  }
}

// A command's words after `partnersim` (`emit slurm`).
function commandPath(command: Command): string {
  const words: string[] = [];
  for (let at: Command | null = command; at?.parent != null; at = at.parent) words.unshift(at.name());
  return words.join(' ');
}

// The command named on the command line, for the fix of an error in its options: its leading words that name a command
// and its subcommands (`emit slurm`), or undefined when the first word is an option or no command.
function commandOf(program: Command, argv: readonly string[]): string | undefined {
  const words: string[] = [];
  let command = program;
  for (const word of argv) {
    const sub = command.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (sub === undefined) break;
    words.push(sub.name());
    command = sub;
  }
  return words.length > 0 ? words.join(' ') : undefined;
}
