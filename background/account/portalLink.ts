import { externalMessageSchema } from '../../src/messages';
import { portalPages, type PortalPageName } from '../../src/portalPages';
import { appError, err, ok, type Result } from '../../src/result';
import { stored } from '../../src/storage';
import type { Platform, SenderInfo } from '../platform';
import { readStored, removeStored, writeStored } from '../storage/storedValues';
import type { AccountService } from './accountService';

const STATE_TTL_MS = 15 * 60 * 1000;

/** The portal pages the extension opens, by the names its `openPortal` message uses. */
const pageNames = {
  link: 'link',
  signUp: 'signUp',
  reset: 'resetPassword',
  traffic: 'traffic',
  home: 'home',
} as const satisfies Record<string, PortalPageName>;
export type PortalPage = keyof typeof pageNames;

const randomState = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
};

/**
 * Signing in through the portal: the extension opens the portal with a random state; the signed-in portal
 * sends a one-time link code back through `externally_connectable` with that state, and only then does the
 * device redeem the code. Messages from any origin but the portal's are ignored.
 */
export function createPortalLink(
  platform: Platform,
  account: AccountService,
  serviceUrl: () => Promise<string>,
) {
  return {
    open: async (page: PortalPage) => {
      const base = await serviceUrl();
      const url = new URL(portalPages[pageNames[page]], base);
      if (page === 'link') {
        const state = randomState();
        await writeStored(platform, stored.portalState, {
          state,
          expiresAt: platform.now().getTime() + STATE_TTL_MS,
        });
        url.searchParams.set('state', state);
        url.searchParams.set('extensionId', platform.extensionId);
      }
      await platform.openTab(url.toString());
    },

    /** Handles one message from a web page; the reply goes back to the portal. */
    handleExternal: async (message: unknown, sender: SenderInfo): Promise<Result<null>> => {
      const portalOrigin = new URL(await serviceUrl()).origin;
      const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : undefined);
      if (origin !== portalOrigin) return err(appError('forbidden', 'errorForbidden'));
      const parsed = externalMessageSchema.safeParse(message);
      if (!parsed.success) return err(appError('badRequest', 'errorBadRequest'));
      const request = parsed.data;
      if (request.type === 'ping') return ok(null);
      if (request.type === 'accountAvailable') {
        if (!(await account.status()).linked) await writeStored(platform, stored.accountFound, request.email);
        return ok(null);
      }
      const expected = await readStored(platform, stored.portalState);
      if (!expected || expected.state !== request.state || expected.expiresAt < platform.now().getTime()) {
        return err(appError('badState', 'errorPortalState'));
      }
      await removeStored(platform, stored.portalState);
      const linked = await account.linkWithCode(request.code);
      if (linked.ok) await removeStored(platform, stored.accountFound);
      return linked;
    },
  };
}
export type PortalLink = ReturnType<typeof createPortalLink>;
