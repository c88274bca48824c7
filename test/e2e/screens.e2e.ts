// The screens people see, kept as pictures (test/e2e/screenshots) and compared in every run, in English and
// Arabic (right to left): the popup off, on, paused at the daily limit and with the gateway down; the options
// page; the portal's sign-in, Overview and Devices pages, each at 1280 and 360 px. axe-core runs over each
// screen: no serious or critical violation. What changes between runs (traffic figures, times, the database's
// age, addresses of loopback servers) is masked. A screen changed on purpose:
// `RAMPART_UPDATE_SCREENSHOTS=1 npx vitest run --config vitest.e2e.config.ts test/e2e/screens.e2e.ts`.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { freePort } from '../../server/stack/freePort';
import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../../src/settings';
import { expectNoSeriousAxeViolations } from './harness/accessibility';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness/browser';
import { openPopup, sendFromPage, waitForText } from './harness/extensionPages';
import { expectScreenshot } from './harness/screenshots';
import { startTestStack, type TestStack } from './harness/stack';
import { waitForLimit } from './harness/vpnFlows';
import { startWebServer, type TestWebServer } from './harness/webServer';

const RESOLVER = '--host-resolver-rules=MAP *.test 127.0.0.1';
const PASSWORD = 'Vr7kq9Lmz2Xw';
const WIDTHS = [1280, 360] as const;

/** Parts of the popup whose words depend on the moment or on bytes counted so far. */
const POPUP_MASK = [
  '[data-testid="threat-db"]',
  '[data-testid="popup-traffic"]',
  '[data-testid="traffic-bar"]',
  '[data-testid="limit-explain"]',
  '[data-testid="limit-wait"]',
  '[data-testid="version"]',
];

let web: TestWebServer;
beforeAll(async () => {
  // A page big enough to use up a small daily allowance at once.
  web = await startWebServer(
    (host) => `<!doctype html><title>${host}</title><h1>Hello from ${host}</h1><!--${'x'.repeat(120_000)}-->`,
  );
});
afterAll(() => web.close());

async function screen(page: Page, name: string, mask: readonly string[] = []) {
  await expectScreenshot(page, name, { mask });
  await expectNoSeriousAxeViolations(page, name);
}

async function stateOf(popup: Page) {
  return popup.$eval('[data-testid="connection-state"]', (el) => el.getAttribute('data-state'));
}

async function popupIn(e: ExtensionBrowser, state: string) {
  const popup = await openPopup(e);
  // The toolbar popup's own width; the page grows to its content in the picture.
  await popup.setViewport({ width: 360, height: 600 });
  await waitFor(async () => (await stateOf(popup)) === state, `the popup in state ${state}`, 30_000);
  return popup;
}

/** A verified account signed in to the portal in this browser, with the extension linked to it. */
async function signedInPortal(e: ExtensionBrowser, stack: TestStack, email: string): Promise<Page> {
  const client = stack.client();
  await client.post('/api/v1/accounts', { email, password: PASSWORD });
  await client.post('/api/v1/accounts/verify-email', {
    token: await stack.mailedToken(email, 'verify-email'),
  });
  const portal = await e.browser.newPage();
  await portal.goto(`${stack.serviceUrl}/sign-in`);
  await portal.evaluate(
    async (body) =>
      fetch('/api/v1/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
    JSON.stringify({ email, password: PASSWORD }),
  );
  return portal;
}

for (const language of ['en', 'ar'] as const) {
  describe(`screens in ${language === 'en' ? 'English' : 'Arabic'}`, () => {
    let stack: TestStack;
    let ext: ExtensionBrowser;

    beforeAll(async () => {
      stack = await startTestStack({ anonymousDailyBytes: 100_000 });
      ext = await launchWithExtension({ args: [...stack.chromeFlags, RESOLVER] });
      const page = await ext.openPage('options/index.html');
      await page.waitForSelector('#kill-switch');
      await sendFromPage(page, { type: 'useTestService', url: stack.serviceUrl });
      await sendFromPage(page, { type: 'updateSettings', patch: { killSwitch: false, language } });
      await page.close();
    });
    afterAll(async () => {
      await ext?.close();
      await stack?.close();
    });

    it('the popup off, on and paused at the daily limit', async () => {
      const site = await ext.browser.newPage();
      await site.goto(web.url('shop.test'));
      const off = await popupIn(ext, 'off');
      await screen(off, `popup-off-${language}`, POPUP_MASK);
      await off.click('[data-testid="vpn-toggle"]');
      await waitFor(async () => (await stateOf(off)) === 'on', 'the VPN to be on', 30_000);
      await waitForText(off, '[data-testid="location-place"]', /\S/);
      await screen(await popupIn(ext, 'on'), `popup-on-${language}`, POPUP_MASK);

      await (await ext.browser.newPage()).goto(web.url('big-page.test')).catch(() => null);
      await waitForLimit(ext);
      await screen(await popupIn(ext, 'limit'), `popup-limit-${language}`, POPUP_MASK);
    });

    it('the popup when the gateway cannot be reached (kill switch on)', async () => {
      const dead = await freePort();
      // Messages go from a page of their own: opening a popup closes the one before.
      const control = await ext.openPage('options/index.html');
      await control.waitForSelector('#kill-switch');
      await sendFromPage(control, { type: 'setVpnEnabled', enabled: false });
      await sendFromPage(control, {
        type: 'updateSettings',
        patch: {
          killSwitch: true,
          selfHostedGateway: { scheme: 'PROXY', host: '127.0.0.1', port: dead, username: 'u', password: 'p' },
        },
      });
      await sendFromPage(control, { type: 'selectRegion', region: SELF_HOSTED_REGION });
      await sendFromPage(control, { type: 'setVpnEnabled', enabled: true });
      await screen(await popupIn(ext, 'error'), `popup-error-${language}`, POPUP_MASK);
      await sendFromPage(control, { type: 'setVpnEnabled', enabled: false });
      await sendFromPage(control, { type: 'selectRegion', region: OPTIMAL_REGION });
      await sendFromPage(control, {
        type: 'updateSettings',
        patch: { killSwitch: false, selfHostedGateway: null },
      });
      await control.close();
    });

    it('the options page at 1280 and 360 px', async () => {
      const options = await ext.openPage('options/index.html#general');
      await options.waitForSelector('#kill-switch');
      for (const width of WIDTHS) {
        await options.setViewport({ width, height: 800 });
        await screen(options, `options-general-${language}-${width}`);
      }
      await options.goto(options.url().replace('#general', '#site-rules'));
      await options.reload();
      await options.waitForSelector('section[data-section="site-rules"]');
      for (const width of WIDTHS) {
        await options.setViewport({ width, height: 800 });
        await screen(options, `options-site-rules-${language}-${width}`);
      }
    });

    it('the portal: sign-in, Overview and Devices at 1280 and 360 px', async () => {
      const signIn = await ext.browser.newPage();
      await signIn.evaluateOnNewDocument((choice) => {
        localStorage.setItem('rampart.portal.language', choice);
      }, language);
      await signIn.goto(`${stack.serviceUrl}/sign-in`);
      await signIn.waitForSelector('main form');
      for (const width of WIDTHS) {
        await signIn.setViewport({ width, height: 800 });
        await screen(signIn, `portal-sign-in-${language}-${width}`);
      }
      await signIn.close();

      const portal = await signedInPortal(ext, stack, `screens-${language}@example.com`);
      await portal.evaluate((choice) => localStorage.setItem('rampart.portal.language', choice), language);
      // Each page once its data is in (the Overview keeps polling, so the network is never idle).
      const pages = [
        { path: '/', name: 'overview', ready: '[data-testid="overview-traffic"]' },
        { path: '/devices', name: 'devices', ready: '[data-testid="devices"], [data-testid="no-devices"]' },
      ] as const;
      for (const { path, name, ready } of pages) {
        await portal.goto(`${stack.serviceUrl}${path}`);
        await portal.waitForSelector(ready);
        for (const width of WIDTHS) {
          await portal.setViewport({ width, height: 800 });
          // Dates, ages and the traffic counted so far depend on the moment.
          await screen(portal, `portal-${name}-${language}-${width}`, [
            'time',
            '[data-volatile]',
            '[data-testid="overview-traffic"]',
            '[data-testid="overview-days-left"]',
          ]);
        }
      }
    });
  });
}
