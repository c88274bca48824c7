import { stored } from '../../src/storage';
import type { Platform } from '../platform';
import { readStored, writeStored } from '../storage/storedValues';

/** How long a gateway whose check failed is passed over before routing tries it again. */
export const UNREACHABLE_PAUSE_MS = 5 * 60_000;
/** Fires when the first pause ends, so routing considers that gateway again. */
export const GATEWAY_RETRY_ALARM = 'gateway-retry';

/**
 * Which of the service's gateways failed their check: "Optimal" and a region's choice skip them (see
 * `chooseGateway`) until they recover. A mark lasts until a check through the gateway succeeds, or until its
 * pause ends and the retry alarm clears it, re-applying routing at the same moment: routing, the status and
 * proxy authentication all read the same marks, so they agree on the gateway in use.
 */
export function createGatewayHealth(
  platform: Pick<Platform, 'local' | 'session' | 'wakeAt'>,
  now: () => number,
) {
  const marks = async (): Promise<Record<string, number>> =>
    (await readStored(platform, stored.unreachableGateways)) ?? {};
  const keep = async (next: Record<string, number>) => {
    await writeStored(platform, stored.unreachableGateways, next);
    const soonest = Math.min(...Object.values(next));
    if (Number.isFinite(soonest)) await platform.wakeAt(GATEWAY_RETRY_ALARM, soonest);
  };
  return {
    unreachable: async (): Promise<Set<string>> => new Set(Object.keys(await marks())),
    failed: async (id: string) => keep({ ...(await marks()), [id]: now() + UNREACHABLE_PAUSE_MS }),
    recovered: async (id: string) => {
      const { [id]: mark, ...others } = await marks();
      if (mark !== undefined) await keep(others);
    },
    /** Clears the marks whose pause has ended; true when one was cleared (routing may change). */
    retryDue: async (): Promise<boolean> => {
      const current = await marks();
      const kept = Object.fromEntries(Object.entries(current).filter(([, until]) => until > now()));
      if (Object.keys(kept).length === Object.keys(current).length) return false;
      await keep(kept);
      return true;
    },
  };
}
export type GatewayHealth = ReturnType<typeof createGatewayHealth>;
