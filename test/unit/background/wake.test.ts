import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeBackground } from '../../../background/compose';
import { writeStored } from '../../../background/storage/storedValues';
import { defaultSettings, type Settings } from '../../../src/settings';
import { stored } from '../../../src/storage';
import { snapshotSha256, type ThreatSnapshot } from '../../../src/threats';
import { fakePlatform } from '../../fakes/platform';
import { selfHostedTestGateway } from '../../fakes/startedBackground';

const BUNDLED = 'extension/data/threats/snapshot.json';
const FIREFOX_LIMITS = { maxRules: 5_000, maxUnsafeRules: 5_000, maxRegexRules: 1_000 };
const SETTINGS: Partial<Settings> = {
  ...selfHostedTestGateway,
  vpnEnabled: true,
  siteRules: [{ pattern: 'bank.example', action: 'never' }],
  allowList: ['allowed.example'],
};

/** A downloaded list (version 2, one listed domain) with its hash, as the updater stores it. */
async function newerList(now: number) {
  const snapshot: ThreatSnapshot = {
    format: 1,
    version: 2,
    createdAt: new Date(now).toISOString(),
    domains: ['listed.example'],
    urls: [],
    tags: { default: { threat: 'malware', list: 'test' }, overrides: {} },
  };
  return { snapshot, sha256: await snapshotSha256(snapshot) };
}

/**
 * A browser whose worker starts, settles (the connection check answered) and is stopped; `wake` starts a new
 * worker on the same storage, proxy setting and rules, and says what that start asked of the browser.
 */
async function browserWithWorker(dnr: 'static' | 'dynamic' | 'overflowing' = 'static') {
  const fake = fakePlatform();
  // No static ruleset: the whole threat list is compiled into dynamic rules, the most work a start can do;
  // with Firefox's smaller budget some URL entries do not fit and are checked by the background.
  if (dnr !== 'static') fake.platform.dnr.hasBundledRuleset = false;
  if (dnr === 'overflowing') fake.platform.dnr.limits = FIREFOX_LIMITS;
  let listLoads = 0;
  const load = fake.platform.threatLists.load;
  fake.platform.threatLists.load = () => {
    listLoads++;
    return load();
  };
  await fake.platform.local.set('settings', { ...defaultSettings, ...SETTINGS });
  const wake = async () => {
    const before = { proxy: fake.applied.length, rules: fake.dnrUpdates.length, webRtc: fake.webRtc.length };
    listLoads = 0;
    const background = composeBackground(fake.platform);
    await background.start();
    await background.vpn.checkConnection();
    return {
      background,
      proxySets: fake.applied.length - before.proxy,
      ruleUpdates: fake.dnrUpdates.length - before.rules,
      webRtcSets: fake.webRtc.length - before.webRtc,
      listLoads,
    };
  };
  const first = await wake();
  expect(first.proxySets).toBeGreaterThan(0);
  expect(first.ruleUpdates).toBeGreaterThan(0);
  expect(fake.applied.at(-1)?.mode).toBe('pac');
  const editSettings = async (patch: Partial<Settings>) => {
    const current = (await fake.platform.local.get('settings')) as Settings;
    await fake.platform.local.set('settings', { ...current, ...patch });
  };
  return { ...fake, first, wake, editSettings };
}

describe('a woken worker', () => {
  it('with nothing changed sets neither the proxy nor the rules, and does not load the threat list', async () => {
    const browser = await browserWithWorker();
    const pac = browser.applied.at(-1);
    const rules = browser.dnrRules();
    const woken = await browser.wake();
    expect(woken).toMatchObject({ proxySets: 0, ruleUpdates: 0, webRtcSets: 0, listLoads: 0 });
    // What is in force is still what the first worker set, and the new worker reads it the same way.
    expect(browser.applied.at(-1)).toBe(pac);
    expect(browser.dnrRules()).toEqual(rules);
    expect(await woken.background.vpn.decide('bank.example')).toMatchObject({ effective: 'direct' });
    expect(await woken.background.vpn.decide('news.example')).toMatchObject({ effective: 'vpn' });
  });

  it('with the whole list in dynamic rules (no static ruleset) skips it all the same', async () => {
    const browser = await browserWithWorker('dynamic');
    expect(browser.dnrRules().length).toBeGreaterThan(2);
    expect(await browser.wake()).toMatchObject({ proxySets: 0, ruleUpdates: 0, listLoads: 0 });
  });

  it('with URL entries beyond the rule budget compiles the list again: the background checks those itself', async () => {
    const browser = await browserWithWorker('overflowing');
    const beyond = `http://${JSON.parse(await readFile(BUNDLED, 'utf8')).urls.at(-1)}`;
    const woken = await browser.wake();
    expect(woken).toMatchObject({ ruleUpdates: 0, listLoads: 1 });
    expect(await woken.background.protection.beyondRules(beyond)).toBe(true);
  });

  const routingChanges: [
    string,
    (browser: Awaited<ReturnType<typeof browserWithWorker>>) => Promise<void>,
  ][] = [
    ['a site rule', (b) => b.editSettings({ siteRules: [{ pattern: 'shop.example', action: 'never' }] })],
    ['the kill switch', (b) => b.editSettings({ killSwitch: true })],
    [
      'the gateway',
      (b) =>
        b.editSettings({
          selfHostedGateway: { ...selfHostedTestGateway.selfHostedGateway, port: 3129 },
        }),
    ],
    [
      'a category action',
      (b) => b.editSettings({ categoryActions: { ...defaultSettings.categoryActions, banks: 'enable' } }),
    ],
    [
      'an "ask" answer',
      (b) => b.platform.local.set('askAnswers', { 'ask.example': { route: 'vpn', expiresAt: null } }),
    ],
    [
      'the connection state',
      async (b) => {
        const connection = (await b.platform.session.get('connection')) as Record<string, unknown>;
        await b.platform.session.set('connection', { ...connection, state: 'off' });
      },
    ],
    ['the VPN switch', (b) => b.editSettings({ vpnEnabled: false })],
    [
      'another extension taking the proxy setting',
      async (b) => void (b.state.control = 'controlled_by_other_extensions'),
    ],
    ['the build (an update)', async (b) => void (b.platform.extensionVersion = '9.9.10')],
  ];

  it.each(routingChanges)('sets the proxy again after a change of %s', async (_, change) => {
    const browser = await browserWithWorker();
    await change(browser);
    const woken = await browser.wake();
    expect(woken.proxySets).toBeGreaterThan(0);
  });

  it('sets the proxy again when the setting in force is not the PAC it set', async () => {
    const browser = await browserWithWorker();
    const last = browser.applied.at(-1)!;
    // Something else put a PAC of another length in place under our control.
    browser.applied.push({ mode: 'pac', script: `${last.mode === 'pac' ? last.script : ''}\n// other` });
    const woken = await browser.wake();
    expect(woken.proxySets).toBe(1);
    expect(browser.applied.at(-1)).toEqual(last);
  });

  // After the wake the rules are new ones, or (lost ones) the same as before the change.
  const ruleChanges: [
    string,
    (browser: Awaited<ReturnType<typeof browserWithWorker>>) => Promise<void>,
    'new' | 'restored',
  ][] = [
    ['the allow list', (b) => b.editSettings({ allowList: ['allowed.example', 'other.example'] }), 'new'],
    ['web protection turned off', (b) => b.editSettings({ protectionEnabled: false }), 'new'],
    [
      'a proceed allowance',
      (b) => b.platform.local.set('allowances', { 'listed.example': b.state.clock + 60_000 }),
      'new',
    ],
    [
      'the browser losing the rules',
      async (b) => {
        const ids = b.dnrRules().map((rule) => rule.id);
        await b.platform.dnr.updateDynamicRules({ removeRuleIds: ids, addRules: [] });
      },
      'restored',
    ],
    [
      'a downloaded threat list',
      async (b) => {
        // As the updater stores a verified list (`ThreatList.replace`): named first, then stored.
        const { snapshot, sha256 } = await newerList(b.state.clock);
        await writeStored(b.platform, stored.threatListInForce, sha256);
        await b.platform.threatLists.save({ snapshot, sha256, installedAt: b.state.clock });
      },
      'new',
    ],
  ];

  it.each(ruleChanges)('installs the rules again after a change of %s', async (_, change, outcome) => {
    const browser = await browserWithWorker();
    const before = structuredClone(browser.dnrRules());
    await change(browser);
    const woken = await browser.wake();
    expect(woken.ruleUpdates).toBeGreaterThan(0);
    if (outcome === 'restored') expect(browser.dnrRules()).toEqual(before);
    else expect(browser.dnrRules()).not.toEqual(before);
  });

  it('a list named but not stored (a worker stopped in between) costs one full start, then skipping resumes', async () => {
    const browser = await browserWithWorker('dynamic');
    const { sha256 } = await newerList(browser.state.clock);
    // Stopped between naming the new list and storing it: the old one is still what is stored and enforced.
    await writeStored(browser.platform, stored.threatListInForce, sha256);
    const woken = await browser.wake();
    expect(woken.listLoads).toBeGreaterThan(0);
    // The next worker knows the list it enforced and skips again.
    expect(await browser.wake()).toMatchObject({ ruleUpdates: 0, listLoads: 0 });
  });
});
