import { ok } from '../../src/result';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type AccountHandlers = Pick<
  Handlers,
  'getAccount' | 'signIn' | 'signOut' | 'continueAnonymously' | 'activateCode' | 'openPortal'
>;

export function accountHandlers({ account, portal }: HandlerDeps): AccountHandlers {
  const then = async <T>(
    result: { ok: true; value: T } | { ok: false; error: import('../../src/result').AppError },
  ) => (result.ok ? ok(await account.status()) : result);
  return {
    getAccount: async () => {
      void account.sync(); // the page gets what is known now; fresher figures follow on the next open
      return ok(await account.status());
    },
    signIn: async ({ email, password, code }) =>
      then(await account.signIn(code ? { email, password, code } : { email, password })),
    signOut: async () => then(await account.signOut()),
    continueAnonymously: async () => then(await account.continueAnonymously()),
    activateCode: async ({ code }) => then(await account.activate(code)),
    openPortal: async ({ page }) => {
      await portal.open(page);
      return ok(null);
    },
  };
}
