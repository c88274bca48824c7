import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { deviceReportRequest } from '../../../src/api/management';
import { defaultSettings } from '../../../src/settings';
import { backgroundWithAccountApi } from '../../fakes/accountBackground';

const LISTED_DOMAIN = '0-day.us';
const commandId = (n: number) => `00000000-0000-4000-8000-00000000c0${String(n).padStart(2, '0')}`;

async function setup({ link = true } = {}) {
  const fake = await backgroundWithAccountApi();
  const { api, send } = fake;
  if (link) {
    await send({ type: 'signIn', email: 'ann@example.test', password: 'Correct-horse-9', code: '123456' });
  }
  const queue = (n: number, command: Record<string, unknown>) =>
    api.db.commands.push({ id: commandId(n), command, createdAt: new Date(fake.state.clock).toISOString() });
  const lastReport = () => api.db.reports.at(-1)!;
  return { ...fake, queue, lastReport };
}

describe('remote management on the device', () => {
  it('an anonymous device reports nothing', async () => {
    const { background, api } = await setup({ link: false });
    expect(await background.reporter.report()).toEqual({ ok: true, value: 0 });
    expect(api.db.reports).toEqual([]);
  });

  it('reports what the popup shows, in the shape the service accepts', async () => {
    const { background, lastReport } = await setup();
    await background.reporter.report();
    const report = deviceReportRequest.parse(lastReport());
    expect(report.results).toEqual([]);
    expect(report.state).toMatchObject({
      extensionVersion: '9.9.9',
      vpn: { state: 'off', region: 'optimal', exitAddress: null, proxyControlledByOther: false },
      killSwitch: defaultSettings.killSwitch,
      protection: { enabled: true, databaseVersion: 1 },
    });
    // The bundled list counts from when it was built until an update check succeeds.
    const bundled = JSON.parse(await readFile('extension/data/threats/snapshot.json', 'utf8')) as {
      createdAt: string;
    };
    expect(report.state.protection.databaseUpdatedAt).toBe(new Date(bundled.createdAt).toISOString());
  });

  it('an update check that finds the list current makes the database count as fresh', async () => {
    const { background, api, queue, lastReport, state } = await setup();
    const sha256 = (await readFile('extension/data/threats/snapshot.sha256', 'utf8')).trim();
    const handle = api.handle;
    api.handle = (url, init) =>
      url.endsWith('/api/v1/threats/latest')
        ? { status: 200, body: { version: 1, sha256, createdAt: '2026-11-01T00:00:00.000Z' } }
        : handle(url, init);
    queue(1, { type: 'updateDatabases' });
    await background.reporter.report();
    expect(lastReport().results).toEqual([
      { id: commandId(1), outcome: 'done', message: 'commandDatabaseCurrent(1)' },
    ]);
    expect(lastReport().state).toMatchObject({
      protection: { databaseUpdatedAt: new Date(state.clock).toISOString() },
    });
  });

  it('runs a Fix from the portal without asking and reports the result and the new state', async () => {
    const { background, send, queue, api, lastReport } = await setup();
    await send({ type: 'setProtectionEnabled', enabled: false });
    queue(1, { type: 'setProtection', enabled: true });
    expect(await background.reporter.report()).toEqual({ ok: true, value: 1 });
    expect((await background.settings.get()).protectionEnabled).toBe(true);
    expect(lastReport().results).toEqual([
      { id: commandId(1), outcome: 'done', message: 'commandProtectionOn' },
    ]);
    expect(lastReport().state).toMatchObject({ protection: { enabled: true } });
    expect(api.db.commands).toEqual([]);
  });

  it('a result whose report was lost is sent later, and the command is not run twice', async () => {
    const { background, queue, api, lastReport } = await setup();
    queue(1, { type: 'setVpn', enabled: false });
    const handle = api.handle;
    let reports = 0;
    // The first report gets the command; the one carrying its result never arrives.
    api.handle = (url, init) =>
      url.endsWith('/report') && ++reports === 2 ? 'unreachable' : handle(url, init);
    expect((await background.reporter.report()).ok).toBe(false);
    await background.settings.update({ vpnEnabled: true }); // were it run again, this would be undone
    expect(await background.reporter.report()).toEqual({ ok: true, value: 0 });
    expect(lastReport().results).toEqual([{ id: commandId(1), outcome: 'done', message: 'commandVpnOff' }]);
    expect((await background.settings.get()).vpnEnabled).toBe(true);
    expect(api.db.commands).toEqual([]);
  });

  it('checks the open tabs: a listed site gets the warning page, others stay', async () => {
    const { background, queue, state, navigations, lastReport } = await setup();
    state.tabs = [
      { id: 1, url: `http://${LISTED_DOMAIN}/download` },
      { id: 2, url: 'https://clean.example/' },
      { id: 3, url: 'chrome://settings/' },
    ];
    queue(1, { type: 'checkTabs' });
    await background.reporter.report();
    expect(navigations).toEqual([
      { tabId: 1, url: expect.stringContaining(`warning/index.html?url=http://${LISTED_DOMAIN}/download`) },
    ]);
    expect(lastReport().results[0]).toMatchObject({ outcome: 'done', message: 'commandTabsBlocked(2,1)' });
  });

  it('a region change the tier does not allow fails with the reason; update reports the version', async () => {
    const { background, queue, lastReport } = await setup();
    queue(1, { type: 'setRegion', region: 'local' });
    queue(2, { type: 'updateDatabases' });
    expect(await background.reporter.report()).toEqual({ ok: true, value: 2 });
    const results = lastReport().results;
    expect(results[0]).toEqual({ id: commandId(1), outcome: 'failed', message: 'errorRegionLocked' });
    // The fake service has no threat list: the update fails, and says so.
    expect(results[1]).toMatchObject({ id: commandId(2), outcome: 'failed' });
    expect((await background.settings.get()).region).toBe('optimal');
  });

  it('a change made in a page is reported shortly after, once for a burst', async () => {
    const { send, api } = await setup();
    const before = api.db.reports.length;
    await send({ type: 'setProtectionEnabled', enabled: false });
    await send({ type: 'getStatus' });
    await vi.waitFor(() => expect(api.db.reports.length).toBe(before + 1), { timeout: 3000 });
    expect(api.db.reports.at(-1)?.state).toMatchObject({ protection: { enabled: false } });
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(api.db.reports.length).toBe(before + 1);
  });
});
