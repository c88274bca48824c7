// Installs Debian's Firefox ESR when it is missing: the Firefox end-to-end tests (test/e2e/firefox) run in it.
import { ensureDebianPackage } from './ensureDebianPackage.mjs';

ensureDebianPackage({
  path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  pkg: 'firefox-esr',
  name: 'Firefox ESR',
});
