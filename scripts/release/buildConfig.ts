import { z } from 'zod';
import { firefoxAddonId } from './options.ts';

/** Passed from `npm run package` to vite.config.ts (one JSON variable), absent in development builds. */
export const RELEASE_BUILD_VARIABLE = 'RAMPART_RELEASE_BUILD';

export const releaseBuildSchema = z.object({
  outDir: z.string().min(1),
  firefoxOutDir: z.string().min(1),
  version: z
    .string()
    .regex(/^\d+(\.\d+){0,3}$/, 'a browser extension version is 1 to 4 dot-separated numbers'),
  portalOrigin: z.url({ protocol: /^https?$/ }),
  keepDevKey: z.boolean(),
  extensionId: z
    .string()
    .regex(/^[a-p]{32}$/)
    .nullable(),
  firefoxId: firefoxAddonId.nullable(),
});
export type ReleaseBuild = z.infer<typeof releaseBuildSchema>;

export function releaseBuildFromEnv(env: NodeJS.ProcessEnv): ReleaseBuild | null {
  const text = env[RELEASE_BUILD_VARIABLE];
  return text ? releaseBuildSchema.parse(JSON.parse(text)) : null;
}
