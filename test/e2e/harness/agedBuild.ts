import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agedBundledSnapshot } from '../../fakes/agedSnapshot';
import { DIST } from './browser';

/**
 * A copy of the built extension whose bundled threat list was made `days` before `now`: the age is chosen
 * by the test, never taken from the day the real data was built.
 */
export async function buildWithBundledAge(days: number, now = Date.now()): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rampart-aged-dist-'));
  await cp(DIST, dir, { recursive: true });
  const aged = await agedBundledSnapshot(now, days);
  await writeFile(join(dir, 'data/threats/snapshot.json'), aged.text);
  await writeFile(join(dir, 'data/threats/snapshot.sha256'), `${aged.sha256}\n`);
  return dir;
}
