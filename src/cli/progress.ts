// Progress on stderr, of replicates and of sweeps: a cli-progress bar on a terminal, plain lines otherwise.
import cliProgress from 'cli-progress';
import { replicateBarFormat, replicateDone, sweepBarFormat, sweepProgressLine } from './messages.ts';
import type { Io } from './main.ts';

// The stream a bar draws on: io.draw (the bar's terminal codes as they are), so that a caller's Io sees everything the
// command writes.
function barStream(io: Io, columns: number | undefined): NodeJS.WritableStream {
  return {
    isTTY: true,
    columns,
    write: (text: string) => {
      (io.draw ?? io.err)(text);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
}

/** Reports replicates as they finish; `stop` ends the report (and must be called, also on failure). */
export interface Progress {
  /** A replicate run with this seed has finished. */
  done(seed: number): void;
  stop(): void;
}

/** Returns a progress report of `total` replicates written to io.err, `start` of them finished already: a bar when
 * `terminal`, plain lines otherwise, nothing when `quiet`. */
export function createProgress(
  io: Io,
  total: number,
  options: { readonly terminal: boolean; readonly quiet: boolean; readonly columns?: number; readonly start?: number },
): Progress {
  if (options.quiet) return { done: () => {}, stop: () => {} };
  const start = options.start ?? 0;
  if (!options.terminal) {
    let finished = start;
    return {
      done: (seed) => io.err(replicateDone(++finished, total, seed) + '\n'),
      stop: () => {},
    };
  }
  const stream = barStream(io, options.columns);
  const bar = new cliProgress.SingleBar(
    { stream, format: replicateBarFormat(), clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, start);
  return {
    done: () => bar.increment(),
    stop: () => bar.stop(),
  };
}

/** Reports a sweep's progress; `stop` ends the report (and must be called, also on failure or interrupt). */
export interface SweepProgress {
  /** `finished` of the part's `total` runs are done (the first call gives those kept from an earlier attempt). */
  update(finished: number, total: number): void;
  stop(): void;
}

// Plain lines come at each tenth of the way, so a log of a long sweep stays short.
const PLAIN_LINES = 10;

/** Returns a sweep's progress report on io.err: a bar with runs done, rate and time left when `terminal`, a plain
 * line each tenth of the way otherwise, nothing when `quiet`. The rate counts only runs made by this attempt. */
export function createSweepProgress(
  io: Io,
  options: {
    readonly terminal: boolean;
    readonly quiet: boolean;
    readonly columns?: number;
    readonly now?: () => number;
    /** The bar's cli-progress format (default: a sweep's). */
    readonly format?: string;
  },
): SweepProgress {
  if (options.quiet) return { update: () => {}, stop: () => {} };
  const now = options.now ?? Date.now;
  let start: { time: number; finished: number } | undefined;
  const rate = (finished: number): number => {
    const seconds = (now() - (start?.time ?? now())) / 1000;
    return seconds > 0 ? (finished - (start?.finished ?? finished)) / seconds : 0;
  };
  if (!options.terminal) {
    let nextLine = 0;
    return {
      update: (finished, total) => {
        start ??= { time: now(), finished };
        // Runs kept from an earlier attempt are not news; a line comes with each tenth of the way after that.
        if (finished === start.finished || finished < Math.min(total, nextLine)) return;
        nextLine = Math.ceil(((Math.floor((finished * PLAIN_LINES) / total) + 1) * total) / PLAIN_LINES);
        const perSecond = rate(finished);
        io.err(sweepProgressLine(finished, total, perSecond, perSecond > 0 ? (total - finished) / perSecond : null) + '\n');
      },
      stop: () => {},
    };
  }
  const stream = barStream(io, options.columns);
  const bar = new cliProgress.SingleBar(
    { stream, format: options.format ?? sweepBarFormat(), clearOnComplete: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (finished, total) => {
      start ??= { time: now(), finished };
      if (!started) {
        bar.start(total, finished, { rate: '-' });
        started = true;
      } else bar.update(finished, { rate: rate(finished).toFixed(1) });
    },
    stop: () => bar.stop(),
  };
}
