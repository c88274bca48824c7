import { z } from 'zod';

/** Chrome extension ids are 32 letters a–p (the hex digits of a key hash, shifted). */
const extensionId = z.string().regex(/^[a-p]{32}$/, 'a Chrome extension id is 32 letters a–p');

/**
 * A Firefox add-on id as addons.mozilla.org takes it: an e-mail-like name or a GUID in braces. It must be one
 * the operator owns on AMO: the placeholder of the source manifest would collide with anyone else's build.
 */
export const firefoxAddonId = z
  .string()
  .regex(
    /^([A-Za-z0-9._-]*@[A-Za-z0-9._-]+|\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\})$/,
    'a Firefox add-on id is like name@example.com or a {GUID}',
  )
  .max(80);

const httpUrl = z.url({ protocol: /^https?$/ });

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The account service as the extension joins it: an origin, since the API client appends `/api/v1/…` to it
 * and the portal pages are absolute paths on it. Plain http only on loopback (tokens travel in it).
 */
const serviceOrigin = httpUrl.transform((text, context) => {
  const url = new URL(text);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '') {
    context.addIssue({ code: 'custom', message: `the service URL is an origin, e.g. ${url.origin}` });
    return z.NEVER;
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    context.addIssue({ code: 'custom', message: 'the service URL is https (plain http only on loopback)' });
    return z.NEVER;
  }
  return url.origin;
});

/** What `npm run package` reads from its environment; see docs/deploy.md. */
export const releaseEnvSchema = z
  .object({
    RAMPART_SERVICE_URL: serviceOrigin,
    RAMPART_PORTAL_ORIGIN: httpUrl.optional(),
    RAMPART_KEEP_DEV_KEY: z.enum(['true', 'false']).default('false'),
    RAMPART_EXTENSION_ID: extensionId.optional(),
    RAMPART_FIREFOX_ID: firefoxAddonId.optional(),
    RAMPART_RELEASE_DIR: z.string().min(1).default('release'),
    VITE_RAMPART_TEST_HOOKS: z
      .enum(['', 'false'], {
        message: 'a release never carries the test hooks: unset VITE_RAMPART_TEST_HOOKS',
      })
      .optional(),
  })
  .transform((env, context) => {
    const serviceOrigin = env.RAMPART_SERVICE_URL;
    const portalUrl = new URL(env.RAMPART_PORTAL_ORIGIN ?? serviceOrigin);
    // The background opens the portal at the service's address and accepts portal messages from that origin
    // only (background/account/portalLink.ts): another origin would be listed but refused.
    if (portalUrl.origin !== serviceOrigin) {
      context.addIssue({
        code: 'custom',
        path: ['RAMPART_PORTAL_ORIGIN'],
        message: `the portal is served by the account service, so its origin is ${serviceOrigin}`,
      });
      return z.NEVER;
    }
    return {
      serviceUrl: env.RAMPART_SERVICE_URL,
      portalOrigin: portalUrl.origin,
      keepDevKey: env.RAMPART_KEEP_DEV_KEY === 'true',
      extensionId: env.RAMPART_EXTENSION_ID ?? null,
      firefoxId: env.RAMPART_FIREFOX_ID ?? null,
      releaseDir: env.RAMPART_RELEASE_DIR,
    };
  });

export type ReleaseOptions = z.output<typeof releaseEnvSchema>;
