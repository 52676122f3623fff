// The commands as the command line offers them: each one's arguments, options and help, registered on the commander
// program. Only what help needs is loaded with the program; an action imports its command's file (cli/<command>.ts)
// when it runs, so that `--help` and each command load none of the others' dependencies (the scenario schema, the
// engine, the reports' charts). test/architecture.test.ts checks that this file's imports stay light.
import { Option, type Command } from 'commander';
import { ANALYSIS_METHODS } from '../analysis/sweep-analysis.ts';
import { TABLE_FORMATS } from '../sweep/table.ts';
import type { AnalyseOptions } from './analyse.ts';
import type { CalibrateOptions } from './calibrate.ts';
import type { CompareOptions } from './compare.ts';
import type { DataTargetsOptions } from './data.ts';
import type { EmitSlurmOptions } from './emit.ts';
import type { Deps, Io } from './main.ts';
import { collect } from './options.ts';
import type { RunCommandOptions } from './run.ts';
import type { SweepCommandOptions } from './sweep.ts';

/** The replicates a comparison runs by default: enough for intervals that mean something, few enough to be quick. */
export const DEFAULT_COMPARE_REPS = 10;

/** The port `partnersim serve` listens on unless told otherwise. */
export const DEFAULT_PORT = 8080;

/** The boxes PRIM looks for by default: one after another, stopping early when a box adds nothing. */
export const DEFAULT_PRIM_BOXES = 3;

/** The most shards of an emitted SLURM job array that run at once, unless told otherwise. */
export const DEFAULT_THROTTLE = 16;

/** The exit status of `calibrate --merge` when a round still needs runs: the shards must run again. */
export const PENDING_EXIT = 3;

/** The exit status a command's action sets. */
interface State {
  code: number;
}

/** Registers `partnersim run SCENARIO` on the program; its action sets `state.code` to 1 when a run fails. */
export function registerRun(program: Command, io: Io, state: State): void {
  program
    .command('run')
    .description(
      'run a scenario and write its results to results/<scenario name>/ (with --set, --seed or --steps: results/<name>+<key>=<value>...; or --out)',
    )
    .argument('<scenario>', 'scenario file (YAML or JSON)')
    .option('--seed <n>', "master seed, overriding the scenario's time.seed")
    .option('--steps <n>', "steps to simulate, overriding the scenario's time.steps")
    .option('--set <key=value>', 'override a scenario key, e.g. --set policy.carrot=0.8 (repeatable)', collect, [])
    .option(
      '--reps <n>',
      'replicates, each with its own seed derived from the master seed; interrupted (Ctrl-C, a kill), the run keeps those finished and running it again resumes',
      '1',
    )
    .option('--out <dir>', 'directory to write the results into (default: results/<scenario name>)')
    .option('--force', 'if --out (or results/<name>) holds other results, move them aside to <dir>.replaced-N instead of refusing')
    .option('--quiet', 'print only the results directory')
    .option('--no-report', 'skip report.html (its charts take about a second to draw)')
    .option('--network-every <n>', 'write the ties to network.csv at step 0, every n steps and the last step (default: yearly)')
    .option('--all-graphs', 'write GraphML and GEXF files in network/ at every step network.csv records (default: the last step only)')
    .option('--no-network', 'write no network.csv and no graph files')
    .option(
      '--posterior <dir>',
      "each replicate draws its parameters from the posterior of a calibration's directory (see partnersim calibrate)",
    )
    .action(async (file: string, options: RunCommandOptions, command: Command) => {
      const { runCommand } = await import('./run.ts');
      state.code = await runCommand(file, options, command.parent?.args ?? command.args, io);
    });
}

/** Registers `partnersim compare SCENARIO...`; its action sets `state.code` to 1 when a run fails. */
export function registerCompare(program: Command, io: Io, state: State): void {
  program
    .command('compare')
    .description('run scenarios with the same replicate seeds and compare each with a baseline: statistics, charts and report.html')
    .argument('<scenarios...>', 'scenario files (YAML or JSON); the first is the baseline unless --baseline says otherwise')
    .option(
      '--reps <n>',
      'replicates of each scenario, paired across scenarios by seed; interrupted, the comparison keeps those finished and running it again resumes',
      String(DEFAULT_COMPARE_REPS),
    )
    .option('--baseline <name>', 'the scenario the others are compared with: its name or its file (default: the first)')
    .option('--seed <n>', "master seed for every scenario (default: the baseline's time.seed)")
    .option('--steps <n>', "steps to simulate in every scenario, overriding each scenario's time.steps")
    .option('--set <key=value>', 'override a key in every scenario, e.g. --set market.competition=0.6 (repeatable)', collect, [])
    .option('--out <dir>', 'directory for the comparison (default: results/compare-<names>)')
    .option('--force', 'if --out (or the default directory) holds other results, move them aside to <dir>.replaced-N instead of refusing')
    .option('--quiet', 'print only the directory')
    .option(
      '--posterior <dir>',
      "each replicate draws its parameters from the posterior of a calibration's directory, the same draw for a replicate in every scenario",
    )
    .action(async (files: string[], options: CompareOptions, command: Command) => {
      const { compareCommand } = await import('./compare.ts');
      state.code = await compareCommand(files, options, command.parent?.args ?? command.args, io);
    });
}

/** Registers `partnersim report DIR`. */
export function registerReport(program: Command, io: Io, _state: State): void {
  program
    .command('report')
    .description(
      'rebuild the report of a result directory (from partnersim run, compare, analyse or calibrate) from the results stored there',
    )
    .argument('<dir>', 'the result directory')
    .action(async (dir: string) => {
      const { reportCommand } = await import('./report.ts');
      await reportCommand(dir, io);
    });
}

/** Registers `partnersim serve [SCENARIO]` and `partnersim classroom --export FILE`. */
export function registerClassroom(program: Command, io: Io, _state: State, deps: Deps): void {
  program
    .command('serve')
    .description('serve the classroom page on localhost: the model runs live in the browser, with sliders, network and charts')
    .argument('[scenario]', 'scenario to start with (default: scenarios/baseline.yaml); the shipped ones are in its menu')
    .option('--port <n>', `port to listen on (default ${DEFAULT_PORT}; 0 takes any free port)`)
    .option('--open', 'open the page in the default browser (saying why when it cannot, and serving on)')
    .action(async (scenario: string | undefined, options: { port?: string; open?: boolean }) => {
      const { serveCommand } = await import('./classroom.ts');
      await serveCommand(scenario, options, io, deps);
    });
  program
    .command('classroom')
    .description('write the classroom page as one self-contained HTML file that opens offline, with no Node')
    .requiredOption('--export <file>', 'the HTML file to write')
    .argument('[scenario]', 'scenario to start with (default: scenarios/baseline.yaml)')
    .action(async (scenario: string | undefined, options: { export: string }) => {
      const { exportClassroomCommand } = await import('./classroom.ts');
      exportClassroomCommand(scenario, options, io);
    });
}

/** Registers `partnersim validate FILE... [--set key=value]` on the program; its action sets `state.code` to 2 when any file is bad. */
export function registerValidate(program: Command, io: Io, state: State): void {
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
    .action(async (files: string[], options: { set: string[] }) => {
      const { validateCommand } = await import('./validate.ts');
      state.code = await validateCommand(files, options.set, io);
    });
}

/** Registers `partnersim schema [--sweep|--calibration] [--write]` on the program; it cannot fail on bad input, so
 * `_state` is left as is. */
export function registerSchema(program: Command, io: Io, _state: State): void {
  program
    .command('schema')
    .description(
      'print the JSON Schema of scenario files (or of sweep or calibration files), or --write all three to scenarios/, sweeps/ and calibrations/schema.json',
    )
    .option('--sweep', 'print the schema of sweep files instead of scenario files')
    .option('--calibration', 'print the schema of calibration files instead of scenario files')
    .option('--write', 'write scenarios/schema.json, sweeps/schema.json and calibrations/schema.json instead of printing')
    .action(async (options: { sweep?: boolean; calibration?: boolean; write?: boolean }) => {
      const { schemaCommand } = await import('./schema.ts');
      schemaCommand(options, io);
    });
}

/** Registers `partnersim sweep SWEEP` and `partnersim sweep status DIR...`; the actions set `state.code`. */
export function registerSweep(program: Command, io: Io, state: State, deps: Deps): void {
  const sweep = program
    .command('sweep')
    .description('run a parameter sweep on worker threads into results/<sweep name>/ (or --out); running it again resumes')
    .argument('<sweep>', 'sweep file (YAML or JSON): see sweeps/ and sweeps/schema.json')
    .option('--workers <n>', 'worker threads (default: one per core; at most the cores, unless --oversubscribe)')
    .option('--oversubscribe', 'allow --workers beyond the cores (it says how much memory they need; they run no faster)')
    .option('--out <dir>', 'directory for the results (default: results/<name>, or results/<name>.parts/shard-<i> for a shard)')
    .addOption(new Option('--format <format>', 'format of the result tables').choices(TABLE_FORMATS).default('csv'))
    .option(
      '--shard <i/N>',
      'run only the runs whose index modulo N is i; auto/N takes i from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX',
    )
    .option('--force', 'if --out (or the default directory) holds other results, move them aside to <dir>.replaced-N instead of refusing')
    .option('--quiet', 'print only the results directory')
    .action(async (file: string, options: SweepCommandOptions) => {
      const { sweepCommand } = await import('./sweep.ts');
      state.code = await sweepCommand(file, options, io, deps);
    });
  sweep
    .command('status')
    .description('say which runs of a sweep are finished, failed or missing, and which shards to run again')
    .argument('<dirs...>', "the sweep's directory, or its shards' directories")
    .action(async (dirs: string[]) => {
      const { sweepStatusCommand } = await import('./sweep.ts');
      state.code = sweepStatusCommand(dirs, io);
    });
}

/** Registers `partnersim merge DIR... --out DIR`. */
export function registerMerge(program: Command, io: Io, _state: State): void {
  program
    .command('merge')
    .description("join a sweep's shard directories into one result directory, checking every run is there exactly once")
    .argument('<dirs...>', 'the shard directories (such as results/<name>.parts/shard-*)')
    .requiredOption('--out <dir>', "directory to write the merged sweep into (such as results/<name>), in the parts' format")
    .option('--force', 'if --out holds other results (another sweep, or this one in another format), move them aside to <dir>.replaced-N')
    .action(async (dirs: string[], options: { out: string; force?: boolean }) => {
      const { mergeCommand } = await import('./merge.ts');
      await mergeCommand(dirs, options, io);
    });
}

/** Registers `partnersim analyse SWEEP_RESULTS`. */
export function registerAnalyse(program: Command, io: Io, state: State): void {
  program
    .command('analyse')
    .alias('analyze')
    .description(
      "which levers matter and where an outcome holds, from a finished sweep: Sobol' indices, Morris effects or PRIM boxes, with charts and report.html",
    )
    .argument('<sweep-results>', 'the directory a sweep (or merge) wrote, such as results/levers-sobol')
    .option(
      '--method <method>',
      `${ANALYSIS_METHODS.join(', ')} (default: sobol for a sobol design, morris for a morris design, prim for any other)`,
    )
    .option('--metric <name>', "the outcome to analyse (default: survival5y); Sobol' and Morris also tabulate every other recorded metric")
    .option('--where <condition>', 'prim: the outcome to look for, in quotes, such as "survival5y >= 0.6"')
    .option('--boxes <n>', 'prim: the most boxes to find, one after another', String(DEFAULT_PRIM_BOXES))
    .option('--resamples <n>', 'sobol, morris: bootstrap resamples for the 95% intervals (default: 1000)')
    .option('--seed <n>', "sobol, morris: seed of the bootstrap (default: the sweep's seed)")
    .option('--out <dir>', 'directory for the analysis (default: <sweep-results>-<method>-<metric>)')
    .option('--force', 'if --out (or the default directory) holds other results, move them aside to <dir>.replaced-N instead of refusing')
    .option('--quiet', 'print only the directory')
    .action(async (dir: string, options: AnalyseOptions, command: Command) => {
      const { analyseCommand } = await import('./analyse.ts');
      state.code = await analyseCommand(dir, options, command.parent?.args ?? command.args, io);
    });
}

/** Registers `partnersim calibrate CALIBRATION`; the action sets `state.code`. */
export function registerCalibrate(program: Command, io: Io, state: State, deps: Deps): void {
  program
    .command('calibrate')
    .description(
      'fit parameters to observed figures by ABC-SMC on worker threads into results/<name>/ (or --out); running it again resumes',
    )
    .argument('<calibration>', 'calibration file (YAML or JSON): see calibrations/schema.json')
    .option('--workers <n>', 'worker threads (default: one per core; at most the cores, unless --oversubscribe)')
    .option('--oversubscribe', 'allow --workers beyond the cores (it says how much memory they need; they run no faster)')
    .option('--out <dir>', 'directory for the results (default: results/<name>); shards work in <dir>.parts/shard-<i>')
    .addOption(new Option('--format <format>', 'format of the result tables').choices(TABLE_FORMATS).default('csv'))
    .option(
      '--shard <i/N>',
      "run only shard i's share of the round in progress into <dir>.parts/shard-<i>; auto/N takes i from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX or AWS_BATCH_JOB_ARRAY_INDEX",
    )
    .option(
      '--merge',
      `merge the shards' runs into <dir>, write the results when complete, or exit ${PENDING_EXIT} when the shards must run again`,
    )
    .option('--quiet', 'print only the results directory')
    .action(async (file: string, options: CalibrateOptions) => {
      const { calibrateCommand } = await import('./calibrate.ts');
      state.code = await calibrateCommand(file, options, io, deps);
    });
}

/** Registers `partnersim emit slurm FILE`. */
export function registerEmit(program: Command, io: Io, _state: State): void {
  const emit = program.command('emit').description('write a script that runs a sweep or a calibration on a cluster');
  emit
    .command('slurm')
    .description(
      'write an sbatch job-array script: one task per shard, then a merge chained with --dependency=afterok (for a calibration, one array per round, each merge submitting the next)',
    )
    .argument('<file>', 'sweep or calibration file (YAML or JSON); a file with a targets: key is a calibration')
    .requiredOption('--shards <n>', 'number of shards (array tasks); each runs the runs whose index modulo n is its task id')
    .option('--throttle <n>', `most shards running at once (default: ${DEFAULT_THROTTLE}, or the number of shards if fewer)`)
    .option('--cpus <n>', 'CPUs per task; each shard runs that many worker threads (default: 1)')
    .option('--time <limit>', 'time limit per task, as sbatch --time takes it (such as 02:00:00)')
    .option('--partition <name>', 'the SLURM partition to run in')
    .addOption(new Option('--format <format>', 'format of the result tables').choices(TABLE_FORMATS).default('csv'))
    .option('--out <dir>', 'directory for the merged results (default: results/<name>); shards and logs go in <dir>.parts/')
    .option('--script <file>', 'where to write the script (default: <out>.parts/<name>.sbatch)')
    .option(
      '--node <path>',
      'the node the jobs run: a path on the compute nodes (default: node, as the job finds it on its PATH, after any module load)',
    )
    .action(async (file: string, options: EmitSlurmOptions) => {
      const { emitSlurmCommand } = await import('./emit.ts');
      emitSlurmCommand(file, options, io);
    });
}

/** Registers `partnersim data targets ESTABLISHMENTS [LINKS]` on the program; it throws for bad input (exit 2). */
export function registerData(program: Command, io: Io, _state: State): void {
  const data = program.command('data').description('work with data: calibration targets from a register extract');
  data
    .command('targets')
    .description(
      "summarise a register extract into calibration targets of multi-academy trusts (share of schools in trusts, trusts by size, schools joining by year; overall and per local authority), in a calibration file's target format, each citing the extract and its date",
    )
    .argument('<establishments>', 'the GIAS establishments extract (edubasealldataYYYYMMDD.csv)')
    .argument('[links]', 'the GIAS group links extract (alllinksdataYYYYMMDD.csv): the joining dates')
    .option('--local-authority <name>', 'a local authority by name or code (repeatable; default: every one in the extract)', collect, [])
    .option(
      '--start <year>',
      'the calendar year whose 1 January is step 1 of the run, for joining windows (default: the first joining year)',
    )
    .option('--steps-per-year <n>', 'steps a year of the scenario the targets are for', '12')
    .option('--date <yyyy-mm-dd>', "the extract's date, when its file name does not say")
    .option('--out <file>', 'write the targets to this file instead of printing them')
    .action(async (establishments: string, links: string | undefined, options: DataTargetsOptions) => {
      const { dataTargetsCommand } = await import('./data.ts');
      dataTargetsCommand(establishments, links, options, io);
    });
}
