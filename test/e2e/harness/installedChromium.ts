import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BASE_FLAGS, CHROMIUM, DIST } from './browser';
import { z } from 'zod';
import { extensionIdFromKey } from '../../../scripts/bundledThreatRules';
import { updateExtensionEntry } from './chromiumPreferences';

// A profile in which Rampart is installed, as a user who loaded it unpacked has it, and a browser started on
// it that loads nothing itself: what comes back at the start is what the profile holds. And, for comparison,
// the developer's way: the build given with `--load-extension` at every start.
//
// MEASURED (Chromium 156, Debian): an extension loaded through CDP `Extensions.loadUnpacked` is written to the
// profile as an unpacked install (location 4) with one creation flag more than any other install, 1 << 15
// (creation_flags 32806; `--load-extension` writes 38), and at the next start Chromium skips every entry
// carrying that flag: the extension is gone and its entry is dropped. Without that flag the same entry is
// loaded at every start, like one added with "Load unpacked" on chrome://extensions (which headless Chromium
// cannot do: it cancels the folder dialog).
const SESSION_ONLY_FLAG = 1 << 15;

/** The developer-mode switch on chrome://extensions, which a user turns on to load an unpacked extension. */
export async function turnOnDeveloperMode(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.goto('chrome://extensions');
  const on = await page.evaluate(async () => {
    // chrome.developerPrivate is what the page's own switch calls; it has no public typings.
    const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await api.updateProfileConfiguration({ inDeveloperMode: true });
    return (await api.getProfileConfiguration()).inDeveloperMode;
  });
  if (!on) throw new Error('Developer mode did not turn on');
  await page.close();
}
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }): Promise<void>;
  getProfileConfiguration(): Promise<{ inDeveloperMode: boolean }>;
}

/** Makes the CDP-loaded install in a closed profile a lasting one (see above). */
export async function keepInstalled(userDataDir: string, extensionId: string): Promise<void> {
  await updateExtensionEntry(userDataDir, extensionId, (entry) => {
    if (entry.location !== 4) throw new Error(`Not an unpacked install (location ${entry.location})`);
    return { ...entry, creation_flags: (entry.creation_flags ?? 0) & ~SESSION_ONLY_FLAG };
  });
}

/**
 * Starts Chromium on a profile without loading any extension (no path given to puppeteer, no
 * `--load-extension`). `startUrl` is opened by the browser itself at start, as a start-up page is.
 */
export async function launchInstalled(options: {
  userDataDir: string;
  args?: string[];
  startUrl?: string;
}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    pipe: true,
    // `true` only keeps puppeteer from adding --disable-extensions; it loads nothing.
    enableExtensions: true,
    userDataDir: options.userDataDir,
    args: [...BASE_FLAGS, ...(options.args ?? []), ...(options.startUrl ? [options.startUrl] : [])],
  });
}

/**
 * Starts Chromium with the build given on the command line (`--load-extension`, loaded during the browser's
 * own start, unlike puppeteer's `enableExtensions` paths, which load it over CDP once the browser is up).
 */
export async function launchLoadingExtension(options: {
  userDataDir: string;
  args?: string[];
  startUrl?: string;
}): Promise<{ browser: Browser; extensionId: string; openPage(path: string): Promise<Page> }> {
  const browser = await launchInstalled({
    ...options,
    args: [`--load-extension=${DIST}`, ...(options.args ?? [])],
  });
  // The id comes from the build's manifest key, so nothing here waits for the extension to be up.
  const manifest = z
    .object({ key: z.string() })
    .parse(JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')));
  const extensionId = extensionIdFromKey(manifest.key);
  return {
    browser,
    extensionId,
    async openPage(path) {
      const page = await browser.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
  };
}
