// Types for worker-threads-pool (the package ships none): a pool that starts at most `max` Worker threads.
declare module 'worker-threads-pool' {
  import type { Worker, WorkerOptions } from 'node:worker_threads';

  /** A pool of worker threads; acquire starts a new Worker when there is room, and queues the request otherwise. */
  export default class Pool {
    constructor(options?: { max?: number; maxWaiting?: number });
    /** Workers alive in the pool. */
    readonly size: number;
    /** Starts a Worker on `filename` (queued while the pool is full) and hands it to the callback. */
    acquire(filename: string | URL, options: WorkerOptions, callback: (error: Error | null, worker: Worker) => void): void;
    /** Terminates every worker in the pool. */
    destroy(callback?: () => void): void;
  }
}
