// Firefox only (added by scripts/firefoxBuild.ts): runs on the portal's origin and relays the portal's
// messages to the background, which Firefox does not deliver through `externally_connectable`. The relay
// checks nothing the background does not check again: the background reads the page's origin from the
// browser (the sender), never from the message.
import browser from 'webextension-polyfill';
import {
  PORTAL_RELAY_ATTRIBUTE,
  PORTAL_RELAY_CHANNEL,
  relayRequestSchema,
  type RelayReply,
} from '../src/messages/portalRelay';

const ATTEMPTS = 5;
const RETRY_MS = 300;

/** The background may be waking up ("Receiving end does not exist"): ask again a few times. */
async function forward(message: unknown): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await browser.runtime.sendMessage(message);
    } catch (error) {
      if (attempt >= ATTEMPTS)
        return { ok: false, error: { code: 'extensionUnavailable', message: String(error) } };
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS * attempt));
    }
  }
}

document.documentElement.setAttribute(PORTAL_RELAY_ATTRIBUTE, browser.runtime.id);

window.addEventListener('message', (event: MessageEvent) => {
  // Only the page itself, on its own origin; frames and other windows are ignored.
  if (event.source !== window || event.origin !== location.origin) return;
  const request = relayRequestSchema.safeParse(event.data);
  if (!request.success) return;
  void forward(request.data.message).then((reply) => {
    const answer: RelayReply = {
      channel: PORTAL_RELAY_CHANNEL,
      kind: 'reply',
      requestId: request.data.requestId,
      reply,
    };
    window.postMessage(answer, location.origin);
  });
});
