import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { SettingsPatch } from '../settings';
import { withPatch } from '../settings/withPatch';
import { usePage } from './pageContext';
import { useChanges } from './useChanges';
import { useLoad } from './useLoad';

interface PendingPatch {
  id: number;
  patch: SettingsPatch;
}

/**
 * Loads settings from the background and writes changes back; the last error is kept for display.
 * A change is shown from the moment it is asked for: a switch the user turned stays turned while the background
 * saves it, even if the page is drawn again meanwhile (a storage change re-reads the settings, and Preact puts
 * each control back to the value it is given). When the answer comes, the page shows the saved settings; when
 * the save fails, the control goes back to the stored value, beside the error.
 */
export function useSettings() {
  const { send } = usePage();
  // Asked again when settings change elsewhere (the popup, a portal command), so the page never goes stale.
  const revision = useChanges();
  const { value: stored, error, apply } = useLoad(() => send({ type: 'getSettings' }), [send, revision]);
  const [pending, setPending] = useState<readonly PendingPatch[]>([]);
  const lastId = useRef(0);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      const id = ++lastId.current;
      setPending((list) => [...list, { id, patch }]);
      try {
        return apply(await send({ type: 'updateSettings', patch }));
      } finally {
        setPending((list) => list.filter((p) => p.id !== id));
      }
    },
    [send, apply],
  );
  const replaceWith = useCallback(
    (value: NonNullable<typeof stored>) => void apply({ ok: true, value }),
    [apply],
  );

  const settings = useMemo(
    () => stored && pending.reduce((shown, { patch }) => withPatch(shown, patch), stored),
    [stored, pending],
  );
  return { settings, error, update, replaceWith };
}
