// `partnersim emit slurm FILE --shards N`: writes the sbatch job-array script that runs a sweep's shards on a SLURM
// cluster and merges them (or a calibration's rounds, each array's merge submitting the next), with the log directory.
import { chmodSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PartnersimError } from '../errors.ts';
import { moreShardsThanRuns, notPositiveInteger, slurmScriptWritten } from './messages.ts';
import { expandSweep } from '../sweep/expand.ts';
import { loadSweep } from '../sweep/load.ts';
import { slurmScript } from '../sweep/slurm.ts';
import { defaultResultDir, makeDirectories, resultName, writeOutputFile } from '../results/write.ts';
import { isCalibrationText } from '../calibration/kind.ts';
import { loadCalibration } from '../calibration/load.ts';
import { calibrationSlurmScript } from '../calibration/slurm.ts';
import { DEFAULT_THROTTLE, PENDING_EXIT } from './commands.ts';
import type { TableFormat } from '../sweep/table.ts';
import { VERSION } from '../version.ts';
import type { Io } from './main.ts';
import { nodeHost } from './node-host.ts';

const BIN = fileURLToPath(new URL('../../bin/partnersim.js', import.meta.url));

export interface EmitSlurmOptions {
  readonly shards: string;
  readonly throttle?: string;
  readonly cpus?: string;
  readonly time?: string;
  readonly partition?: string;
  readonly format: TableFormat;
  readonly out?: string;
  readonly script?: string;
  readonly node?: string;
}

/** `partnersim emit slurm FILE`: writes the sbatch script of a sweep, or of a calibration's rounds, and says where. */
export function emitSlurmCommand(file: string, options: EmitSlurmOptions, io: Io): void {
  const shards = count('--shards', options.shards);
  const throttle = options.throttle === undefined ? Math.min(shards, DEFAULT_THROTTLE) : count('--throttle', options.throttle);
  // What a sweep's script and a calibration's share: the job's settings, and where the results, the parts, their logs
  // and the script go, which the name decides unless the options say.
  const job = (name: string) => {
    const out = options.out ?? defaultResultDir(name);
    const partsDir = `${out}.parts`;
    return {
      name,
      version: VERSION,
      shards,
      throttle,
      cpusPerTask: count('--cpus', options.cpus ?? '1'),
      time: options.time,
      partition: options.partition,
      format: options.format,
      command: [options.node ?? 'node', BIN],
      workdir: process.cwd(),
      out,
      partsDir,
      logsDir: resolve(partsDir, 'logs'),
      scriptPath: options.script ?? join(partsDir, `${resultName(name)}.sbatch`),
    };
  };
  const text = nodeHost.readFile(file);
  let written: ReturnType<typeof job>;
  let script: string;
  if (typeof text === 'string' && isCalibrationText(text, file)) {
    const calibration = loadCalibration(file, nodeHost);
    written = job(calibration.calibration.name);
    script = calibrationSlurmScript({ ...written, hash: calibration.hash, calibrationFile: file, pendingExit: PENDING_EXIT });
  } else {
    const loaded = loadSweep(file, nodeHost);
    written = job(loaded.sweep.name);
    const runs = expandSweep(loaded).runs.length;
    // A shard beyond the runs would run nothing (and an array that large is beyond most clusters' MaxArraySize).
    if (shards > runs) throw new PartnersimError('bad-option', moreShardsThanRuns(shards, runs, file));
    script = slurmScript({ ...written, hash: loaded.hash, runs, sweepFile: file });
  }
  writeScript(written.partsDir, written.scriptPath, script);
  io.out(slurmScriptWritten(written.scriptPath, shards) + '\n');
}

// SLURM does not make the directory of --output: a task whose log cannot be opened fails at once.
function writeScript(partsDir: string, scriptPath: string, text: string): void {
  makeDirectories(join(partsDir, 'logs'));
  makeDirectories(dirname(resolve(scriptPath)));
  writeOutputFile(scriptPath, text);
  chmodSync(scriptPath, 0o755);
}

function count(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 1_000_000)
    throw new PartnersimError('bad-option', notPositiveInteger(option, text));
  return Number(text);
}
