import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { toFailure, type ApiFailure } from './api';
import type { Loaded } from './useLoad';

/**
 * Data that changes while the page is open (a device running commands): read on mount, again every
 * `everyMs` while the tab is visible and whenever it regains focus. A refresh replaces the value in place,
 * so nothing flickers and form state survives; a failed refresh keeps the last value and says so in
 * `refreshError` instead of blanking the page.
 */
export function useLiveLoad<T>(load: () => Promise<T>, everyMs: number) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [refreshError, setRefreshError] = useState<ApiFailure | null>(null);
  // Only the newest request may set the state, so a slow poll never overwrites what an action just read.
  const latest = useRef(0);
  const inFlight = useRef(0);
  const mounted = useRef(true);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    inFlight.current += 1;
    try {
      const value = await load();
      if (!mounted.current || request !== latest.current) return;
      setState({ status: 'ready', value });
      setRefreshError(null);
    } catch (error) {
      if (!mounted.current || request !== latest.current) return;
      const failure = toFailure(error);
      setState((previous) => (previous.status === 'ready' ? previous : { status: 'failed', error: failure }));
      setRefreshError(failure);
    } finally {
      inFlight.current -= 1;
    }
    // `load` is fixed for the page's lifetime (the page is keyed by its path); reading it once is intended.
  }, []);

  /** Shows a change the page already knows about (a command it just sent) before the next read confirms it. */
  const update = useCallback((change: (value: T) => T) => {
    latest.current += 1;
    setState((previous) =>
      previous.status === 'ready' ? { status: 'ready', value: change(previous.value) } : previous,
    );
  }, []);

  useEffect(() => {
    mounted.current = true;
    void reload();
    // A poll that would queue behind a slow one is skipped; an explicit reload always reads.
    const poll = () => {
      if (document.visibilityState === 'visible' && inFlight.current === 0) void reload();
    };
    const timer = window.setInterval(poll, everyMs);
    window.addEventListener('focus', poll);
    document.addEventListener('visibilitychange', poll);
    return () => {
      mounted.current = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', poll);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [reload, everyMs]);

  return { state, refreshError, reload, update };
}
