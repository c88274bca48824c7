// Talking to the Rampart extension from the portal. Chrome: `externally_connectable` (the page only has
// `chrome.runtime.sendMessage` when an installed extension lets this origin message it). Firefox delivers
// no such messages: the extension's content script on this origin relays them (src/messages/portalRelay.ts)
// and marks the page with its extension id.
import { EXTENSION_ID, type ExternalMessage } from '../src/messages/external';
import {
  PORTAL_RELAY_ATTRIBUTE,
  PORTAL_RELAY_CHANNEL,
  relayReplySchema,
  type RelayRequest,
} from '../src/messages/portalRelay';

export class ExtensionUnreachable extends Error {}

/** How long a relayed message may take: the background may have to wake up first. */
const RELAY_TIMEOUT_MS = 15_000;

const runtime = () => (typeof chrome === 'undefined' ? undefined : chrome.runtime);

/** The id of the extension whose relay runs in this page (Firefox), or null. */
const relayedExtension = (): string | null => document.documentElement.getAttribute(PORTAL_RELAY_ATTRIBUTE);

export const canReachExtension = (): boolean =>
  relayedExtension() !== null || typeof runtime()?.sendMessage === 'function';

function sendThroughRelay(message: ExternalMessage): Promise<unknown> {
  const requestId = crypto.randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onReply);
      reject(new ExtensionUnreachable('The extension did not answer'));
    }, RELAY_TIMEOUT_MS);
    function onReply(event: MessageEvent) {
      if (event.source !== window || event.origin !== location.origin) return;
      const reply = relayReplySchema.safeParse(event.data);
      if (!reply.success || reply.data.requestId !== requestId) return;
      clearTimeout(timer);
      window.removeEventListener('message', onReply);
      resolve(reply.data.reply);
    }
    window.addEventListener('message', onReply);
    const request: RelayRequest = { channel: PORTAL_RELAY_CHANNEL, kind: 'request', requestId, message };
    window.postMessage(request, location.origin);
  });
}

function sendThroughRuntime(extensionId: string, message: ExternalMessage): Promise<unknown> {
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

/**
 * Sends one message to the extension `extensionId` and resolves with its reply; rejects when no extension
 * answers. Through a relay only when the relay belongs to that very extension.
 */
export function sendToExtension(extensionId: string, message: ExternalMessage): Promise<unknown> {
  const relayed = relayedExtension();
  if (relayed !== null) {
    return relayed === extensionId
      ? sendThroughRelay(message)
      : Promise.reject(new ExtensionUnreachable(`The extension in this page is ${relayed}`));
  }
  return sendThroughRuntime(extensionId, message);
}

/** Lets this browser's extension offer "An account was found — Connect"; silence when there is none. */
export function announceAccount(email: string): void {
  if (!canReachExtension()) return;
  sendToExtension(relayedExtension() ?? EXTENSION_ID, { type: 'accountAvailable', email }).catch(
    () => undefined,
  );
}

/** The extension answers `{ ok: true, value } | { ok: false, error }` (src/result). */
export const extensionAccepted = (reply: unknown): boolean =>
  typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true;
