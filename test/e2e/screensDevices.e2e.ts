// The portal with a browser linked to the account, kept as pictures like screens.e2e.ts: the Devices list (the
// browser online, its VPN, its protection and its problems) and the Overview with that browser, at 1280 and
// 360 px in English and Arabic, in light and dark colours, each checked by axe-core. The account service and
// the gateway run on a stopped clock, so last seen, linked and "since" dates are the same in every run,
// whatever today is.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TEST_PASSWORD, linkExtension, signedInPortal, verifiedAccount } from './harness/accounts';
import { waitFor, type ExtensionBrowser } from './harness/browser';
import { expectVisibleFocus } from './harness/focusRing';
import { sendFromPage } from './harness/extensionPages';
import {
  SCREEN_LANGUAGES,
  colourScheme,
  languageName,
  portalLanguage,
  pageScreens,
  screensBrowser,
} from './harness/screens';
import { startTestStack, type TestStack } from './harness/stack';

/** The service's and the gateway's time: before the bundled threat list's date, so that list is never "outdated". */
const CLOCK = new Date('2026-03-02T09:30:00Z');

interface ListedDevice {
  status: { online: boolean; vpn: string; protectionEnabled: boolean; problems: number } | null;
}

for (const language of SCREEN_LANGUAGES) {
  describe(`the portal with a linked browser in ${languageName(language)}`, () => {
    let stack: TestStack;
    let ext: ExtensionBrowser;

    beforeAll(async () => {
      stack = await startTestStack({}, () => new Date(CLOCK));
      ext = await screensBrowser(stack, language);
    });
    afterAll(async () => {
      await ext?.close();
      await stack?.close();
    });

    it('Devices and Overview: the browser online, VPN on, protection off (one problem)', async () => {
      const email = `linked-${language}@example.com`;
      await verifiedAccount(stack, email);
      const options = await linkExtension(ext, stack, email);
      await sendFromPage(options, { type: 'setVpnEnabled', enabled: true });
      await sendFromPage(options, { type: 'setProtectionEnabled', enabled: false });

      // The browser reports its state a moment after a change: wait until the service has it.
      const api = stack.client();
      await api.post('/api/v1/sessions', { email, password: TEST_PASSWORD });
      await waitFor(
        async () => {
          const [device] = (await api.get('/api/v1/account/devices')).body.devices as ListedDevice[];
          return device?.status?.vpn === 'on' && device.status.protectionEnabled === false;
        },
        "the browser's report",
        30_000,
      );

      const portal = await signedInPortal(ext, stack, email);
      // Dates are written in the reader's time zone: one for every machine.
      await portal.emulateTimezone('UTC');
      await portalLanguage(portal, language);
      // The portal follows the browser's colours: light, then dark.
      for (const scheme of ['light', 'dark'] as const) {
        await colourScheme(portal, scheme);
        const look = scheme === 'dark' ? '-dark' : '';
        await pageScreens(
          portal,
          `${stack.serviceUrl}/devices`,
          '[data-testid="device-badges"][data-reported="true"]',
          `portal-devices-linked${look}-${language}`,
        );
        await expectVisibleFocus(portal, 20, `the portal's Devices page (${scheme}, ${language})`);
        // The bytes the gateway counted depend on how many connection checks went through it.
        await pageScreens(
          portal,
          `${stack.serviceUrl}/`,
          '[data-testid="overview-online"]',
          `portal-overview-linked${look}-${language}`,
          ['[data-testid="overview-traffic-bytes"]'],
        );
      }
    });
  });
}
