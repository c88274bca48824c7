// The screens people see, kept as pictures (test/e2e/screenshots) and compared in every run, in English and
// Arabic (right to left): the popup off, connecting, on, paused at the daily limit and with the gateway down;
// the options page; the portal's sign-in, Overview and Devices pages, each at 1280 and 360 px. axe-core runs
// over each screen: no serious or critical violation. What changes between runs (traffic figures, times, the
// database's age, addresses of loopback servers) is masked. A screen changed on purpose:
// `RAMPART_UPDATE_SCREENSHOTS=1 npx vitest run --config vitest.e2e.config.ts test/e2e/screens.e2e.ts`.
// More screens: screensDevices.e2e.ts (a linked device in the portal), screensDark.e2e.ts (dark mode).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { freePort } from '../../server/stack/freePort';
import { OPTIMAL_REGION, SELF_HOSTED_REGION } from '../../src/settings';
import { signedInPortal, verifiedAccount } from './harness/accounts';
import { waitFor, type ExtensionBrowser } from './harness/browser';
import { sendFromPage, waitForText } from './harness/extensionPages';
import { startRecordingProxy } from './harness/recordingProxy';
import {
  POPUP_MASK,
  SCREEN_LANGUAGES,
  WIDTHS,
  languageName,
  popupIn,
  portalLanguage,
  pageScreens,
  screen,
  screensBrowser,
  stateOf,
} from './harness/screens';
import { startTestStack, type TestStack } from './harness/stack';
import { waitForLimit } from './harness/vpnFlows';
import { startWebServer, type TestWebServer } from './harness/webServer';

/** What moves in the portal between runs with the real clock: dates, ages, the traffic counted so far. */
const PORTAL_MASK = [
  'time',
  '[data-volatile]',
  '[data-testid="overview-traffic"]',
  '[data-testid="overview-days-left"]',
];

let web: TestWebServer;
beforeAll(async () => {
  // A page big enough to use up a small daily allowance at once.
  web = await startWebServer(
    (host) => `<!doctype html><title>${host}</title><h1>Hello from ${host}</h1><!--${'x'.repeat(120_000)}-->`,
  );
});
afterAll(() => web.close());

/** The user's own gateway at `port` as the VPN (messages from an options page: opening a popup closes the last). */
async function useOwnGateway(control: Page, port: number, killSwitch: boolean) {
  await sendFromPage(control, { type: 'setVpnEnabled', enabled: false });
  await sendFromPage(control, {
    type: 'updateSettings',
    patch: {
      killSwitch,
      selfHostedGateway: {
        scheme: 'PROXY',
        host: '127.0.0.1',
        port,
        username: 'tester',
        password: 'secret-pass',
      },
    },
  });
  await sendFromPage(control, { type: 'selectRegion', region: SELF_HOSTED_REGION });
}

/** Back to the service's gateways, VPN off, kill switch off: as the tests before found it. */
async function backToServiceGateways(control: Page) {
  await sendFromPage(control, { type: 'setVpnEnabled', enabled: false });
  await sendFromPage(control, { type: 'selectRegion', region: OPTIMAL_REGION });
  await sendFromPage(control, {
    type: 'updateSettings',
    patch: { killSwitch: false, selfHostedGateway: null },
  });
}

async function controlPage(e: ExtensionBrowser) {
  const control = await e.openPage('options/index.html');
  await control.waitForSelector('#kill-switch');
  return control;
}

for (const language of SCREEN_LANGUAGES) {
  describe(`screens in ${languageName(language)}`, () => {
    let stack: TestStack;
    let ext: ExtensionBrowser;

    beforeAll(async () => {
      stack = await startTestStack({ anonymousDailyBytes: 100_000 });
      ext = await screensBrowser(stack, language);
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
      const control = await controlPage(ext);
      await useOwnGateway(control, await freePort(), true);
      await sendFromPage(control, { type: 'setVpnEnabled', enabled: true });
      await screen(await popupIn(ext, 'error'), `popup-error-${language}`, POPUP_MASK);
      await backToServiceGateways(control);
      await control.close();
    });

    it('the popup while connecting: the gateway holds its answer until the picture is taken', async () => {
      const gateway = await startRecordingProxy();
      const release = gateway.holdChecks();
      try {
        const control = await controlPage(ext);
        await useOwnGateway(control, gateway.port, false);
        // Answered once the check is let through.
        const enabled = sendFromPage(control, { type: 'setVpnEnabled', enabled: true });
        await waitFor(() => gateway.heldChecks() > 0, 'the gateway check to be held');
        await screen(await popupIn(ext, 'connecting'), `popup-connecting-${language}`, POPUP_MASK);
        release();
        await enabled;
        await popupIn(ext, 'on');
        await backToServiceGateways(control);
        await control.close();
      } finally {
        release();
        await gateway.close();
      }
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
      await portalLanguage(signIn, language);
      await pageScreens(signIn, `${stack.serviceUrl}/sign-in`, 'main form', `portal-sign-in-${language}`);
      await signIn.close();

      const email = `screens-${language}@example.com`;
      await verifiedAccount(stack, email);
      const portal = await signedInPortal(ext, stack, email);
      await portalLanguage(portal, language);
      // Each page once its data is in (the Overview keeps polling, so the network is never idle).
      const pages = [
        { path: '/', name: 'overview', ready: '[data-testid="overview-traffic"]' },
        { path: '/devices', name: 'devices', ready: '[data-testid="devices"], [data-testid="no-devices"]' },
      ] as const;
      for (const { path, name, ready } of pages)
        await pageScreens(
          portal,
          `${stack.serviceUrl}${path}`,
          ready,
          `portal-${name}-${language}`,
          PORTAL_MASK,
        );
    });
  });
}
