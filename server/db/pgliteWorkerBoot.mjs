// Entry of the PGlite worker thread: a worker does not inherit the tsx loader the service runs under, so it
// registers it, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./pgliteWorker.ts');
