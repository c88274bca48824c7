import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { defaultSettings } from '../../../src/settings';
import { readFile } from 'node:fs/promises';
import { renderFirstFrame } from '../../../src/ui/popupTop/firstFrame';
import { createTranslator, localeMessagesSchema } from '../../../src/i18n';
import type { ConnectionStatus } from '../../../src/status';
import { PUBLISHED_STATUS_KEY, publishedIn } from '../../../src/storage/publishedStatus';
import { fakePlatform, memoryArea, ownPage } from '../../fakes/platform';
import { pacAnswer } from '../../fakes/pac';
import { selfHostedTestGateway, startedBackground } from '../../fakes/startedBackground';

const localeFile = async (language: string) =>
  localeMessagesSchema.parse(
    JSON.parse(await readFile(`extension/_locales/${language}/messages.json`, 'utf8')),
  );

/** The background routing through the user's own gateway, with its status as the popup reads it. */
async function setup(settings: Partial<typeof defaultSettings> = {}) {
  const started = await startedBackground({ ...selfHostedTestGateway, ...settings });
  const status = async () => {
    const reply = await started.send({ type: 'getStatus' });
    if (!reply.ok) throw new Error('no status');
    return reply.value as Record<string, unknown>;
  };
  return { ...started, status };
}

describe('connecting and reconnecting', () => {
  it('a dropped connection reconnects a few times, then gives up with the reason and one notification', async () => {
    const { send, state, background, notifications, status } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    let checks = 0;
    const startedAt = state.clock;
    background.platform.checkGateway = async () => {
      checks++;
      return { ok: false, reason: 'unreachable' };
    };
    const first = await background.vpn.checkFirst();
    expect(first).toMatchObject({ state: 'connecting', reconnecting: true, failures: 1 });
    await background.vpn.checkConnection();
    expect(await status()).toMatchObject({ state: 'error', reason: 'gatewayUnreachable' });
    expect(checks).toBe(3);
    // It waited between attempts (1 s, then 3 s) instead of hammering the gateway.
    expect(state.clock - startedAt).toBe(4_000);
    expect(notifications.map((n) => n.id)).toEqual(['connection-lost']);
  });

  it('turning on from off shows "Connecting…" (not "Reconnecting…") until the check answers', async () => {
    const { background, send } = await setup();
    let answer: (ok: boolean) => void = () => undefined;
    let asked: () => void = () => undefined;
    const checkAsked = new Promise<void>((resolve) => (asked = resolve));
    background.platform.checkGateway = () =>
      new Promise((resolve) => {
        answer = (ok) => resolve(ok ? { ok: true } : { ok: false, reason: 'unreachable' });
        asked();
      });
    const turning = send({ type: 'setVpnEnabled', enabled: true });
    // While the gateway has not answered yet:
    await checkAsked;
    expect(await background.connection.get()).toMatchObject({ state: 'connecting', reconnecting: false });
    answer(true);
    expect(await turning).toMatchObject({ ok: true, value: { state: 'on' } });
  });

  it('state changes run one at a time: no change is lost to an interleaved read-modify-write', async () => {
    const fake = fakePlatform();
    await fake.platform.local.set('settings', { ...defaultSettings, ...selfHostedTestGateway });
    // A slow session area, as storage is: a read answers later with what was stored when it was asked, so
    // without a queue both events would read "off" and the second change would be lost.
    const slow = memoryArea();
    fake.platform.session = {
      get: async (key) => {
        const value = await slow.get(key);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return value;
      },
      set: slow.set,
      remove: slow.remove,
    };
    const background = composeBackground(fake.platform);
    await background.start();
    await Promise.all([
      background.vpn.dispatch({ type: 'enable' }),
      background.vpn.dispatch({ type: 'limitReached', resetAt: 123 }),
    ]);
    expect(await background.connection.get()).toMatchObject({ state: 'limit', resetAt: 123 });
  });
});

describe('resuming after a browser restart or an extension update', () => {
  it('a VPN left on with the kill switch resumes: routing fails closed at once, then the check reconnects', async () => {
    const { platform, send, applied } = await setup({ killSwitch: true });
    await send({ type: 'setVpnEnabled', enabled: true });
    // The browser restarts: the session is gone, the settings stay.
    platform.session = memoryArea();
    const before = applied.length;
    let answer: () => void = () => undefined;
    const check = platform.checkGateway;
    platform.checkGateway = () => new Promise((resolve) => (answer = () => resolve(check())));
    const restarted = composeBackground(platform);
    await restarted.start();
    const firstApplied = applied[before];
    expect(pacAnswer(firstApplied, 'http://site.test/')).toBe('PROXY 127.0.0.1:3128');
    expect(await restarted.connection.get()).toMatchObject({ state: 'connecting', reconnecting: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    answer();
    await restarted.vpn.checkConnection();
    expect(await restarted.route({ type: 'getStatus' }, ownPage)).toMatchObject({
      ok: true,
      value: { state: 'on', vpnEnabled: true },
    });
  });

  it('a VPN left off stays off', async () => {
    const { platform, applied } = await setup();
    platform.session = memoryArea();
    const restarted = composeBackground(platform);
    await restarted.start();
    expect(await restarted.connection.get()).toMatchObject({ state: 'off' });
    expect(applied.at(-1)).toEqual({ mode: 'system' });
  });

  it('a worker restart keeps the state it had (an error stays an error until a check says otherwise)', async () => {
    const { platform, send, state, background } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'unreachable' };
    await background.vpn.checkConnection();
    const restarted = composeBackground(platform);
    await restarted.start();
    expect(await restarted.connection.get()).toMatchObject({ state: 'error', reason: 'gatewayUnreachable' });
  });
});

describe('the daily limit', () => {
  it('tells the user once, also when the browser restarts the same day', async () => {
    const { platform, send, state, background, notifications } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'limit', resetAt: state.clock + 3_600_000 };
    await background.vpn.checkConnection();
    platform.session = memoryArea();
    const restarted = composeBackground(platform);
    await restarted.start();
    await restarted.vpn.checkConnection();
    expect(await restarted.connection.get()).toMatchObject({ state: 'limit' });
    expect(notifications.filter((n) => n.id === 'limit-reached')).toHaveLength(1);
  });

  it('the site line says where traffic really goes: direct when paused, blocked with the kill switch', async () => {
    for (const [killSwitch, route] of [
      [false, 'direct'],
      [true, 'blocked'],
    ] as const) {
      const { send, state, background } = await setup({ killSwitch });
      await send({ type: 'setVpnEnabled', enabled: true });
      state.check = { ok: false, reason: 'limit', resetAt: state.clock + 60_000 };
      await background.vpn.checkConnection();
      expect(await send({ type: 'getSiteRouting', url: 'http://shop.test/' })).toMatchObject({
        ok: true,
        value: { host: 'shop.test', route },
      });
    }
  });

  it('leaves the limit by itself once the reset time has passed', async () => {
    const { send, state, background } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'limit', resetAt: state.clock + 60_000 };
    await background.vpn.checkConnection();
    state.check = { ok: true, exitAddress: '203.0.113.10' };
    state.clock += 60_001;
    expect(await background.vpn.checkConnection()).toMatchObject({ state: 'on' });
  });
});

describe("Rampart's blocked page", () => {
  it('replaces a page the kill switch stopped (limit), and leaves a site failure alone', async () => {
    const { send, state, background, navigations } = await setup({ killSwitch: true });
    await send({ type: 'setVpnEnabled', enabled: true });
    await background.showBlocked(7, 'http://site-down.test/');
    expect(navigations).toEqual([]);
    state.check = { ok: false, reason: 'limit', resetAt: state.clock + 60_000 };
    await background.showBlocked(7, 'http://shop.test/cart?x=1');
    expect(navigations).toEqual([
      {
        tabId: 7,
        url: `${background.platform.extensionOrigin}blocked/index.html?url=${encodeURIComponent('http://shop.test/cart?x=1')}`,
      },
    ]);
  });

  it('does not claim a page that went direct (a "never" rule) while the gateway is down', async () => {
    const { send, state, background, navigations } = await setup({
      killSwitch: true,
      siteRules: [{ pattern: 'direct.test', action: 'never' }],
    });
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'unreachable' };
    await background.showBlocked(3, 'http://direct.test/');
    expect(navigations).toEqual([]);
    await background.showBlocked(3, 'http://routed.test/');
    expect(navigations.map((n) => n.tabId)).toEqual([3]);
  });
});

describe('toolbar button', () => {
  it('follows the state: off, connecting, on, limit, error, and marks web protection off', async () => {
    const { send, state, background, toolbar } = await setup();
    expect(toolbar.at(-1)).toMatchObject({
      icon: 'off',
      badgeText: '',
      marked: false,
      title: 'extName: state_off',
    });
    await background.vpn.dispatch({ type: 'enable' });
    await background.toolbar.refresh();
    expect(toolbar.at(-1)).toMatchObject({ icon: 'off', badgeText: '…', title: 'extName: state_connecting' });
    await send({ type: 'setVpnEnabled', enabled: true });
    await background.toolbar.refresh();
    expect(toolbar.at(-1)).toMatchObject({ icon: 'on', badgeText: '' });
    expect(toolbar.at(-1)?.title).toBe('extName: state_on\n127.0.0.1');
    state.check = { ok: false, reason: 'limit', resetAt: state.clock + 60_000 };
    await background.vpn.checkConnection();
    await background.toolbar.refresh();
    expect(toolbar.at(-1)).toMatchObject({
      icon: 'off',
      badgeText: 'badgeLimit',
      title: 'extName: state_limit\nlimitUnprotectedShort',
    });
    await send({ type: 'setVpnEnabled', enabled: false });
    await send({ type: 'updateSettings', patch: { protectionEnabled: false } });
    await background.toolbar.refresh();
    expect(toolbar.at(-1)).toMatchObject({
      icon: 'off',
      marked: true,
      title: 'extName: state_off\nprotectionOffWarning',
    });
  });

  it('publishes the status each redraw drew from, with the language and the popup’s first frame', async () => {
    const { send, state, background, status } = await setup({ language: 'de' });
    // Read as the popup reads it (`storage.session.get` answers with an object keyed by name).
    const published = async () =>
      publishedIn({ [PUBLISHED_STATUS_KEY]: await background.platform.session.get(PUBLISHED_STATUS_KEY) });
    // The first frame as the popup's own components draw it, in German from the bundled locale files.
    const german = { t: createTranslator(await localeFile('de'), await localeFile('en')), language: 'de' };
    const expected = async () => {
      const current = (await status()) as unknown as ConnectionStatus;
      return { status: current, language: 'de', frame: renderFirstFrame(current, german) };
    };
    // The start drew the button: what it drew is published, and it is what the popup is answered.
    expect(await published()).toEqual(await expected());
    await send({ type: 'setVpnEnabled', enabled: true });
    await background.toolbar.refresh();
    expect(await published()).toEqual(await expected());
    expect((await published())?.status.state).toBe('on');
    expect((await published())?.frame).toMatchObject({ lang: 'de', dir: 'ltr' });
    expect((await published())?.frame?.html).toContain('VPN ist an');
    state.check = { ok: false, reason: 'refused' };
    await background.vpn.checkConnection();
    await background.toolbar.refresh();
    expect(await published()).toMatchObject({
      status: { state: 'error', reason: 'credentialsRefused', vpnEnabled: true },
    });
    expect(await published()).toEqual(await expected());

    // In the browser's language the frame reads in the browser's own messages (here the fake's: their keys).
    await send({ type: 'updateSettings', patch: { language: 'auto' } });
    await background.toolbar.refresh();
    expect(await published()).toMatchObject({ status: await status(), language: 'auto' });
    expect((await published())?.frame?.html).toContain('state_error');
  });

  it('publishes the status without a frame when the chosen language’s file cannot be read', async () => {
    const { send, background, platform, status, toolbar } = await setup({ language: 'de' });
    const readBundled = platform.readBundled;
    platform.readBundled = async (path) => {
      if (path.startsWith('_locales/')) throw new Error('unreadable');
      return readBundled(path);
    };
    await send({ type: 'updateSettings', patch: { language: 'fr' } });
    const drawn = toolbar.length;
    await background.toolbar.refresh();
    const items = { [PUBLISHED_STATUS_KEY]: await background.platform.session.get(PUBLISHED_STATUS_KEY) };
    // The popup's module then draws first, from the file; the toolbar button is drawn all the same.
    expect(publishedIn(items)).toEqual({ status: await status(), language: 'fr' });
    expect(toolbar.length).toBeGreaterThan(drawn);
  });

  it('shows the error with its reason', async () => {
    const { send, state, background, toolbar } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'refused' };
    await background.vpn.checkConnection();
    await background.toolbar.refresh();
    expect(toolbar.at(-1)).toMatchObject({
      icon: 'off',
      badgeText: '!',
      title: 'extName: state_error\nerrorReason_credentialsRefused',
    });
  });
});
