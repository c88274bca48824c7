import { appError, err, ok } from '../../src/result';
import {
  exportSettings,
  importSettings,
  OPTIMAL_REGION,
  SELF_HOSTED_REGION,
  type Settings,
  type SettingsPatch,
  type SettingsWrite,
} from '../../src/settings';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type SettingsHandlers = Pick<
  Handlers,
  'getSettings' | 'updateSettings' | 'exportSettings' | 'importSettings' | 'useTestService'
>;

/** Saving the user's own gateway selects it; removing it while selected goes back to Optimal. */
function withGatewayRegion(patch: SettingsPatch, current: Settings): SettingsWrite {
  if (patch.selfHostedGateway === undefined) return patch;
  if (patch.selfHostedGateway) return { ...patch, region: SELF_HOSTED_REGION };
  return current.region === SELF_HOSTED_REGION ? { ...patch, region: OPTIMAL_REGION } : patch;
}

/**
 * A settings file brings preferences, not actions: the VPN stays as it is (only `setVpnEnabled` runs the
 * state machine), and a region the subscription may not allow is not taken from a file (only
 * `selectRegion` checks it); Optimal and the file's own gateway are always allowed.
 */
function fromFile(imported: Settings, current: Settings): Settings {
  const region =
    imported.region === OPTIMAL_REGION ||
    (imported.region === SELF_HOSTED_REGION && imported.selfHostedGateway)
      ? imported.region
      : current.region === SELF_HOSTED_REGION && !imported.selfHostedGateway
        ? OPTIMAL_REGION
        : current.region;
  return { ...imported, vpnEnabled: current.vpnEnabled, region };
}

/** Settings changes re-apply routing and protection: rules, categories, kill switch and allow-list shape them. */
export function settingsHandlers({
  platform,
  settings,
  settingsChanged,
  useTestService,
}: HandlerDeps): SettingsHandlers {
  return {
    useTestService: async ({ url }) =>
      (await useTestService(url)) ? ok(null) : err(appError('forbidden', 'errorForbidden')),
    getSettings: async () => ok(await settings.get()),
    updateSettings: async ({ patch }) => {
      const before = await settings.get();
      const next = await settings.update(withGatewayRegion(patch, before));
      await settingsChanged(before, next);
      return ok(next);
    },
    exportSettings: async () => {
      const now = platform.now();
      return ok({
        fileName: `rampart-settings-${now.toISOString().slice(0, 10)}.json`,
        text: exportSettings(await settings.get(), now),
      });
    },
    importSettings: async ({ text }) => {
      const imported = importSettings(text);
      if (!imported.ok) return imported;
      const before = await settings.get();
      const next = await settings.replace(fromFile(imported.value, before));
      await settingsChanged(before, next);
      return ok(next);
    },
  };
}
