import type { Database } from './database';
import { openPglite } from './pglite';
import { openPgliteThread } from './pgliteThread';
import { openPostgres } from './postgres';

export type DatabaseConfig = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string };

export function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgres') return openPostgres(config.url);
  // A data folder gets its own thread; `:memory:` (tests) stays on the caller's thread.
  return config.dataDir === ':memory:' ? openPglite(config.dataDir) : openPgliteThread(config.dataDir);
}
