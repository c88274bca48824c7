// The portal in real Chromium against the real account service (in-process, loopback, PGlite in memory):
// a person signs up, confirms the mail from the development outbox, signs in, turns on two-step
// verification (saving the recovery codes as a file), signs in again with a code, and disconnects a device;
// the extension hand-off links this browser's Rampart extension through /link; the Overview then shows that
// browser's reported state, and it is renamed.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOTP } from 'otpauth';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../server/app';
import { freePort } from '../../server/stack/freePort';
import { testDatabase } from '../integration/server/database';
import { testConfig } from '../integration/server/helpers';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness/browser';
import { sendFromPage, waitForText } from './harness/extensionPages';

const EMAIL = 'portal-person@example.com';
const PASSWORD = 'Vr7kq9Lmz2Xw';

let service: App;
let portalUrl: string;
let ext: ExtensionBrowser;
let closeDb: () => Promise<void>;

beforeAll(async () => {
  // The port is chosen first: the service's public URL is the one origin allowed to write with cookies.
  const port = await freePort();
  portalUrl = `http://127.0.0.1:${port}`;
  const db = await testDatabase();
  closeDb = () => db.close();
  service = await buildApp(testConfig({ port, publicUrl: portalUrl }), { db });
  await service.listen();
  ext = await launchWithExtension();
});

afterAll(async () => {
  await ext?.close();
  await service?.close();
  await closeDb?.();
});

/** Replaces a field's value by typing, so the page sees the same input events as from a person. */
async function fill(page: Page, selector: string, value: string) {
  await page.click(selector, { count: 3 });
  await page.keyboard.press('Backspace');
  if (value !== '') await page.type(selector, value);
}

const ruleStates = (page: Page) =>
  page.$$eval('[data-testid="password-rules"] li', (items) =>
    Object.fromEntries(
      items.map((li) => [li.getAttribute('data-rule'), li.getAttribute('data-met') === 'true']),
    ),
  );

/** Readable on a small phone: nothing wider than the 360 px viewport. */
const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

const textOf = (page: Page, selector: string) => page.$eval(selector, (el) => el.textContent ?? '');

const nextSteps = (page: Page) =>
  page.$$eval('[data-testid="next-steps"] li', (items) => items.map((li) => li.getAttribute('data-step')));

async function waitForPath(page: Page, path: string) {
  // A tab that has not committed its first navigation has an empty URL: that reads as "not there yet".
  await waitFor(() => URL.parse(page.url())?.pathname === path, `the portal to show ${path}`);
}

async function signIn(page: Page, remember: boolean) {
  await page.goto(`${portalUrl}/sign-in`);
  await page.waitForSelector('#email');
  await fill(page, '#email', EMAIL);
  await fill(page, '#password', PASSWORD);
  if (remember) await page.click('#remember');
  await page.click('[data-testid="sign-in-submit"]');
}

describe('My Rampart portal', () => {
  let totp: TOTP;
  let deviceToken = '';
  let recoveryCodes: string[] = [];
  let extensionDeviceId = '';

  it('signs up with live password rules, confirms the mailed link and signs in', async () => {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 360, height: 740 });
    await page.goto(`${portalUrl}/sign-up`);
    await page.waitForSelector('#password');
    await fill(page, '#email', EMAIL);

    // The rules update while typing: a weak password shows what is missing before anything is sent.
    await fill(page, '#password', 'password');
    expect(await ruleStates(page)).toEqual({
      minLength: true,
      digit: false,
      upperLatin: false,
      lowerLatin: true,
      noSpaces: true,
    });
    await page.click('form button[type="submit"]');
    await waitForText(page, '[data-testid="form-error"]', /does not meet the rules/);
    expect(await fitsWidth(page)).toBe(true);

    // Every syntactic rule met, but the service judges it too common and says which rule failed.
    await fill(page, '#password', 'Password1');
    expect(Object.values(await ruleStates(page)).every(Boolean)).toBe(true);
    await page.click('form button[type="submit"]');
    await waitForText(page, '[data-testid="form-error"]', /too common or too easy to guess/);

    await fill(page, '#password', PASSWORD);
    await page.click('form button[type="submit"]');
    await waitForText(page, '[data-testid="sign-up-sent"]', new RegExp(`confirmation link to ${EMAIL}`));

    // The development outbox is linked from the confirmation screen; its mail links to /verify-email.
    await Promise.all([page.waitForNavigation(), page.click('[data-testid="dev-outbox"]')]);
    const verifyLink = await page.$eval(
      'a[href*="/verify-email?token="]',
      (a) => (a as HTMLAnchorElement).href,
    );
    expect(verifyLink.startsWith(`${portalUrl}/verify-email?token=`)).toBe(true);
    await Promise.all([page.waitForNavigation(), page.click('a[href*="/verify-email?token="]')]);
    await waitForText(page, '[role="status"]', 'Your email address is confirmed.');

    await page.click('[data-testid="verified-sign-in"]');
    await waitForPath(page, '/sign-in');
    await fill(page, '#email', EMAIL);
    await fill(page, '#password', PASSWORD);
    await page.click('#remember');
    await page.click('[data-testid="sign-in-submit"]');
    await waitForText(page, '[data-testid="signed-in-as"]', `Signed in as ${EMAIL}`);

    // A new account's Overview: the free plan, no browser yet, and the two steps to take next.
    await page.waitForSelector('[data-testid="next-steps"]');
    expect(await nextSteps(page)).toEqual(['linkBrowser', 'turnOnTwoFactor']);
    expect(await textOf(page, '[data-testid="overview-plan"]')).toBe('Free');
    await page.waitForSelector('[data-testid="overview-no-devices"]');
    expect(await textOf(page, '[data-testid="overview-traffic-bytes"]')).toBe('0 bytes');
    expect(await fitsWidth(page)).toBe(true);
    await page.close();

    // Another browser registers and links with the password (2FA is not on yet), as the options page does.
    const registered = await fetch(`${portalUrl}/api/v1/devices`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Work laptop', platform: 'firefox' }),
    });
    expect(registered.status).toBe(201);
    deviceToken = ((await registered.json()) as { accessToken: string }).accessToken;
    const linked = await fetch(`${portalUrl}/api/v1/devices/me/link`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` },
      body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
    });
    expect(linked.status).toBe(200);
  });

  it('turns on two-step verification with the QR secret, then signs in again with a code', async () => {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 360, height: 740 });
    await page.goto(`${portalUrl}/security`);
    await page.waitForSelector('[data-testid="two-factor-set-up"]');
    await page.click('[data-testid="two-factor-set-up"]');
    await page.waitForSelector('[data-testid="two-factor-setup"] img.qr');
    expect(await fitsWidth(page)).toBe(true);
    const secret = (await textOf(page, '[data-testid="two-factor-secret"]')).trim();
    // Shown in groups of four for typing by hand; the app takes it with or without the spaces.
    expect(secret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    const qr = await page.$eval('img.qr', (img) => (img as HTMLImageElement).src);
    expect(qr.startsWith('data:image/png;base64,')).toBe(true);

    totp = new TOTP({ secret });
    await fill(page, '#setup-code', totp.generate());
    await page.click('[data-testid="two-factor-confirm"]');
    await page.waitForSelector('[data-testid="recovery-codes"]');
    const codes = await page.$$eval('[data-testid="recovery-codes"] li', (items) =>
      items.map((li) => li.textContent),
    );
    expect(codes).toHaveLength(10);
    recoveryCodes = codes.map((code) => (code ?? '').trim());

    // "Download as a text file" saves the codes (with whose they are) where the browser saves downloads.
    const downloads = await mkdtemp(join(tmpdir(), 'rampart-downloads-'));
    try {
      const cdp = await page.createCDPSession();
      await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      await page.click('[data-testid="recovery-download"]');
      await waitFor(
        async () => (await readdir(downloads)).includes('rampart-recovery-codes.txt'),
        'the recovery codes file',
      );
      const file = await readFile(join(downloads, 'rampart-recovery-codes.txt'), 'utf8');
      const lines = file.split('\r\n');
      expect(lines[0]).toBe('Rampart recovery codes');
      expect(lines).toContain(`Account: ${EMAIL}`);
      expect(
        lines.filter((line) => /^\s*\d+\. /.test(line)).map((line) => line.replace(/^\s*\d+\. /, '')),
      ).toEqual(recoveryCodes);
      await cdp.detach();
    } finally {
      await rm(downloads, { recursive: true, force: true });
    }
    await page.click('[data-testid="recovery-saved"]');
    await waitForText(page, '[data-testid="two-factor-state"]', /^On:/);

    // The sessions list marks this one.
    await waitFor(
      async () => (await page.$$('[data-testid="session"][data-current="true"]')).length === 1,
      'this session marked',
    );

    await page.click('[data-testid="sign-out"]');
    await waitForPath(page, '/sign-in');
    await signIn(page, false);
    await page.waitForSelector('#code');
    // Each time step is accepted once and the set-up spent the current one: use the next (within drift).
    await fill(page, '#code', totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.click('[data-testid="second-step-submit"]');
    await waitForText(page, '[data-testid="signed-in-as"]', `Signed in as ${EMAIL}`);
    await page.close();
  });

  it('lists a linked device and disconnects it after a confirmation', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${portalUrl}/devices`);
    await waitForText(page, '[data-testid="device"] h2', 'Work laptop');
    expect(await textOf(page, '[data-testid="device"] dl')).toContain('firefox');

    await page.click('[data-testid="disconnect"]');
    await page.waitForSelector('[data-testid="confirm-disconnect"]');
    expect(await textOf(page, '[data-testid="device"] .confirm p')).toMatch(/Disconnect “Work laptop”\?/);
    await page.click('[data-testid="confirm-disconnect"]');
    await page.waitForSelector('[data-testid="no-devices"]');
    const left = await fetch(`${portalUrl}/api/v1/devices/me`, {
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    expect(((await left.json()) as { accountId: string | null }).accountId).toBeNull();
    await page.close();
  });

  it('hands a link code to this browser’s extension through /link', async () => {
    const options = await ext.openPage('options/index.html');
    await options.waitForSelector('#kill-switch');
    await sendFromPage(options, { type: 'useTestService', url: portalUrl });
    type AccountReply = { ok: boolean; value?: { linked: boolean; email?: string; accountFound?: string } };
    const account = () => sendFromPage<AccountReply>(options, { type: 'getAccount' });

    // A signed-in portal page tells the extension an account is here, so it can offer "Connect".
    const home = await ext.browser.newPage();
    await home.goto(portalUrl);
    await waitForText(home, '[data-testid="signed-in-as"]', `Signed in as ${EMAIL}`);
    await waitFor(
      async () => (await account()).value?.accountFound === EMAIL,
      'the extension to hear of the account',
    );

    // Signed out, the hand-off signs in first (here with a recovery code) and comes back to /link.
    await home.click('[data-testid="sign-out"]');
    await waitForPath(home, '/sign-in');

    const opened = ext.browser.waitForTarget((t) => t.url().startsWith(`${portalUrl}/link?`));
    await sendFromPage(options, { type: 'openPortal', page: 'link' });
    const link = await (await opened).page();
    if (link === null) throw new Error('the /link tab has no page');
    await waitForPath(link, '/sign-in');
    expect(new URL(link.url()).searchParams.get('next')).toMatch(/^\/link\?state=.+&extensionId=/);
    await link.waitForSelector('#email');
    await fill(link, '#email', EMAIL);
    await fill(link, '#password', PASSWORD);
    await link.click('[data-testid="sign-in-submit"]');
    await link.waitForSelector('#code');
    await link.click('[data-testid="use-recovery"]');
    await fill(link, '#recovery-code', recoveryCodes[0] ?? '');
    await link.click('[data-testid="second-step-submit"]');
    await waitForPath(link, '/link');
    await waitForText(link, '[role="status"]', /now connected — you can close this tab/, 30_000);

    const devices = await ext.browser.newPage();
    await devices.goto(`${portalUrl}/devices`);
    await waitFor(
      async () => (await devices.$$('[data-testid="device"]')).length === 1,
      'the extension listed as a device',
    );
    expect(await textOf(devices, '[data-testid="device"] dl')).toContain('chrome');
    expect((await account()).value).toMatchObject({ linked: true, email: EMAIL });
    extensionDeviceId =
      (await devices.$eval('[data-testid="device"]', (li) => li.getAttribute('data-device-id'))) ?? '';
    await devices.close();
  });

  it('shows the linked browser’s reported state on the Overview and keeps the name it is given', async () => {
    const options = await ext.openPage('options/index.html');
    await options.waitForSelector('#kill-switch');
    // Turning protection off in the extension is reported to the service: the Overview lists it as a problem.
    await sendFromPage(options, { type: 'setProtectionEnabled', enabled: false });

    const page = await ext.browser.newPage();
    await page.setViewport({ width: 360, height: 740 });
    await waitFor(
      async () => {
        await page.goto(portalUrl);
        await page.waitForSelector('[data-testid="overview-devices"]');
        return (await page.$('[data-testid="overview-problems"]')) !== null;
      },
      'the Overview to show the reported problem',
      60_000,
    );
    expect(await textOf(page, '[data-testid="overview-online"]')).toBe('1 of 1 online');
    expect(await textOf(page, '[data-testid="overview-problems"]')).toBe('1 device needs attention');
    // Every step is taken: a browser is linked and two-step verification is on.
    expect(await page.$('[data-testid="next-steps"]')).toBeNull();
    expect(await fitsWidth(page)).toBe(true);
    await Promise.all([
      waitForPath(page, `/devices/${extensionDeviceId}`),
      page.click('[data-testid="overview-problem-device"]'),
    ]);
    await page.waitForSelector('[data-testid="device-state"]');

    // Renamed from the list: a clear refusal for an empty name, then the new name everywhere.
    await page.goto(`${portalUrl}/devices`);
    await page.waitForSelector('[data-testid="device-badges"][data-problems="1"]');
    await page.click('[data-testid="rename"]');
    const field = `#rename-${extensionDeviceId}`;
    await fill(page, field, '   ');
    await page.click('[data-testid="rename-save"]');
    await waitForText(page, '[data-testid="form-error"]', /Enter a name for this device/);
    await fill(page, field, '  Office Chrome ');
    await page.click('[data-testid="rename-save"]');
    await waitForText(page, '[data-testid="device-name"]', 'Office Chrome');
    expect(await fitsWidth(page)).toBe(true);

    // The extension reports again (protection back on): the name stays, the problem goes.
    await sendFromPage(options, { type: 'setProtectionEnabled', enabled: true });
    await waitFor(
      async () => {
        await page.goto(`${portalUrl}/devices/${extensionDeviceId}`);
        await page.waitForSelector('[data-testid="state-protection"]');
        return (
          (await page.$eval('[data-testid="state-protection"]', (el) => el.getAttribute('data-enabled'))) ===
          'true'
        );
      },
      'the device page to show protection on again',
      60_000,
    );
    expect(await textOf(page, 'h1')).toBe('Office Chrome');
    await page.goto(portalUrl);
    await waitForText(page, '[data-testid="overview-online-device"]', 'Office Chrome');
    expect(await page.$('[data-testid="overview-problems"]')).toBeNull();
    await page.close();
    await options.close();
  });
});
