// Installs Debian's Chromium when it is missing, so `npm test` works on a clean machine (CI included).
import { ensureDebianPackage } from './ensureDebianPackage.mjs';

ensureDebianPackage({
  path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  pkg: 'chromium',
  name: 'Chromium',
});
