import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AppError } from '../result';
import type { Settings, SettingsPatch } from '../settings';
import { usePage } from './pageContext';
import { useChanges } from './useChanges';

/** Loads settings from the background and writes changes back; the last error is kept for display. */
export function useSettings() {
  const { send } = usePage();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const apply = useCallback((reply: { ok: true; value: Settings } | { ok: false; error: AppError }) => {
    if (reply.ok) {
      setSettings(reply.value);
      setError(null);
    } else {
      setError(reply.error);
    }
    return reply.ok;
  }, []);

  // Asked again when settings change elsewhere (the popup, a portal command), so the page never goes stale.
  const revision = useChanges();
  useEffect(() => {
    void send({ type: 'getSettings' }).then(apply);
  }, [send, apply, revision]);

  const update = useCallback(
    async (patch: SettingsPatch) => apply(await send({ type: 'updateSettings', patch })),
    [send, apply],
  );

  return { settings, error, update, replaceWith: setSettings };
}
