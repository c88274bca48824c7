// zod/mini: the relay is a content script on every portal page, so it stays a few kilobytes.
import * as z from 'zod/mini';

/**
 * Firefox delivers no `externally_connectable` messages from web pages, so a content script on the portal's
 * origin relays them: the page posts a request on its own window, the relay passes the message to the
 * background (which checks the sender's origin and the `state` as for Chrome) and posts the reply back.
 * The relay marks the page's root element with its extension's id, so the portal knows it is there.
 */
export const PORTAL_RELAY_CHANNEL = 'rampart-portal-relay';
export const PORTAL_RELAY_ATTRIBUTE = 'data-rampart-extension-id';

export const relayRequestSchema = z.object({
  channel: z.literal(PORTAL_RELAY_CHANNEL),
  kind: z.literal('request'),
  requestId: z.string().check(z.minLength(1), z.maxLength(64)),
  message: z.unknown(),
});
export type RelayRequest = z.infer<typeof relayRequestSchema>;

export const relayReplySchema = z.object({
  channel: z.literal(PORTAL_RELAY_CHANNEL),
  kind: z.literal('reply'),
  requestId: z.string().check(z.minLength(1), z.maxLength(64)),
  reply: z.unknown(),
});
export type RelayReply = z.infer<typeof relayReplySchema>;
