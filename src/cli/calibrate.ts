// `partnersim calibrate CALIBRATION` fits a scenario's parameters to observed figures by ABC (rejection or ABC-SMC) on
// worker threads into results/<name>/, resuming from its journal when run again. On a cluster, `--shard i/N` runs one
// shard's share of the round in progress and `--merge` gathers the shards' runs, writing the results once complete.
import { posteriorGeneration, type AbcResult } from '../calibration/abc.ts';
import { loadCalibration, type LoadedCalibration } from '../calibration/load.ts';
import {
  calibrationFinished,
  calibrationInterrupted,
  calibrationNothingToRun,
  calibrationPending,
  calibrationShardDone,
  calibrationStoppedShort,
  generationLine,
  roundBarFormat,
  stopReasonText,
} from '../calibration/messages.ts';
import { summarisePosterior, targetReach } from '../calibration/posterior.ts';
import { Z_975 } from '../engine/survival.ts';
import { statisticLabel } from '../report/calibration-words.ts';
import { calibrationReportFiles, completeCalibrationFiles } from '../results/calibration-dir.ts';
import { calibrationShardDir, mergeCalibrationShards, runCalibration, type CalibrationRunOutcome } from '../results/run-calibration.ts';
import { defaultResultDir, writeFilesInPlace } from '../results/write.ts';
import { shardText } from '../sweep/manifest.ts';
import type { TableFormat } from '../sweep/table.ts';
import { PENDING_EXIT } from './commands.ts';
import type { Deps, Io } from './main.ts';
import { nodeHost } from './node-host.ts';
import { gitCommit } from './provenance.ts';
import { errorLine } from './messages.ts';
import { countOrganisations } from '../scenario/schema.ts';
import { createSweepProgress, type SweepProgress } from './progress.ts';
import { chooseWorkers, parseShard } from './sweep.ts';
import { withInterrupt } from './interrupt.ts';

export interface CalibrateOptions {
  readonly workers?: string;
  readonly out?: string;
  readonly format: TableFormat;
  readonly shard?: string;
  readonly merge?: boolean;
  readonly quiet?: boolean;
  readonly oversubscribe?: boolean;
}

/** `partnersim calibrate CALIBRATION`: runs (or merges) the calibration, resuming; returns the exit status. */
export async function calibrateCommand(file: string, options: CalibrateOptions, io: Io, deps: Deps): Promise<number> {
  const shard = options.shard === undefined ? null : parseShard(options.shard, deps.env);
  const loaded = loadCalibration(file, nodeHost);
  const workers = chooseWorkers(file, options, countOrganisations(loaded.scenario), io);
  const dir = options.out ?? defaultResultDir(loaded.calibration.name);
  const quiet = options.quiet === true;
  const provenance = { commit: await gitCommit(), node: process.version };
  const round = roundProgress(io, deps.terminal && !quiet);
  const say = (text: string) => {
    if (!quiet) io.err(`${text}\n`);
  };

  if (options.merge === true) {
    const outcome = await mergeCalibrationShards(loaded, { dir, file, format: options.format, provenance });
    return finish(loaded, outcome, dir, io, quiet);
  }
  let outcome: CalibrationRunOutcome;
  try {
    outcome = await withInterrupt((signal) =>
      runCalibration(loaded, {
        dir,
        file,
        format: options.format,
        shard,
        workers,
        provenance,
        signal,
        runner: deps.calibrationRunner,
        onGeneration: (generation) => {
          round.stop();
          say(generationLine(generation));
        },
        onRound: (proposals, known) => round.start(proposals.length, known),
        onRecord: () => round.done(),
      }),
    );
  } finally {
    round.stop();
  }
  if (shard !== null) {
    const partDir = calibrationShardDir(dir, shard);
    if (outcome.status === 'shard-done') {
      io.out(
        quiet ? `${partDir}\n` : `${calibrationShardDone(shardText(shard), outcome.ran, outcome.round[0]?.generation ?? 0, partDir)}\n`,
      );
      return 0;
    }
    if (outcome.status === 'complete') {
      io.out(quiet ? `${partDir}\n` : `${calibrationNothingToRun(dir)}\n`);
      return 0;
    }
  }
  return finish(loaded, outcome, dir, io, quiet);
}

// Writes a complete calibration's files and says what it found; or says why it has not finished.
async function finish(loaded: LoadedCalibration, outcome: CalibrationRunOutcome, dir: string, io: Io, quiet: boolean): Promise<number> {
  if (outcome.status === 'interrupted') {
    io.err(errorLine(calibrationInterrupted(outcome.ran, outcome.kept, dir)) + '\n');
    return 130;
  }
  if (outcome.status === 'pending' || outcome.status === 'shard-done') {
    const missing = outcome.status === 'pending' ? outcome.missing : outcome.round;
    io.err(errorLine(calibrationPending(missing.length, missing[0]?.generation ?? 0, dir)) + '\n');
    return PENDING_EXIT;
  }
  const { result, manifest, records } = outcome;
  writeFilesInPlace(dir, {
    ...completeCalibrationFiles(manifest, result, records, loaded.scenarioInput),
    ...(await calibrationReportFiles(manifest, result)),
  });
  const { calibration } = loaded;
  const stop = stopReasonText(result.stop.reason, calibration.settings);
  const posterior = posteriorGeneration(result.generations);
  if (result.stop.incomplete) io.err(errorLine(stoppedShort(loaded, result, stop, dir)) + '\n');
  if (posterior === undefined) return 1;
  const summary = summarisePosterior(calibration.parameters, posterior);
  io.out(
    quiet
      ? `${dir}\n`
      : calibrationFinished(calibration.name, result.generations.length, result.runs, result.check.length, stop, summary.parameters, dir) +
          '\n',
  );
  return 0;
}

function stoppedShort(loaded: LoadedCalibration, result: AbcResult, stop: string, dir: string): string {
  const { calibration } = loaded;
  const last = result.generations[result.generations.length - 1];
  const threshold = last.tolerance ?? Z_975;
  const reach = targetReach(last.records, calibration.targets.length, threshold);
  const targets = calibration.targets.map((target, k) => ({ label: statisticLabel(target), ...reach[k] }));
  const kept = posteriorGeneration(result.generations)?.generation ?? null;
  return calibrationStoppedShort(calibration.name, last, calibration.settings.particles, stop, targets, threshold, kept, dir);
}

// A bar over each round's runs on a terminal (as a sweep's), nothing elsewhere: the generation lines say the rest.
function roundProgress(io: Io, terminal: boolean): { start(total: number, known: number): void; done(): void; stop(): void } {
  let bar: SweepProgress | null = null;
  let [finished, total] = [0, 0];
  return {
    start(size, known) {
      bar?.stop();
      if (!terminal) return;
      [finished, total] = [known, size];
      bar = createSweepProgress(io, { terminal: true, quiet: false, columns: process.stderr.columns, format: roundBarFormat() });
      bar.update(finished, total);
    },
    done: () => bar?.update(++finished, total),
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
