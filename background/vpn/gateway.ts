import { OPTIMAL_REGION, SELF_HOSTED_REGION, type Settings } from '../../src/settings';

/** A gateway the service lists (see `src/api` `gatewayView`). */
export interface ServiceGateway {
  id: string;
  region: string;
  city: string;
  host: string;
  port: number;
  load: number;
}

/** The gateway routing uses now, with where its credentials come from. */
export interface ActiveGateway {
  id: string;
  scheme: 'HTTPS' | 'PROXY';
  host: string;
  port: number;
  region: string;
  city: string;
  source: 'selfHosted' | 'service';
}

/**
 * Picks the gateway for the chosen region: the self-hosted one, the least loaded gateway of the region, or
 * for "Optimal" the least loaded of all. Gateways whose check failed (`unreachable`, kept by gatewayHealth.ts)
 * are skipped while any other is left. Null when nothing fits (no list yet, or the region vanished).
 */
export function chooseGateway(
  settings: Pick<Settings, 'region' | 'selfHostedGateway'>,
  listed: readonly ServiceGateway[],
  unreachable: ReadonlySet<string> = new Set(),
): ActiveGateway | null {
  if (settings.region === SELF_HOSTED_REGION) {
    const own = settings.selfHostedGateway;
    return own
      ? {
          id: SELF_HOSTED_REGION,
          scheme: own.scheme,
          host: own.host,
          port: own.port,
          region: SELF_HOSTED_REGION,
          city: own.host,
          source: 'selfHosted',
        }
      : null;
  }
  const inRegion = listed.filter((g) => settings.region === OPTIMAL_REGION || g.region === settings.region);
  const reachable = inRegion.filter((g) => !unreachable.has(g.id));
  const pool = reachable.length > 0 ? reachable : inRegion;
  const best = [...pool].sort((a, b) => a.load - b.load || a.id.localeCompare(b.id))[0];
  return best
    ? {
        id: best.id,
        scheme: 'HTTPS',
        host: best.host,
        port: best.port,
        region: best.region,
        city: best.city,
        source: 'service',
      }
    : null;
}
