import { z } from 'zod';

/**
 * Messages the portal (and only the portal's origin) may send to the extension through
 * `externally_connectable`. The hand-off carries the random `state` the extension opened the portal with,
 * so a page cannot link this device to an account on its own.
 */
export const externalMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('linkCode'),
    code: z.string().min(16).max(256),
    state: z.string().min(16).max(128),
  }),
  z.object({ type: z.literal('accountAvailable'), email: z.string().max(254) }),
  z.object({ type: z.literal('ping') }),
]);
export type ExternalMessage = z.infer<typeof externalMessageSchema>;

/** The extension's fixed id (from the manifest key): the portal sends it `accountAvailable` and link codes. */
export const EXTENSION_ID = 'imlnioefeipjpnggalflpnddlibpgbhl';

const CHROME_ID = /^[a-p]{32}$/;
// Firefox add-on ids (browser_specific_settings.gecko.id): a GUID in braces, or an email-like name.
const GECKO_GUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;
const GECKO_NAME = /^[a-z0-9][a-z0-9._-]{0,63}@[a-z0-9][a-z0-9-]{0,62}(\.[a-z0-9][a-z0-9-]{0,62})*$/i;

/** Whether `id` has the shape of an extension id the portal can hand a code to (Chrome or Firefox). */
export const isExtensionId = (id: string): boolean =>
  CHROME_ID.test(id) || GECKO_GUID.test(id) || GECKO_NAME.test(id);
