// `npm run package`: the store packages for one account service. See docs/deploy.md ("The extension").
import { z } from 'zod';
import { releaseEnvSchema } from './release/options.ts';
import { packageRelease } from './release/packageRelease.ts';

const parsed = releaseEnvSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Cannot package a release:\n${z.prettifyError(parsed.error)}`);
  process.exit(2);
}
const packages = await packageRelease(parsed.data);
console.log(`Chrome:  ${packages.chrome}`);
console.log(`Firefox: ${packages.firefox}`);
console.log(
  packages.staticRuleset
    ? 'The Chrome package carries the threat list as a static ruleset.'
    : 'No extension id (RAMPART_EXTENSION_ID) or kept key: the threat list is installed at first start.',
);
console.log(
  parsed.data.firefoxId === null
    ? `No Firefox add-on id (RAMPART_FIREFOX_ID): the package carries the placeholder ${packages.firefoxId}; set your own before uploading it to addons.mozilla.org.`
    : `Firefox add-on id: ${packages.firefoxId}`,
);
for (const warning of packages.firefoxLint.warnings)
  console.log(
    `web-ext lint warning ${warning.code}${warning.file ? ` (${warning.file})` : ''}: ${warning.message}`,
  );
