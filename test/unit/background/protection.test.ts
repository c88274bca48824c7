import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { ALLOWANCE_ALARM } from '../../../background/protection/protectionService';
import { defaultSettings } from '../../../src/settings';
import { diffSnapshots, snapshotSha256, type ThreatSnapshot } from '../../../src/threats';
import { fakePlatform, ownPage } from '../../fakes/platform';

const LISTED_DOMAIN = '0-day.us';
const FIREFOX_LIMITS = { maxRules: 5_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 };
const LISTED_URL = 'http://github.com/qudette/fluffy-dollop/releases/download/Tag/DesireHack.zip';
const bundled = async (): Promise<ThreatSnapshot> =>
  JSON.parse(await readFile('extension/data/threats/snapshot.json', 'utf8'));

async function setup(
  settings: Partial<typeof defaultSettings> = {},
  browser: 'chrome' | 'firefox' = 'firefox',
) {
  const fake = fakePlatform();
  // Firefox has no static ruleset, so the whole list lives in dynamic rules: the most to check. Its budget
  // is what Firefox reports by default (extensions.dnr.max_number_of_dynamic_rules).
  if (browser === 'firefox') {
    fake.platform.browser = 'firefox';
    fake.platform.dnr.hasBundledRuleset = false;
    fake.platform.dnr.limits = FIREFOX_LIMITS;
  }
  await fake.platform.local.set('settings', { ...defaultSettings, ...settings });
  const background = composeBackground(fake.platform);
  await background.start();
  const send = (message: unknown) => background.route(message, ownPage);
  const allowRule = () => fake.dnrRules().find((rule) => rule.action.type === 'allow');
  return { ...fake, background, send, allowRule };
}

describe('web protection in the background', () => {
  it('enforcements asked at once run one after the other, so no rule is added twice', async () => {
    const { background, dnrRules } = await setup();
    const installed = dnrRules().length;
    expect(installed).toBeGreaterThan(0);
    await Promise.all([background.protection.enforce(), background.protection.enforce()]);
    const ids = dnrRules().map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(installed);
  });

  it('on Chrome the bundled list stays the static ruleset; dynamic rules hold only what the user allowed', async () => {
    const { dnrRules, state, send } = await setup({}, 'chrome');
    expect(state.bundledRuleset.enabled).toBe(true);
    expect(dnrRules()).toEqual([]);
    await send({ type: 'alwaysAllowSite', url: `http://${LISTED_DOMAIN}/` });
    expect(dnrRules().map((rule) => rule.action.type)).toEqual(['allow']);
    await send({ type: 'setProtectionEnabled', enabled: false });
    expect([state.bundledRuleset.enabled, dnrRules()]).toEqual([false, []]);
  });

  it('on Chrome a downloaded list replaces the static ruleset with dynamic rules', async () => {
    const { send, state, dnrRules } = await setup({}, 'chrome');
    const v1 = await bundled();
    const v2: ThreatSnapshot = {
      ...v1,
      version: 2,
      domains: [...v1.domains, 'zzz-new-threat.example'].sort(),
    };
    const delta = await diffSnapshots(v1, v2);
    state.service = (url) =>
      url.endsWith('/latest')
        ? { status: 200, body: { version: 2, sha256: delta.sha256, createdAt: v2.createdAt } }
        : { status: 200, body: delta };
    await send({ type: 'updateThreats' });
    expect(state.bundledRuleset.enabled).toBe(false);
    expect(dnrRules().find((rule) => rule.action.type === 'redirect')?.condition.requestDomains).toContain(
      'zzz-new-threat.example',
    );
  });

  it('without a static ruleset (Firefox) installs the bundled list as dynamic rules at first start', async () => {
    const { dnrRules, send, background } = await setup();
    const redirect = dnrRules().find((rule) => rule.action.type === 'redirect');
    expect(redirect?.condition.requestDomains).toContain(LISTED_DOMAIN);
    expect(redirect?.action).toEqual({
      type: 'redirect',
      redirect: {
        regexSubstitution: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning/index.html?url=\\0',
      },
    });
    // A URL entry is a rule or, beyond the rule budget, caught by the background.
    expect(
      dnrRules().some((rule) => rule.condition.urlFilter?.includes('github.com/qudette/fluffy-dollop')) ||
        (await background.protection.beyondRules(LISTED_URL)),
    ).toBe(true);
    expect(await send({ type: 'getProtectionStatus' })).toMatchObject({
      ok: true,
      value: { enabled: true, listVersion: 1 },
    });
  });

  it("stays within the browser's rule budget; URL entries beyond it are still caught by the background", async () => {
    const { dnrRules, background, send } = await setup();
    expect(dnrRules()).toHaveLength(FIREFOX_LIMITS.maxRules);
    // The first URL entries fill the budget left after the domain rules; the last ones do not fit.
    const { urls } = await bundled();
    const beyondUrl = `http://${urls.at(-1)}`;
    expect(dnrRules().some((rule) => rule.condition.urlFilter?.includes(urls.at(-1)!))).toBe(false);
    expect(await background.protection.beyondRules(beyondUrl)).toBe(true);
    // Covered by a rule, or not listed at all: nothing for the background to do.
    expect(dnrRules().some((rule) => rule.condition.urlFilter?.includes(urls[0]!))).toBe(true);
    expect(await background.protection.beyondRules(`http://${urls[0]}`)).toBe(false);
    expect(await background.protection.beyondRules('http://clean.example/page')).toBe(false);
    // The user's allow-list wins, as the allow rule does for the entries in rules.
    await send({ type: 'alwaysAllowSite', url: beyondUrl });
    expect(await background.protection.beyondRules(beyondUrl)).toBe(false);
    expect(background.protection.warningPageFor(beyondUrl)).toBe(
      `chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning/index.html?url=${beyondUrl}`,
    );
  });

  it('in Chrome a URL entry beyond the rule budget sends its tab to the warning page when the address changes', async () => {
    const { background, navigations, platform } = await setup({}, 'chrome');
    // A list in dynamic rules (as after a download) under a small budget, as on an older Chrome.
    platform.dnr.hasBundledRuleset = false;
    platform.dnr.limits = FIREFOX_LIMITS;
    await background.protection.enforce();
    const { urls } = await bundled();
    const beyondUrl = `http://${urls.at(-1)}`;
    await background.tabAddressChanged(7, beyondUrl);
    expect(navigations.at(-1)).toEqual({
      tabId: 7,
      url: `chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning/index.html?url=${beyondUrl}`,
    });
    const before = navigations.length;
    await background.tabAddressChanged(7, 'http://clean.example/');
    await background.tabAddressChanged(8, `http://${urls[0]}`); // a rule blocks that one already
    expect(navigations).toHaveLength(before);
  });

  it('turning protection off removes every rule, and on restores them', async () => {
    const { dnrRules, send } = await setup();
    const count = dnrRules().length;
    await send({ type: 'setProtectionEnabled', enabled: false });
    expect(dnrRules()).toEqual([]);
    await send({ type: 'setProtectionEnabled', enabled: true });
    expect(dnrRules()).toHaveLength(count);
  });

  it('"Proceed" allows the host until the allowance ends, then blocks again', async () => {
    const { send, allowRule, alarms, state, background } = await setup();
    expect(await send({ type: 'proceedToSite', url: `http://${LISTED_DOMAIN}/x` })).toEqual({
      ok: true,
      value: `http://${LISTED_DOMAIN}/x`,
    });
    expect(allowRule()?.condition.requestDomains).toEqual([LISTED_DOMAIN]);
    expect(alarms.get(ALLOWANCE_ALARM)).toBe(state.clock + 10 * 60 * 1000 + 1);
    state.clock += 10 * 60 * 1000 + 1;
    await background.protection.enforce();
    expect(allowRule()).toBeUndefined();
  });

  it('"Always allow" adds the host to the allow-list that options edits', async () => {
    const { send, allowRule, background } = await setup();
    await send({ type: 'alwaysAllowSite', url: `https://sub.${LISTED_DOMAIN}/page` });
    expect((await background.settings.get()).allowList).toEqual([`sub.${LISTED_DOMAIN}`]);
    expect(allowRule()?.condition.requestDomains).toEqual([`sub.${LISTED_DOMAIN}`]);
    await send({ type: 'updateSettings', patch: { allowList: [] } });
    expect(allowRule()).toBeUndefined();
  });

  it('turns a page blocked by a URL rule into the warning page, and records the detection', async () => {
    const { background, navigations, send, notifications } = await setup();
    expect(await background.protection.onBlockedNavigation(3, LISTED_URL)).toBe(true);
    expect(navigations).toEqual([
      {
        tabId: 3,
        url: `chrome-extension://abcdefghijklmnopabcdefghijklmnop/warning/index.html?url=${LISTED_URL}`,
      },
    ]);
    expect(await background.protection.onBlockedNavigation(3, 'http://github.com/clean/repo')).toBe(false);
    const shown = await send({ type: 'warningShown', url: LISTED_URL });
    expect(shown).toEqual({
      ok: true,
      value: {
        kind: 'url',
        entry: expect.stringContaining('github.com/qudette'),
        threat: 'malware',
        list: expect.any(String),
      },
    });
    expect(notifications.map((n) => n.title)).toEqual(['notifyBlockedTitle']);
    expect(await send({ type: 'getProtectionStatus' })).toMatchObject({ ok: true, value: { detections: 1 } });
  });

  it('applies a verified delta from the service and blocks the new domain at once', async () => {
    const { send, state, dnrRules } = await setup();
    const v1 = await bundled();
    const v2: ThreatSnapshot = {
      ...v1,
      version: 2,
      domains: [...v1.domains, 'zzz-new-threat.example'].sort(),
    };
    const delta = await diffSnapshots(v1, v2);
    const sha = await snapshotSha256(v2);
    state.service = (url) =>
      url.endsWith('/api/v1/threats/latest')
        ? { status: 200, body: { version: 2, sha256: sha, createdAt: v2.createdAt } }
        : url.includes('/api/v1/threats/delta?since=1')
          ? { status: 200, body: delta }
          : { status: 404, body: null };
    expect(await send({ type: 'updateThreats' })).toMatchObject({
      ok: true,
      value: { updated: true, listVersion: 2 },
    });
    const redirect = dnrRules().find((rule) => rule.action.type === 'redirect');
    expect(redirect?.condition.requestDomains).toContain('zzz-new-threat.example');
  });

  it('refuses a corrupt update and keeps enforcing the old list', async () => {
    const { send, state, dnrRules } = await setup();
    const v1 = await bundled();
    const delta = await diffSnapshots(v1, {
      ...v1,
      version: 2,
      domains: [...v1.domains, 'zzz-new-threat.example'].sort(),
    });
    state.service = (url) =>
      url.endsWith('/latest')
        ? { status: 200, body: { version: 2, sha256: 'a'.repeat(64), createdAt: v1.createdAt } }
        : url.includes('/delta')
          ? { status: 200, body: { ...delta, sha256: 'b'.repeat(64) } }
          : { status: 404, body: null };
    const reply = await send({ type: 'updateThreats' });
    expect(reply.ok ? null : reply.error.code).toBe('threatSnapshotHashMismatch');
    expect(await send({ type: 'getProtectionStatus' })).toMatchObject({
      ok: true,
      value: { listVersion: 1 },
    });
    expect(
      dnrRules().find((rule) => rule.action.type === 'redirect')?.condition.requestDomains,
    ).not.toContain('zzz-new-threat.example');
  });

  it('an unreachable service is an error reply, not a thrown one', async () => {
    const { send } = await setup();
    const reply = await send({ type: 'updateThreats' });
    expect(reply.ok ? null : reply.error.code).toBe('threatServiceUnreachable');
  });
});
