// Test support for the threat list: the bundled snapshot the service seeds from, and the CLI with captured output.
import { readFile } from 'node:fs/promises';
import { runCli } from '../../../server/cli/commands';
import type { Config } from '../../../server/config';
import type { Database } from '../../../server/db';
import type { ThreatSnapshot } from '../../../src/threats';

export const BUNDLED_DIR = 'extension/data/threats';

export async function bundled(): Promise<{ snapshot: ThreatSnapshot; sha256: string }> {
  const [json, sha256] = await Promise.all([
    readFile(`${BUNDLED_DIR}/snapshot.json`, 'utf8'),
    readFile(`${BUNDLED_DIR}/snapshot.sha256`, 'utf8'),
  ]);
  return { snapshot: JSON.parse(json) as ThreatSnapshot, sha256: sha256.trim() };
}

/** Runs `npm run rampart -- <argv>` against `db`; returns the exit code and what it printed. */
export async function cli(argv: string[], config: Config, db: Database) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, config, { out: (l) => out.push(l), err: (l) => err.push(l) }, db);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
