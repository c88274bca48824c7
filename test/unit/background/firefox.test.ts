import { describe, expect, it } from 'vitest';
import { isBlockedByExtension } from '../../../background/protection/blockedByExtension';
import { backgroundWithAccountApi } from '../../fakes/accountBackground';
import { EXTENSION_ID } from '../../fakes/platform';

const PORTAL = 'http://127.0.0.1:8787';
const GECKO_ID = 'rampart@rampart.example';
const FIREFOX_ORIGIN = 'moz-extension://7f3c9a52-1b2d-4e8f-9a6b-0c1d2e3f4a5b/';

describe('the background in Firefox', () => {
  it('registers the device as a Firefox one', async () => {
    const { background, requests } = await backgroundWithAccountApi({ browser: 'firefox' });
    await background.account.sync();
    const registration = requests.find((request) => request.url.endsWith('/api/v1/devices'));
    expect(registration?.body).toEqual({ name: 'Rampart on Firefox', platform: 'firefox' });
  });

  it('and in Chrome as a Chrome one', async () => {
    const { background, requests } = await backgroundWithAccountApi();
    await background.account.sync();
    const registration = requests.find((request) => request.url.endsWith('/api/v1/devices'));
    expect(registration?.body).toEqual({ name: 'Rampart on Chrome', platform: 'chrome' });
  });

  it("links through the portal relay: a content script on the portal's origin, with the state it opened", async () => {
    const { background, navigations } = await backgroundWithAccountApi({
      browser: 'firefox',
      extensionId: GECKO_ID,
      extensionOrigin: FIREFOX_ORIGIN,
    });
    await background.portal.open('link');
    const opened = new URL(navigations.at(-1)!.url);
    expect(opened.searchParams.get('extensionId')).toBe(GECKO_ID);
    const state = opened.searchParams.get('state')!;
    const code = 'portal-link-code-0123456789';
    // What Firefox gives for a content script's message: our id, and the URL of the page it runs in.
    const relayOn = (url: string) => ({ id: GECKO_ID, url });
    expect(
      await background.receive({ type: 'linkCode', code, state }, relayOn('https://evil.example/')),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await background.receive({ type: 'linkCode', code, state: 'x'.repeat(32) }, relayOn(`${PORTAL}/link`)),
    ).toMatchObject({ ok: false, error: { code: 'badState' } });
    // A relayed message is no page request: the router's messages are refused from there.
    expect(await background.receive({ type: 'getStatus' }, relayOn(`${PORTAL}/link`))).toMatchObject({
      ok: false,
    });
    expect(
      await background.receive({ type: 'linkCode', code, state }, relayOn(`${PORTAL}/link?state=${state}`)),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect(await background.account.status()).toMatchObject({ linked: true, email: 'ann@example.test' });
    // The extension's own pages still reach the router.
    expect(
      await background.receive(
        { type: 'getAccount' },
        { id: GECKO_ID, url: `${FIREFOX_ORIGIN}options/index.html` },
      ),
    ).toMatchObject({ ok: true, value: { linked: true } });
  });

  it('tells the pages what the browser does not allow', async () => {
    const { send, state } = await backgroundWithAccountApi({ browser: 'firefox' });
    expect(await send({ type: 'getBrowserAccess' })).toEqual({
      ok: true,
      value: { browser: 'firefox', allSites: true, privateWindows: false },
    });
    state.access = { allSites: false, privateWindows: true };
    expect(await send({ type: 'getBrowserAccess' })).toEqual({
      ok: true,
      value: { browser: 'firefox', allSites: false, privateWindows: true },
    });
  });

  it('a Chrome page message from a web page never reaches the router', async () => {
    const { background } = await backgroundWithAccountApi();
    expect(
      await background.receive({ type: 'getStatus' }, { id: EXTENSION_ID, url: 'https://evil.example/' }),
    ).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('a request blocked by the extension', () => {
  it.each([
    ['net::ERR_BLOCKED_BY_CLIENT', true],
    ['NS_ERROR_ABORT', true],
    ['NS_ERROR_BLOCKED_BY_POLICY', true],
    ['net::ERR_CONNECTION_REFUSED', false],
    ['NS_ERROR_CONNECTION_REFUSED', false],
    ['NS_ERROR_PROXY_CONNECTION_REFUSED', false],
  ])('%s → %s', (error, blocked) => {
    expect(isBlockedByExtension(error)).toBe(blocked);
  });
});
