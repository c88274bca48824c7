import { routes } from '../../src/api/routes';
import { appError, err, ok, type Result } from '../../src/result';
import { verifyDelta, verifySnapshot } from '../../src/threats';
import type { Platform } from '../platform';
import type { ThreatList } from './threatList';

export type UpdateOutcome =
  { updated: false; version: number } | { updated: true; version: number; via: 'delta' | 'snapshot' };

/**
 * Brings the threat list up to the service's latest version: a delta when the service has one from our
 * version, else the whole snapshot. Nothing is applied unless it validates and hashes right; on any failure
 * the list in force stays as it is.
 */
export function createThreatUpdater(platform: Platform, list: ThreatList) {
  const run = async (serviceUrl: string): Promise<Result<UpdateOutcome>> => {
    const fetchOk = async (path: string) => {
      const response = await platform.fetchJson(`${serviceUrl}${path}`);
      return response.status === 200 ? response.body : null;
    };
    const current = (await list.get()).list;
    const latest = routes.threatsLatest.response.safeParse(await fetchOk(routes.threatsLatest.path));
    if (!latest.success) return err(appError('threatServiceInvalid', 'errorThreatServiceInvalid'));
    if (latest.data.version <= current.snapshot.version)
      return ok({ updated: false, version: current.snapshot.version });

    const delta = await fetchOk(`${routes.threatsDelta.path}?since=${current.snapshot.version}`);
    if (delta !== null) {
      const applied = await verifyDelta(current.snapshot, delta);
      if (!applied.ok) return applied;
      await list.replace(applied.value, latest.data.sha256);
      return ok({ updated: true, version: applied.value.version, via: 'delta' });
    }
    const body = routes.threatsSnapshot.response.safeParse(await fetchOk(routes.threatsSnapshot.path));
    if (!body.success) return err(appError('threatServiceInvalid', 'errorThreatServiceInvalid'));
    const verified = await verifySnapshot(body.data.snapshot, body.data.sha256);
    if (!verified.ok) return verified;
    await list.replace(verified.value, body.data.sha256);
    return ok({ updated: true, version: verified.value.version, via: 'snapshot' });
  };

  /** One update from the service at `serviceUrl`; never rejects (the caller, `updateCheck`, is single-flight). */
  return (serviceUrl: string): Promise<Result<UpdateOutcome>> =>
    run(serviceUrl).catch(() => err(appError('threatServiceUnreachable', 'errorThreatServiceUnreachable')));
}
