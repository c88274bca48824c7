import { useCallback } from 'preact/hooks';
import type { SettingsPatch } from '../settings';
import { usePage } from './pageContext';
import { useChanges } from './useChanges';
import { useLoad } from './useLoad';

/** Loads settings from the background and writes changes back; the last error is kept for display. */
export function useSettings() {
  const { send } = usePage();
  // Asked again when settings change elsewhere (the popup, a portal command), so the page never goes stale.
  const revision = useChanges();
  const { value: settings, error, apply } = useLoad(() => send({ type: 'getSettings' }), [send, revision]);

  const update = useCallback(
    async (patch: SettingsPatch) => apply(await send({ type: 'updateSettings', patch })),
    [send, apply],
  );
  const replaceWith = useCallback(
    (value: NonNullable<typeof settings>) => void apply({ ok: true, value }),
    [apply],
  );

  return { settings, error, update, replaceWith };
}
