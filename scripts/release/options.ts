import { z } from 'zod';

/** Chrome extension ids are 32 letters a–p (the hex digits of a key hash, shifted). */
const extensionId = z.string().regex(/^[a-p]{32}$/, 'a Chrome extension id is 32 letters a–p');

const httpUrl = z.url({ protocol: /^https?$/ });

/** What `npm run package` reads from its environment; see docs/deploy.md. */
export const releaseEnvSchema = z
  .object({
    RAMPART_SERVICE_URL: httpUrl,
    RAMPART_PORTAL_ORIGIN: httpUrl.optional(),
    RAMPART_KEEP_DEV_KEY: z.enum(['true', 'false']).default('false'),
    RAMPART_EXTENSION_ID: extensionId.optional(),
    RAMPART_RELEASE_DIR: z.string().min(1).default('release'),
    VITE_RAMPART_TEST_HOOKS: z
      .enum(['', 'false'], { message: 'a release never carries the test hooks: unset VITE_RAMPART_TEST_HOOKS' })
      .optional(),
  })
  .transform((env, context) => {
    const serviceOrigin = new URL(env.RAMPART_SERVICE_URL).origin;
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
      releaseDir: env.RAMPART_RELEASE_DIR,
    };
  });

export type ReleaseOptions = z.output<typeof releaseEnvSchema>;
