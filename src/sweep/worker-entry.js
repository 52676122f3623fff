// The entry of a sweep worker thread when partnersim runs from source (tsx, the tests), in plain JavaScript: Node 20
// does not carry tsx's loader into worker threads, so each registers it for itself before loading the TypeScript
// worker. Compiled, the executor starts dist/sweep/worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
