// `partnersim merge DIR... --out DIR`: joins the parts of a sweep made apart (shards on a cluster) into the
// directory one machine would have written, byte for byte, refusing foreign parts, duplicates and gaps.
import { mergeWritten } from './messages.ts';
import { completeFiles, readPart, sweepIdentity } from '../results/sweep-dir.ts';
import { writeResultDir } from '../results/write.ts';
import { mergeParts } from '../sweep/parts.ts';
import type { Io } from './main.ts';
import { gitCommit } from './provenance.ts';

/** `partnersim merge DIR... --out DIR`: merges the shards' directories into one and says so. */
export async function mergeCommand(dirs: readonly string[], options: { out: string; force?: boolean }, io: Io): Promise<void> {
  const parts = dirs.map(readPart);
  const { manifest, records } = mergeParts(parts, { commit: await gitCommit(), node: process.version });
  writeResultDir(options.out, completeFiles(manifest, records), {
    identity: sweepIdentity(manifest),
    force: options.force === true,
    onNote: (note) => io.err(`${note}\n`),
  });
  io.out(mergeWritten(parts.length, records.length, options.out) + '\n');
}
