import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { defaultSettings } from '../../../src/settings';
import { ownPage } from '../../fakes/platform';
import { selfHostedTestGateway, startedBackground } from '../../fakes/startedBackground';

/** The background routing through the user's own gateway (127.0.0.1:3128). */
const setup = (settings: Partial<typeof defaultSettings> = {}) =>
  startedBackground({ ...selfHostedTestGateway, ...settings });

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
      value: {
        host: 'www.news.test',
        site: 'news.test',
        route: 'direct',
        reason: 'siteRule',
        ruleAction: 'never',
        rulePattern: 'news.test',
      },
    });
    expect(lastPac('http://www.news.test/')).toBe('DIRECT');
    expect(lastPac('http://other.test/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    const cleared = await send({ type: 'setSiteRule', host: 'www.news.test', action: null });
    expect(cleared).toMatchObject({ ok: true, value: { route: 'vpn', reason: 'global', ruleAction: null } });
  });

  it('on shared hosting "this site" is the customer\'s site, not the hosting domain', async () => {
    const { send, lastPac, platform } = await setup();
    await send({ type: 'setVpnEnabled', enabled: true });
    const reply = await send({ type: 'setSiteRule', host: 'alice.github.io', action: 'never' });
    expect(reply).toMatchObject({ ok: true, value: { site: 'alice.github.io', route: 'direct' } });
    expect(await platform.local.get('settings')).toMatchObject({
      siteRules: [{ pattern: 'alice.github.io', action: 'never' }],
    });
    expect(lastPac('https://alice.github.io/')).toBe('DIRECT');
    expect(lastPac('https://bob.github.io/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
  });

  it('a one-click rule wins over a more specific rule, and says which one it replaced', async () => {
    const { send, lastPac, platform } = await setup({
      siteRules: [
        { pattern: '*.sticky.test', action: 'always' },
        { pattern: '=api.sticky.test', action: 'always' },
      ],
    });
    const before = await send({ type: 'getSiteRouting', url: 'http://www.sticky.test/' });
    expect(before).toMatchObject({ ok: true, value: { route: 'vpn', rulePattern: '*.sticky.test' } });
    const reply = await send({ type: 'setSiteRule', host: 'www.sticky.test', action: 'never' });
    expect(reply).toMatchObject({
      ok: true,
      value: {
        host: 'www.sticky.test',
        site: 'sticky.test',
        route: 'direct',
        rulePattern: 'sticky.test',
        replaced: [{ pattern: '*.sticky.test', action: 'always' }],
      },
    });
    expect(lastPac('http://www.sticky.test/')).toBe('DIRECT');
    // An exception the user made for another host of the site stays.
    expect(lastPac('http://api.sticky.test/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
    expect(await platform.local.get('settings')).toMatchObject({
      siteRules: [
        { pattern: '=api.sticky.test', action: 'always' },
        { pattern: 'sticky.test', action: 'never' },
      ],
    });
  });

  it('a local host gets no rule: the popup shows why it never goes through the VPN', async () => {
    const { send, platform } = await setup();
    const reply = await send({ type: 'setSiteRule', host: 'intranet', action: 'always' });
    expect(reply).toMatchObject({
      ok: true,
      value: { host: 'intranet', route: 'direct', reason: 'bypass', bypass: 'singleLabel' },
    });
    expect(await platform.local.get('settings')).toMatchObject({ siteRules: [] });
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

  it('only the gateway in use gets the credentials: another of ours is cancelled, a stranger is left alone', async () => {
    const { background, platform } = await setup();
    await platform.local.set('gateways', [
      { id: 'g1', region: 'de', city: 'Frankfurt', host: 'de.gw.test', port: 443, load: 0.2 },
    ]);
    const ask = (requestId: string, host: string, port: number, isProxy = true) =>
      background.answerAuth({ requestId, isProxy, challenger: { host, port } });
    // The self-hosted gateway in use, by host and port.
    expect(await ask('1', '127.0.0.1', 3128)).toEqual({ authCredentials: { username: 'u', password: 'p' } });
    // Same host, another port: not the gateway in use, and not ours.
    expect(await ask('2', '127.0.0.1', 8080)).toEqual({});
    // A proxy that is not ours never sees our credentials; the browser handles it as without Rampart.
    expect(await ask('3', 'other.test', 8080)).toEqual({});
    // A service gateway we are not using now (just switched away): cancelled, never a password prompt.
    expect(await ask('4', 'de.gw.test', 443)).toEqual({ cancel: true });
    // A web server's own authentication is not ours to answer.
    expect(await ask('5', 'site.test', 443, false)).toEqual({});
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
  it('"Use VPN" on mail.google.com: the popup shows the route of that host, which the PAC follows', async () => {
    const { send, lastPac } = await setup({
      categoryActions: { ...defaultSettings.categoryActions, webmail: 'ask' },
    });
    const asked = await send({ type: 'getSiteRouting', url: 'https://mail.google.com/mail/u/0/' });
    expect(asked).toMatchObject({ ok: true, value: { host: 'mail.google.com', route: 'ask' } });
    const reply = await send({ type: 'answerAsk', host: 'mail.google.com', route: 'vpn', remember: false });
    expect(reply).toMatchObject({
      ok: true,
      value: { host: 'mail.google.com', site: 'google.com', route: 'vpn', reason: 'category' },
    });
    expect(lastPac('https://mail.google.com/mail/u/0/')).toBe('PROXY 127.0.0.1:3128; DIRECT');
  });

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
