// `partnersim merge DIR... --out DIR`: joins the parts of a sweep made apart (shards on a cluster) into the
// directory one machine would have written, byte for byte, refusing foreign parts, duplicates and gaps.
import type { Command } from 'commander';
import { mergeWritten } from './messages.ts';
import { completeFiles, readPart, sweepIdentity } from '../results/sweep-dir.ts';
import { writeResultDir } from '../results/write.ts';
import { mergeParts } from '../sweep/parts.ts';
import type { Io } from './main.ts';
import { gitCommit } from './provenance.ts';

/** Registers `partnersim merge DIR... --out DIR`. */
export function registerMerge(program: Command, io: Io, _state: { code: number }): void {
  program
    .command('merge')
    .description("join a sweep's shard directories into one result directory, checking every run is there exactly once")
    .argument('<dirs...>', 'the shard directories (such as results/<name>.parts/shard-*)')
    .requiredOption('--out <dir>', "directory to write the merged sweep into (such as results/<name>), in the parts' format")
    .option('--force', 'if --out holds other results (another sweep, or this one in another format), move them aside to <dir>.replaced-N')
    .action((dirs: string[], options: { out: string; force?: boolean }) => {
      const parts = dirs.map(readPart);
      const { manifest, records } = mergeParts(parts, { commit: gitCommit(), node: process.version });
      writeResultDir(options.out, completeFiles(manifest, records), {
        identity: sweepIdentity(manifest),
        force: options.force === true,
        onNote: (note) => io.err(`${note}\n`),
      });
      io.out(mergeWritten(parts.length, records.length, options.out) + '\n');
    });
}
