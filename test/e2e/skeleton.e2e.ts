import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { launchWithExtension, newProfileDir, waitFor, type ExtensionBrowser } from './harness/browser';
import { firstDrawOf, POPUP_READY, published, showOptionsSection } from './harness/extensionPages';

let current: ExtensionBrowser | undefined;
afterEach(async () => {
  await current?.close();
  current = undefined;
});

const text = (page: import('puppeteer-core').Page, selector: string) =>
  page.$eval(selector, (element) => element.textContent ?? '');

describe('walking skeleton in real Chromium', () => {
  it('the popup renders and shows what the background answered', async () => {
    current = await launchWithExtension();
    const popup = await current.openPage('popup/index.html');
    await popup.waitForSelector(POPUP_READY);
    expect(await text(popup, '[data-testid="connection-state"]')).toBe('VPN is off');
    expect(await text(popup, '[data-testid="version"]')).toBe('Version 0.1.0');
  });

  it('a setting changed in options survives a service-worker stop and a browser restart', async () => {
    const profile = await newProfileDir();
    try {
      current = await launchWithExtension({ userDataDir: profile });
      const options = await current.openPage('options/index.html');
      await options.waitForSelector('#kill-switch');
      expect(await options.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked)).toBe(false);
      await options.click('#kill-switch');
      // The box ticks at the click; the worker is stopped only once it has saved the setting (stopped while
      // still saving, as no browser stops it, the change could be lost: the test would not be about that).
      await waitFor(
        () =>
          options.evaluate(async () => {
            const reply = (await chrome.runtime.sendMessage({ type: 'getSettings' })) as {
              ok: boolean;
              value?: { killSwitch?: boolean };
            };
            return reply.ok && reply.value?.killSwitch === true;
          }),
        'the kill switch to be saved',
      );
      // The page follows its own save's answer (a re-read on the storage change can come first).
      await waitFor(
        () => options.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked),
        'the switch to show the saved setting',
      );

      await current.stopServiceWorker();
      const reopened = await current.openPage('options/index.html');
      await reopened.waitForSelector('#kill-switch');
      expect(await reopened.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked)).toBe(true);
      await current.browser.close();

      current = await launchWithExtension({ userDataDir: profile });
      const afterRestart = await current.openPage('options/index.html');
      await afterRestart.waitForSelector('#kill-switch');
      expect(await afterRestart.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked)).toBe(
        true,
      );
    } finally {
      await current?.close();
      current = undefined;
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('importing a malformed settings file shows an error and changes nothing', async () => {
    current = await launchWithExtension();
    const options = await current.openPage('options/index.html');
    await options.waitForSelector('#auto-connect');
    await options.click('#auto-connect');
    await waitFor(
      () => options.$eval('#auto-connect', (input) => (input as HTMLInputElement).checked),
      'the switch',
    );

    const file = join(tmpdir(), `rampart-bad-settings-${process.pid}.json`);
    await writeFile(file, '{"kind":"rampart-settings","settings":{"killSwitch":');
    await showOptionsSection(options, 'backup');
    const input = await options.$('#import-file');
    await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(file);
    await options.waitForSelector('[data-testid="backup-outcome"] .notice.error');
    expect(await text(options, '[data-testid="backup-outcome"]')).toBe(
      'This file is not valid JSON. Nothing was changed.',
    );

    const reloaded = await current.openPage('options/index.html');
    await reloaded.waitForSelector('#auto-connect');
    expect(await reloaded.$eval('#auto-connect', (input) => (input as HTMLInputElement).checked)).toBe(true);
    expect(await reloaded.$eval('#kill-switch', (input) => (input as HTMLInputElement).checked)).toBe(false);
    await rm(file, { force: true });
  });

  it('the language override switches every page to Russian', async () => {
    current = await launchWithExtension();
    const options = await current.openPage('options/index.html');
    await options.waitForSelector('#language');
    await Promise.all([options.waitForNavigation(), options.select('#language', 'ru')]);
    await options.waitForSelector('h1');
    expect(await text(options, 'h1')).toBe('Настройки Rampart');
    // The popup draws its first frame in Russian too, from the language published with its status.
    await waitFor(async () => (await published(options))?.language === 'ru', 'Russian to be published');
    const popup = await current.openPage('popup/index.html');
    expect(await firstDrawOf(popup)).toEqual({ state: 'off', published: true, language: 'ru' });
    await popup.waitForSelector(POPUP_READY);
    expect(await text(popup, '[data-testid="connection-state"]')).toBe('VPN выключен');
  });
});
