// Who is signed in, loaded once from GET /api/v1/account and updated by sign-in and sign-out.
import type { ComponentChildren, JSX } from 'preact';
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountView } from '../src/api';
import { api, onSessionLost, toFailure } from './api';
import { announceAccount } from './extension';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; account: AccountView }
  | { status: 'failed'; message: string };

interface SessionValue {
  state: SessionState;
  signedIn(account: AccountView): void;
  signedOut(): void;
  /** Reads the account again (after turning two-step verification on or off). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }): JSX.Element {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      const account = await api.currentAccount();
      setState(account === null ? { status: 'signedOut' } : { status: 'signedIn', account });
    } catch (error) {
      setState({ status: 'failed', message: toFailure(error).message });
    }
  }, []);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => onSessionLost(() => setState({ status: 'signedOut' })), []);

  const email = state.status === 'signedIn' ? state.account.email : null;
  // Once per signed-in address per page load: the extension offers to connect to this account.
  useEffect(() => {
    if (email !== null) announceAccount(email);
  }, [email]);

  const value = useMemo<SessionValue>(
    () => ({
      state,
      signedIn: (account) => setState({ status: 'signedIn', account }),
      signedOut: () => setState({ status: 'signedOut' }),
      refresh,
    }),
    [state, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}
