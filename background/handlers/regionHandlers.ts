import type { RegionList } from '../../src/messages';
import { appError, err, ok } from '../../src/result';
import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../../src/settings';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type RegionHandlers = Pick<Handlers, 'listRegions' | 'selectRegion'>;

/** Regions from the service's gateway list; only a subscription may pick one other than "Optimal". */
export function regionHandlers(deps: HandlerDeps): RegionHandlers {
  const list = async (): Promise<RegionList> => {
    const [settings, gateways, tier] = await Promise.all([deps.settings.get(), deps.gateways(), deps.tier()]);
    const canChoose = tier === 'unlimited';
    const byRegion = new Map<string, { city: string; load: number }>();
    for (const g of gateways) {
      const seen = byRegion.get(g.region);
      if (!seen || g.load < seen.load) byRegion.set(g.region, { city: g.city, load: g.load });
    }
    const regions = [...byRegion].map(([region, { city, load }]) => ({
      region,
      city,
      load,
      locked: !canChoose,
    }));
    regions.sort((a, b) => a.region.localeCompare(b.region));
    return { selected: settings.region, canChoose, regions, selfHosted: settings.selfHostedGateway !== null };
  };

  return {
    listRegions: async () => ok(await list()),
    selectRegion: async ({ region }) => {
      const current = await list();
      const allowed =
        region === OPTIMAL_REGION ||
        (region === SELF_HOSTED_REGION && current.selfHosted) ||
        (current.canChoose && current.regions.some((r) => r.region === region));
      if (!allowed)
        return err(appError('regionLocked', current.canChoose ? 'errorRegionUnknown' : 'errorRegionLocked'));
      await deps.settings.update({ region });
      await deps.vpn.applyRouting();
      await deps.vpn.checkConnection();
      return ok(await list());
    },
  };
}
