// The entry of the calibration benchmark's plain-loop worker thread: registers tsx's loader in this thread (Node 20
// does not carry it into workers), then loads the TypeScript loop.
import { register } from 'tsx/esm/api';

register();
await import('./calibration-loop-worker.ts');
