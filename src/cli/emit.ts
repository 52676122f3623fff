// `partnersim emit slurm FILE --shards N`: writes the sbatch job-array script that runs a sweep's shards on a SLURM
// cluster and merges them (or a calibration's rounds, each array's merge submitting the next), with the log directory.
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { PartnersimError } from '../errors.ts';
import { notPositiveInteger, slurmScriptWritten } from './messages.ts';
import { expandSweep } from '../sweep/expand.ts';
import { loadSweep } from '../sweep/load.ts';
import { slurmScript } from '../sweep/slurm.ts';
import { defaultResultDir, resultName, writeFileAtomic } from '../results/write.ts';
import { isCalibrationText, loadCalibration } from '../calibration/load.ts';
import { calibrationSlurmScript } from '../calibration/slurm.ts';
import { PENDING_EXIT } from './calibrate.ts';
import { TABLE_FORMATS, type TableFormat } from '../sweep/table.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';

const BIN = fileURLToPath(new URL('../../bin/partnersim.js', import.meta.url));
const DEFAULT_THROTTLE = 16;

interface EmitSlurmOptions {
  readonly shards: string;
  readonly throttle?: string;
  readonly cpus: string;
  readonly time?: string;
  readonly partition?: string;
  readonly format: TableFormat;
  readonly out?: string;
  readonly script?: string;
}

/** Registers `partnersim emit slurm SWEEP`. */
export function registerEmit(program: Command, io: Io, _state: { code: number }): void {
  const emit = program.command('emit').description('write a script that runs a sweep or a calibration on a cluster');
  emit
    .command('slurm')
    .description(
      'write an sbatch job-array script: one task per shard, then a merge chained with --dependency=afterok (for a calibration, one array per round, each merge submitting the next)',
    )
    .argument('<file>', 'sweep or calibration file (YAML or JSON); a file with a targets: key is a calibration')
    .requiredOption('--shards <n>', 'number of shards (array tasks); each runs the runs whose index modulo n is its task id')
    .option('--throttle <n>', `most shards running at once (default: ${DEFAULT_THROTTLE}, or the number of shards if fewer)`)
    .option('--cpus <n>', 'CPUs per task; each shard runs that many worker threads', '1')
    .option('--time <limit>', 'time limit per task, as sbatch --time takes it (such as 02:00:00)')
    .option('--partition <name>', 'the SLURM partition to run in')
    .addOption(new Option('--format <format>', 'format of the result tables').choices(TABLE_FORMATS).default('csv'))
    .option('--out <dir>', 'directory for the merged results (default: results/<name>); shards and logs go in <dir>.parts/')
    .option('--script <file>', 'where to write the script (default: <out>.parts/<name>.sbatch)')
    .action((file: string, options: EmitSlurmOptions) => {
      const shards = count('--shards', options.shards);
      const throttle = options.throttle === undefined ? Math.min(shards, DEFAULT_THROTTLE) : count('--throttle', options.throttle);
      const text = nodeHost.readFile(file);
      if (text !== undefined && isCalibrationText(text, file)) {
        const calibration = loadCalibration(file, nodeHost);
        const { name } = calibration.calibration;
        const out = options.out ?? defaultResultDir(name);
        const partsDir = `${out}.parts`;
        const scriptPath = options.script ?? join(partsDir, `${resultName(name)}.sbatch`);
        const script = calibrationSlurmScript({
          name,
          hash: calibration.hash,
          version: VERSION,
          shards,
          throttle,
          cpusPerTask: count('--cpus', options.cpus),
          time: options.time,
          partition: options.partition,
          format: options.format,
          command: [process.execPath, BIN],
          workdir: process.cwd(),
          calibrationFile: file,
          out,
          logsDir: resolve(partsDir, 'logs'),
          scriptPath,
          pendingExit: PENDING_EXIT,
        });
        writeScript(partsDir, scriptPath, script);
        io.out(slurmScriptWritten(scriptPath, shards) + '\n');
        return;
      }
      const loaded = loadSweep(file, nodeHost);
      const { name } = loaded.sweep;
      const out = options.out ?? defaultResultDir(name);
      const partsDir = `${out}.parts`;
      const scriptPath = options.script ?? join(partsDir, `${resultName(name)}.sbatch`);
      const script = slurmScript({
        name,
        hash: loaded.hash,
        version: VERSION,
        runs: expandSweep(loaded).runs.length,
        shards,
        throttle,
        cpusPerTask: count('--cpus', options.cpus),
        time: options.time,
        partition: options.partition,
        format: options.format,
        command: [process.execPath, BIN],
        workdir: process.cwd(),
        sweepFile: file,
        out,
        partsDir,
        logsDir: resolve(partsDir, 'logs'),
        scriptPath,
      });
      writeScript(partsDir, scriptPath, script);
      io.out(slurmScriptWritten(scriptPath, shards) + '\n');
    });
}

// SLURM does not make the directory of --output: a task whose log cannot be opened fails at once.
function writeScript(partsDir: string, scriptPath: string, text: string): void {
  mkdirSync(join(partsDir, 'logs'), { recursive: true });
  mkdirSync(dirname(resolve(scriptPath)), { recursive: true });
  writeFileAtomic(scriptPath, text);
  chmodSync(scriptPath, 0o755);
}

function count(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000)
    throw new PartnersimError('bad-option', notPositiveInteger(option, text));
  return Number(text);
}
