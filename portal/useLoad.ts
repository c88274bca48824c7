import { useCallback, useEffect, useState } from 'preact/hooks';
import { toFailure, type ApiFailure } from './api';

export type Loaded<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: ApiFailure };

/** Data a page shows, read on mount; `reload` after a change so the page shows what the service now holds. */
export function useLoad<T>(load: () => Promise<T>) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', value: await load() });
    } catch (error) {
      setState({ status: 'failed', error: toFailure(error) });
    }
    // `load` is a module-level API call per page; reading it once is intended.
  }, []);
  useEffect(() => void reload(), [reload]);
  return { state, reload };
}
