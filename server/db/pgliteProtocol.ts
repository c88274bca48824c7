/** Messages between the account service and the PGlite worker thread (see `pgliteThread.ts`). */
export type WorkerRequest = { id: number } & (
  | { op: 'query'; sql: string; params: unknown[]; tx?: number }
  | { op: 'exec'; sql: string }
  | { op: 'begin'; tx: number }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' }
);

export interface WorkerReply {
  id: number;
  value?: unknown;
  error?: { message: string; code?: string; constraint?: string; detail?: string };
}
