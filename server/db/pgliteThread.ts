import { Worker } from 'node:worker_threads';
import type { Database, Queryable, QueryResult } from './database';
import type { WorkerReply, WorkerRequest } from './pgliteProtocol';

type Request = WorkerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * PGlite in a data folder, run on its own worker thread: its WebAssembly query work no longer holds up the
 * HTTP thread, so requests are parsed, signed and answered while the database works. Same `Database` as
 * `openPglite`; errors keep PostgreSQL's `code` so the repositories can tell a unique violation apart.
 */
export async function openPgliteThread(dataDir: string): Promise<Database> {
  // The boot file registers tsx (a worker does not inherit the loader), then loads `pgliteWorker.ts`.
  const worker = new Worker(new URL('./pgliteWorkerBoot.mjs', import.meta.url), { workerData: { dataDir } });
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let nextTx = 1;

  const ready = new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
    worker.once('error', reject);
  });
  worker.on('message', (reply: WorkerReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), reply.error));
    else waiting.resolve(reply.value);
  });
  // A worker that died (or was closed) fails what waits on it and everything asked of it afterwards.
  let gone: Error | null = null;
  const fail = (error: Error) => {
    gone ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the database thread ended (exit code ${code})`)));
  await ready;

  const send = <T>(request: Request): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (gone) return reject(gone);
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });

  const queryable = (tx?: number): Queryable => ({
    query: <Row>(sql: string, params: readonly unknown[] = []) =>
      send<QueryResult<Row>>({ op: 'query', sql, params: [...params], ...(tx === undefined ? {} : { tx }) }),
  });

  return {
    ...queryable(),
    async transaction(work) {
      const tx = nextTx++;
      await send({ op: 'begin', tx });
      let result;
      try {
        result = await work(queryable(tx));
      } catch (error) {
        await send({ op: 'end', tx, commit: false });
        throw error;
      }
      await send({ op: 'end', tx, commit: true });
      return result;
    },
    exec: (sql) => send<null>({ op: 'exec', sql }).then(() => undefined),
    async close() {
      if (gone) return;
      await send({ op: 'close' });
      gone = new Error('the database is closed');
      await worker.terminate();
    },
  };
}
