import { useCallback } from 'preact/hooks';
import { useLoad as useSharedLoad, type Loaded as SharedLoaded } from '../src/ui/useLoad';
import { err, ok } from '../src/result';
import { toFailure, type ApiFailure } from './api';

export type Loaded<T> = SharedLoaded<T, ApiFailure>;

/** Data a page shows, read on mount; `reload` after a change so the page shows what the service now holds. */
export function useLoad<T>(load: () => Promise<T>) {
  const shared = useSharedLoad<T, ApiFailure>(() =>
    load().then(ok, (error: unknown) => err(toFailure(error))),
  );
  const reload = useCallback(async () => void (await shared.reload()), [shared.reload]);
  return { state: shared.state, reload };
}
