import type { Settings, SettingsWrite } from './schema';

/**
 * Settings with a patch's fields in place of their own; a field the patch leaves out, or gives as `undefined`,
 * is kept. The background stores this (then parses it), and the settings page shows it while the background
 * is still saving the patch.
 */
export function withPatch(settings: Settings, patch: SettingsWrite): Settings {
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...settings, ...given };
}
