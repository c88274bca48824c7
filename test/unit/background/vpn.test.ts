import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { defaultSettings } from '../../../src/settings';
import { fakePlatform, ownPage } from '../../fakes/platform';
import { pacAnswer } from '../../fakes/pac';

const selfHosted = {
  region: 'self-hosted',
  selfHostedGateway: {
    scheme: 'PROXY' as const,
    host: '127.0.0.1',
    port: 3128,
    username: 'u',
    password: 'p',
  },
};

async function setup(settings: Partial<typeof defaultSettings> = {}) {
  const fake = fakePlatform();
  await fake.platform.local.set('settings', { ...defaultSettings, ...selfHosted, ...settings });
  const background = composeBackground(fake.platform);
  await background.start();
  const lastPac = (url: string) => pacAnswer(fake.applied.at(-1), url);
  return { ...fake, background, lastPac, send: (message: unknown) => background.route(message, ownPage) };
}

describe('VPN in the background', () => {
  it('leaves the browser proxy alone while the VPN is off and no rule needs it', async () => {
    const { applied } = await setup();
    expect(applied).toEqual([{ mode: 'system' }]);
  });

  it('turning the VPN on routes through the gateway, checks it, and protects WebRTC', async () => {
    const { send, lastPac, webRtc } = await setup();
    const reply = await send({ type: 'setVpnEnabled', enabled: true });
    expect(reply).toMatchObject({
      ok: true,
      value: { state: 'on', exitAddress: '203.0.113.10', vpnEnabled: true },
    });
    expect(lastPac('http://site.test/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    expect(lastPac('http://127.0.0.1:8787/api')).toBe('DIRECT');
    expect(webRtc.at(-1)).toBe(true);
  });

  it('with the kill switch there is no DIRECT fallback', async () => {
    const { send, lastPac } = await setup({ killSwitch: true });
    await send({ type: 'setVpnEnabled', enabled: true });
    expect(lastPac('http://site.test/')).toBe('PROXY 127.0.0.1:3128');
  });

  it('a failed check moves on → error and tells the user once', async () => {
    const { send, state, notifications } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'unreachable' };
    const first = await send({ type: 'checkConnection' });
    await send({ type: 'checkConnection' });
    expect(first).toMatchObject({ ok: true, value: { state: 'error', reason: 'gatewayUnreachable' } });
    expect(notifications.map((n) => n.id)).toEqual(['connection-lost']);
  });

  it('notifications speak the language chosen in settings', async () => {
    const { send, state, notifications } = await setup({ language: 'ru' });
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'unreachable' };
    await send({ type: 'checkConnection' });
    expect(notifications).toEqual([
      { id: 'connection-lost', title: 'Соединение Rampart VPN потеряно', message: 'VPN-шлюз недоступен.' },
    ]);
  });

  it('at the daily limit the state is limit and traffic goes direct without the kill switch', async () => {
    const { send, state, lastPac } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'limit', resetAt: Date.parse('2026-11-24T00:00:00Z') };
    const reply = await send({ type: 'checkConnection' });
    expect(reply).toMatchObject({
      ok: true,
      value: { state: 'limit', resetAt: Date.parse('2026-11-24T00:00:00Z') },
    });
    expect(lastPac('http://site.test/')).toBe('SYSTEM');
  });

  it('at the daily limit with the kill switch, protected traffic still fails closed', async () => {
    const { send, state, lastPac } = await setup({ killSwitch: true });
    await send({ type: 'setVpnEnabled', enabled: true });
    state.check = { ok: false, reason: 'limit' };
    await send({ type: 'checkConnection' });
    expect(lastPac('http://site.test/')).toBe('HTTPS kill-switch.rampart.invalid:443');
  });

  it('with the VPN off, an "always" site still goes through the gateway', async () => {
    const { lastPac } = await setup({ siteRules: [{ pattern: 'secure.test', action: 'always' }] });
    expect(lastPac('http://www.secure.test/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    expect(lastPac('http://other.test/')).toBe('DIRECT');
  });

  it('"Disable VPN for this site" from the popup sends that site direct at once', async () => {
    const { send, lastPac } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    const reply = await send({ type: 'setSiteRule', host: 'www.news.test', action: 'never' });
    expect(reply).toEqual({
      ok: true,
      value: { host: 'news.test', route: 'direct', reason: 'siteRule', ruleAction: 'never' },
    });
    expect(lastPac('http://www.news.test/')).toBe('DIRECT');
    expect(lastPac('http://other.test/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    const cleared = await send({ type: 'setSiteRule', host: 'news.test', action: null });
    expect(cleared).toMatchObject({ ok: true, value: { route: 'vpn', reason: 'global', ruleAction: null } });
  });

  it('a category set to "never" goes direct while the VPN is on', async () => {
    const { send, lastPac } = await setup({
      categoryActions: { ...defaultSettings.categoryActions, banks: 'never' },
    });
    await send({ type: 'setVpnEnabled', enabled: true });
    const routing = await send({ type: 'getSiteRouting', url: 'https://www.1822direkt.com/login' });
    expect(routing).toMatchObject({
      ok: true,
      value: { route: 'direct', reason: 'category', category: 'banks' },
    });
    expect(lastPac('https://www.1822direkt.com/login')).toBe('DIRECT');
  });

  it('a restarted worker restores the state and re-applies the same routing first', async () => {
    const { platform, send, applied } = await setup({ killSwitch: true });
    await send({ type: 'setVpnEnabled', enabled: true });
    const before = applied.at(-1);
    const restarted = composeBackground(platform);
    await restarted.start();
    expect(applied.at(-1)).toEqual(before);
    expect(await restarted.route({ type: 'getStatus' }, ownPage)).toMatchObject({
      ok: true,
      value: { state: 'on' },
    });
  });

  it('answers proxy authentication once per request and treats a second challenge as refusal', async () => {
    const { background, send, state } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    const challenge = { requestId: '7', isProxy: true, challenger: { host: '127.0.0.1', port: 3128 } };
    expect(await background.answerAuth(challenge)).toEqual({
      authCredentials: { username: 'u', password: 'p' },
    });
    // The gateway keeps refusing: "Reconnecting…" checks again, then gives up with the reason.
    state.check = { ok: false, reason: 'refused' };
    expect(await background.answerAuth(challenge)).toEqual({ cancel: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await background.vpn.checkConnection();
    expect(await send({ type: 'getStatus' })).toMatchObject({
      ok: true,
      value: { state: 'error', reason: 'credentialsRefused' },
    });
  });

  it('never leaves a proxy challenge to the browser prompt, and ignores server auth', async () => {
    const { background } = await setup();
    expect(
      await background.answerAuth({
        requestId: '1',
        isProxy: true,
        challenger: { host: 'other.test', port: 8080 },
      }),
    ).toEqual({ cancel: true });
    expect(
      await background.answerAuth({
        requestId: '2',
        isProxy: false,
        challenger: { host: 'site.test', port: 443 },
      }),
    ).toEqual({});
  });

  it('free devices may pick only Optimal', async () => {
    const { send, platform } = await setup({ region: 'optimal' });
    await platform.local.set('gateways', [
      { id: 'g1', region: 'de', city: 'Frankfurt', host: 'de.gw.test', port: 443, load: 0.2 },
      { id: 'g2', region: 'nl', city: 'Amsterdam', host: 'nl.gw.test', port: 443, load: 0.1 },
    ]);
    const list = await send({ type: 'listRegions' });
    expect(list).toMatchObject({
      ok: true,
      value: {
        canChoose: false,
        regions: [
          { region: 'de', locked: true },
          { region: 'nl', locked: true },
        ],
      },
    });
    const refused = await send({ type: 'selectRegion', region: 'de' });
    expect(refused).toEqual({ ok: false, error: { code: 'regionLocked', messageKey: 'errorRegionLocked' } });
  });
});

describe('site watcher', () => {
  it('announces once that a category turned the VPN on for a site while it is off', async () => {
    const { background, notifications } = await setup({
      categoryActions: { ...defaultSettings.categoryActions, banks: 'enable' },
    });
    await background.watchSite(1, 'https://www.1822direkt.com/');
    await background.watchSite(2, 'https://1822direkt.com/other');
    await background.watchSite(3, 'https://plain.test/');
    expect(notifications.map((n) => [n.id, n.message])).toEqual([
      ['auto-1822direkt.com', 'notifyAutoMessage(1822direkt.com)'],
    ]);
  });

  it('marks a site waiting for an "ask" answer and prompts once', async () => {
    const { background, notifications, badges, send } = await setup({
      siteRules: [{ pattern: 'ask-me.test', action: 'ask' }],
    });
    await background.watchSite(4, 'http://www.ask-me.test/');
    await background.watchSite(4, 'http://ask-me.test/again');
    expect(badges.get(4)).toBe('?');
    expect(notifications.map((n) => n.id)).toEqual(['ask-ask-me.test']);
    await send({ type: 'answerAsk', host: 'ask-me.test', route: 'vpn', remember: false });
    await background.watchSite(4, 'http://ask-me.test/');
    expect(badges.get(4)).toBe('');
  });
});

describe('ask answers', () => {
  it('an answer without "remember" lasts an hour: routing is recompiled when it runs out', async () => {
    const { send, alarms, state, lastPac, background } = await setup({
      siteRules: [{ pattern: 'ask-me.test', action: 'ask' }],
    });
    await send({ type: 'answerAsk', host: 'ask-me.test', route: 'vpn', remember: false });
    expect(lastPac('http://ask-me.test/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    expect(alarms.get('ask-expiry')).toBe(state.clock + 3_600_000 + 1);
    state.clock += 3_600_001;
    await background.vpn.applyRouting();
    expect(lastPac('http://ask-me.test/')).toBe('DIRECT');
  });
});
