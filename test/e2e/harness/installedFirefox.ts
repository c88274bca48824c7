import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { zipDirectory } from '../../../scripts/release/archive';
import {
  basePrefs,
  DIST_FIREFOX,
  FIREFOX,
  firefoxExtension,
  GECKO_ID,
  type FirefoxExtension,
} from './firefox';

// Firefox ESR with Rampart installed in the profile for good, as "Install Add-on From File…" leaves it: the
// package in `<profile>/extensions/<id>.xpi`, kept across restarts (unlike the harness's temporary add-on,
// which Firefox removes when it closes). ESR honours `xpinstall.signatures.required = false`, so the unsigned
// test build installs; `extensions.autoDisableScopes = 0` spares the "added by another program" question.

/** Packs the Firefox build (`dist-firefox/`) into the profile's extensions folder. */
export async function installFirefoxPackage(userDataDir: string): Promise<void> {
  const folder = join(userDataDir, 'extensions');
  await mkdir(folder, { recursive: true });
  await zipDirectory(DIST_FIREFOX, join(folder, `${GECKO_ID}.xpi`));
}

/**
 * Starts Firefox ESR on a profile without installing anything: the add-on comes from the profile.
 * `startUrl` is opened by the browser itself at start, as a start-up page is.
 */
export async function launchFirefoxInstalled(options: {
  userDataDir: string;
  hosts: string[];
  startUrl?: string;
}): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: options.userDataDir,
    args: ['--remote-allow-system-access', ...(options.startUrl ? [options.startUrl] : [])],
    extraPrefsFirefox: {
      ...basePrefs(options.hosts),
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
    },
  });
  return firefoxExtension(browser);
}
