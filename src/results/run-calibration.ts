// Running a calibration into its directory: open (or resume) the directory, replay what its journal holds, run the
// rest on workers while journalling each record; or one shard's share of the round in progress into
// <dir>.parts/shard-<i>; or merge the shards' journals into the directory's and see whether the calibration is done.
// Writing the finished directory's files (tables, posterior, report) is the caller's, in one atomic step.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { recordKey, type AbcResult, type Proposal, type ProposalRecord } from '../calibration/abc.ts';
import type { LoadedCalibration } from '../calibration/load.ts';
import { calibrateScenario, type ScenarioCalibrationOptions } from '../calibration/run-scenario.ts';
import { MANIFEST_FILE } from './manifest.ts';
import type { Shard } from '../sweep/manifest.ts';
import type { TableFormat } from '../sweep/table.ts';
import {
  checkSameCalibration,
  latestProposals,
  openCalibrationDir,
  readCalibrationJournal,
  readCalibrationManifest,
  startCalibrationManifest,
  type CalibrationManifest,
} from './calibration-dir.ts';
import { JournalWriter } from './sweep-dir.ts';

/** Where and how to run a calibration. */
export interface CalibrationRunOptions extends Pick<ScenarioCalibrationOptions, 'onGeneration' | 'onRound' | 'runner' | 'signal'> {
  /** The calibration's directory; a shard works in <dir>.parts/shard-<i>. */
  readonly dir: string;
  /** The calibration file as given on the command line, for the manifest. */
  readonly file: string;
  readonly format: TableFormat;
  readonly shard: Shard;
  readonly workers: number;
  /** The machine's side of the manifest: the git commit and Node version. */
  readonly provenance: { readonly commit: string | null; readonly node: string };
  /** Hears each record as its run finishes. */
  onRecord?(record: ProposalRecord): void;
}

/** How a calibration run ended: complete (the caller writes its files), interrupted, a shard's share done, or (merging
 * shards) a round still needing runs. */
export type CalibrationRunOutcome =
  | {
      readonly status: 'complete';
      readonly result: AbcResult;
      readonly manifest: CalibrationManifest;
      readonly records: readonly ProposalRecord[];
      /** Records that this attempt ran, and those kept from before. */
      readonly ran: number;
      readonly kept: number;
    }
  | { readonly status: 'interrupted'; readonly ran: number; readonly kept: number }
  | { readonly status: 'shard-done'; readonly ran: number; readonly round: readonly Proposal[] }
  | { readonly status: 'pending'; readonly missing: readonly Proposal[] };

/** Returns the directory of a calibration's shard: <dir>.parts/shard-<i>. */
export function calibrationShardDir(dir: string, shard: NonNullable<Shard>): string {
  return join(`${dir.replace(/\/+$/, '')}.parts`, `shard-${shard.index}`);
}

/** Runs a calibration (or its shard's share of the round in progress), resuming what its directory holds. Throws a
 * PartnersimError when the directory holds another calibration. */
export async function runCalibration(loaded: LoadedCalibration, options: CalibrationRunOptions): Promise<CalibrationRunOutcome> {
  const { dir, shard } = options;
  const manifest = startCalibrationManifest(loaded, {
    file: options.file,
    format: options.format,
    shard: null,
    provenance: options.provenance,
  });
  // A shard reads the records merged into the calibration's directory, and journals its own runs apart.
  const merged = shard === null ? openCalibrationDir(dir, manifest) : mergedRecords(dir, manifest);
  const ownDir = shard === null ? dir : calibrationShardDir(dir, shard);
  const own = shard === null ? [] : openCalibrationDir(ownDir, { ...manifest, shard });
  const records = latestProposals([...merged, ...own]);
  const known = new Map(records.map((record) => [recordKey(record), record]));
  const made: ProposalRecord[] = [];
  const journal = new JournalWriter<ProposalRecord>(ownDir);
  let outcome: Awaited<ReturnType<typeof calibrateScenario>>;
  try {
    outcome = await calibrateScenario(loaded, {
      workers: options.workers,
      known,
      shard,
      signal: options.signal,
      runner: options.runner,
      onRound: options.onRound,
      onGeneration: options.onGeneration,
      onRecord: (record) => {
        journal.append(record);
        made.push(record);
        options.onRecord?.(record);
      },
    });
  } finally {
    journal.close();
  }
  switch (outcome.status) {
    case 'complete':
      return {
        status: 'complete',
        result: outcome.result,
        manifest,
        records: [...records, ...made],
        ran: made.length,
        kept: records.length,
      };
    case 'interrupted':
      return { status: 'interrupted', ran: made.length, kept: records.length };
    default:
      return outcome;
  }
}

/** Merges the journals of a calibration's shards (<dir>.parts/shard-*) into its directory's, then replays them:
 * resolves with the complete calibration (the caller writes its files), or with the round that still needs runs. */
export async function mergeCalibrationShards(
  loaded: LoadedCalibration,
  options: Pick<CalibrationRunOptions, 'dir' | 'file' | 'format' | 'provenance'>,
): Promise<CalibrationRunOutcome> {
  const { dir } = options;
  const manifest = startCalibrationManifest(loaded, {
    file: options.file,
    format: options.format,
    shard: null,
    provenance: options.provenance,
  });
  const records = openCalibrationDir(dir, manifest);
  const have = new Set(records.map(recordKey));
  const partsDir = `${dir.replace(/\/+$/, '')}.parts`;
  const parts = existsSync(partsDir)
    ? readdirSync(partsDir)
        .filter((name) => /^shard-\d+$/.test(name) && existsSync(join(partsDir, name, MANIFEST_FILE)))
        .sort()
    : [];
  const journal = new JournalWriter<ProposalRecord>(dir);
  const added: ProposalRecord[] = [];
  try {
    for (const part of parts) {
      const partDir = join(partsDir, part);
      const found = readCalibrationManifest(partDir);
      checkSameCalibration(partDir, found, { ...manifest, shard: found.shard });
      for (const record of readCalibrationJournal(partDir)) {
        if (have.has(recordKey(record))) continue;
        have.add(recordKey(record));
        journal.append(record);
        added.push(record);
      }
    }
  } finally {
    journal.close();
  }
  const all = [...records, ...added];
  const outcome = await calibrateScenario(loaded, { workers: 0, known: new Map(all.map((record) => [recordKey(record), record])) });
  if (outcome.status === 'complete')
    return { status: 'complete', result: outcome.result, manifest, records: all, ran: 0, kept: all.length };
  // With no workers nothing runs: the replay stops at the round that needs runs.
  return outcome.status === 'pending' ? outcome : { status: 'pending', missing: [] };
}

// The records a calibration's directory holds for its shards to build on: none before the first merge.
function mergedRecords(dir: string, manifest: CalibrationManifest): ProposalRecord[] {
  if (!existsSync(join(dir, MANIFEST_FILE))) return [];
  checkSameCalibration(dir, readCalibrationManifest(dir), manifest);
  return readCalibrationJournal(dir);
}
