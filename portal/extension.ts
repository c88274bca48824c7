// Talking to the Rampart extension from the portal through `externally_connectable`. The page only has
// `chrome.runtime.sendMessage` when an installed extension lets this origin message it.
import { EXTENSION_ID, type ExternalMessage } from '../src/messages/external';

export class ExtensionUnreachable extends Error {}

const runtime = () => (typeof chrome === 'undefined' ? undefined : chrome.runtime);

export const canReachExtension = (): boolean => typeof runtime()?.sendMessage === 'function';

/** Sends one message and resolves with the extension's reply; rejects when no extension answers. */
export function sendToExtension(extensionId: string, message: ExternalMessage): Promise<unknown> {
  const target = runtime();
  if (typeof target?.sendMessage !== 'function') return Promise.reject(new ExtensionUnreachable());
  return new Promise((resolve, reject) => {
    try {
      // The callback form, so a missing extension is read from lastError instead of logged as unchecked.
      target.sendMessage(extensionId, message, (reply: unknown) => {
        if (target.lastError) reject(new ExtensionUnreachable(target.lastError.message));
        else resolve(reply);
      });
    } catch (error) {
      reject(new ExtensionUnreachable(String(error)));
    }
  });
}

/** Lets this browser's extension offer "An account was found — Connect"; silence when there is none. */
export function announceAccount(email: string): void {
  if (!canReachExtension()) return;
  sendToExtension(EXTENSION_ID, { type: 'accountAvailable', email }).catch(() => undefined);
}

/** The extension answers `{ ok: true, value } | { ok: false, error }` (src/result). */
export const extensionAccepted = (reply: unknown): boolean =>
  typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;
