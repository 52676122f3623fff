// The entry of a sweep worker thread, in plain JavaScript: Node 20 does not carry tsx's loader into worker
// threads, so each registers it for itself before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
