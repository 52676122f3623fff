// Progress of replicates on stderr: a cli-progress bar on a terminal, a plain line per replicate otherwise.
import cliProgress from 'cli-progress';
import { replicateBarFormat, replicateDone } from '../messages.ts';
import type { Io } from './main.ts';

/** Reports replicates as they finish; `stop` ends the report (and must be called, also on failure). */
export interface Progress {
  /** A replicate run with this seed has finished. */
  done(seed: number): void;
  stop(): void;
}

/** Returns a progress report of `total` replicates written to io.err: a bar when `terminal`, plain lines otherwise, nothing when `quiet`. */
export function createProgress(io: Io, total: number, options: { readonly terminal: boolean; readonly quiet: boolean; readonly columns?: number }): Progress {
  if (options.quiet) return { done: () => {}, stop: () => {} };
  if (!options.terminal) {
    let finished = 0;
    return {
      done: (seed) => io.err(replicateDone(++finished, total, seed) + '\n'),
      stop: () => {},
    };
  }
  // The bar draws through io.err, so that a caller's Io sees everything the command writes.
  const stream = { isTTY: true, columns: options.columns, write: (text: string) => (io.err(text), true) } as unknown as NodeJS.WritableStream;
  const bar = new cliProgress.SingleBar({ stream, format: replicateBarFormat(), clearOnComplete: true }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  return {
    done: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
