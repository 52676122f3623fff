// Stopping long work cleanly: Ctrl-C (SIGINT) and a kill or a cluster's time limit (SIGTERM) abort a signal that the
// work checks between its pieces, so that it keeps what it finished and says how to go on.

/** Calls `work` with a signal that SIGINT (Ctrl-C) and SIGTERM (a kill, a cluster's time limit) abort, and stops
 * listening for them once it is done; a second Ctrl-C ends the process at once. */
export async function withInterrupt<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}
