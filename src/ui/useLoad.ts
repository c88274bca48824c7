import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AppError, Result } from '../result';

/** What a page knows about data it reads: still reading, read, or the read failed (and why). */
export type Loaded<T, E = AppError> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; error: E };

/**
 * Data a page shows, read on mount and again whenever `deps` change (in an extension page, put
 * `useChanges()` there so the background's push re-reads it). The reply → state/error step every page
 * needs, written once:
 * - `state` is the last outcome (the portal draws "loading / page / error" from it);
 * - `value` is the last value read, kept beside a later failure so a page never blanks what it showed;
 * - `error` is the last failure, cleared by the next success;
 * - `apply` takes a reply that carries a newer value (an action's answer) as if it had been read.
 * Only the newest read or applied reply counts: an older read that answers late never overwrites it.
 * `first` is a reply already read before the page was drawn (the popup's status, see `mountPage`): it is
 * shown in the first render, and the read on mount is skipped, unless `readOnMount` says `first` is not fresh
 * (a published status): then it is shown until the read on mount answers. Later changes of `deps` read again.
 */
export function useLoad<T, E = AppError>(
  load: () => Promise<Result<T, E>>,
  deps: readonly unknown[] = [],
  first?: Result<T, E>,
  { readOnMount = false }: { readOnMount?: boolean } = {},
) {
  const [state, setState] = useState<Loaded<T, E>>(() =>
    first === undefined
      ? { status: 'loading' }
      : first.ok
        ? { status: 'ready', value: first.value }
        : { status: 'failed', error: first.error },
  );
  const [value, setValue] = useState<T | null>(() => (first?.ok ? first.value : null));
  const latest = useRef(0);
  const mountReadDone = useRef(first !== undefined && !readOnMount);

  const show = useCallback((reply: Result<T, E>) => {
    if (reply.ok) {
      setState({ status: 'ready', value: reply.value });
      setValue(() => reply.value);
    } else setState({ status: 'failed', error: reply.error });
  }, []);

  /** Takes a newer reply (an action's answer); returns whether it carried a value. */
  const apply = useCallback(
    (reply: Result<T, E>) => {
      latest.current += 1;
      show(reply);
      return reply.ok;
    },
    [show],
  );

  // The caller's `load` is read at each reload; `deps` say when to read again.
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    const request = ++latest.current;
    const reply = await loadRef.current();
    if (request === latest.current) show(reply);
    return reply;
  }, [show]);

  useEffect(() => {
    if (mountReadDone.current) mountReadDone.current = false;
    else void reload();
  }, [reload, ...deps]);

  const error = state.status === 'failed' ? state.error : null;
  return { state, value, error, reload, apply };
}
