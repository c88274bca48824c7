// The worker side of `openPgliteThread`: owns the PGlite instance and answers the main thread's requests.
import { parentPort, workerData } from 'node:worker_threads';
import type { Queryable } from './database';
import { openPglite } from './pglite';
import type { WorkerReply, WorkerRequest } from './pgliteProtocol';

const port = parentPort!;
const { dataDir } = workerData as { dataDir: string };
// The same in-process driver as tests use; this thread only carries its calls.
const db = await openPglite(dataDir);

/** Open transactions by id; each waits for the main thread's commit or rollback. */
const transactions = new Map<number, { tx: Queryable; finish(commit: boolean): void; done: Promise<void> }>();
const ROLLBACK = 'rollback requested';

const errorOf = (error: unknown): NonNullable<WorkerReply['error']> => {
  const e = error as Record<string, unknown>;
  return {
    message: error instanceof Error ? error.message : String(error),
    ...(typeof e['code'] === 'string' ? { code: e['code'] } : {}),
    ...(typeof e['constraint'] === 'string' ? { constraint: e['constraint'] } : {}),
    ...(typeof e['detail'] === 'string' ? { detail: e['detail'] } : {}),
  };
};

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.op) {
    case 'query': {
      const target = request.tx === undefined ? db : transactions.get(request.tx)?.tx;
      if (!target) throw new Error('the transaction has already ended');
      return target.query(request.sql, request.params);
    }
    case 'exec':
      await db.exec(request.sql);
      return null;
    case 'begin':
      return new Promise<null>((started, failed) => {
        const done = db
          .transaction(
            (tx) =>
              new Promise<void>((resolve, reject) => {
                const finish = (commit: boolean) => (commit ? resolve() : reject(new Error(ROLLBACK)));
                transactions.set(request.tx, { tx, finish, done });
                started(null);
              }),
          )
          .then(() => undefined);
        done.catch((error: unknown) => failed(error));
      });
    case 'end': {
      const open = transactions.get(request.tx);
      if (!open) throw new Error('the transaction has already ended');
      transactions.delete(request.tx);
      open.finish(request.commit);
      // Answer once PGlite has committed (or rolled back), so the caller sees the outcome.
      await open.done.catch((error: unknown) => {
        if (!(error instanceof Error && error.message === ROLLBACK)) throw error;
      });
      return null;
    }
    case 'close':
      await db.close();
      return null;
  }
}

port.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, value } satisfies WorkerReply),
    (error: unknown) => port.postMessage({ id: request.id, error: errorOf(error) } satisfies WorkerReply),
  );
});
port.postMessage({ id: 0, value: 'ready' } satisfies WorkerReply);
