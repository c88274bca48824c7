import { readFile } from 'node:fs/promises';
import { snapshotSha256, type ThreatSnapshot } from '../../src/threats';

const DAY = 86_400_000;

/**
 * The bundled threat snapshot re-dated to `days` before `now`, with its matching hash: a build of that age,
 * so no test depends on how long ago the real bundled data was made.
 */
export async function agedBundledSnapshot(now: number, days: number) {
  const snapshot = JSON.parse(
    await readFile('extension/data/threats/snapshot.json', 'utf8'),
  ) as ThreatSnapshot;
  const aged = { ...snapshot, createdAt: new Date(now - days * DAY).toISOString() };
  return { snapshot: aged, text: JSON.stringify(aged), sha256: await snapshotSha256(aged) };
}
