import { describe, expect, it } from 'vitest';
import { deviceReportRequest } from '../../../src/api/management';
import { routes } from '../../../src/api/routes';
import { deviceProblems } from '../../../src/management/problems';
import { BUNDLED_SHA256, BUNDLED_SNAPSHOT } from '../../../background/protection/threatList';
import { backgroundWithAccountApi } from '../../fakes/accountBackground';
import { agedBundledSnapshot } from '../../fakes/agedSnapshot';

const DAY = 86_400_000;

/** A linked device whose bundled threat list was built `days` ago; `reachable` says whether the service answers threat checks. */
async function deviceWithBundledAge(days: number, reachable: boolean) {
  let aged: Awaited<ReturnType<typeof agedBundledSnapshot>> | undefined;
  let release: (() => void) | null = null;
  const held = { hold: false };
  const fake = await backgroundWithAccountApi({}, (f) => {
    // A latest-version answer the test can hold back, to see the check while it runs.
    const fetchJson = f.platform.fetchJson;
    f.platform.fetchJson = async (url, init) => {
      if (held.hold && url.endsWith(routes.threatsLatest.path))
        await new Promise<void>((resolve) => (release = resolve));
      return fetchJson(url, init);
    };
    const read = f.platform.readBundled;
    f.platform.readBundled = async (path) => {
      aged ??= await agedBundledSnapshot(f.state.clock, days);
      if (path === BUNDLED_SNAPSHOT) return aged.text;
      if (path === BUNDLED_SHA256) return aged.sha256;
      return read(path);
    };
  });
  const handle = fake.api.handle;
  fake.api.handle = (url, init) => {
    if (!url.endsWith(routes.threatsLatest.path)) return handle(url, init);
    if (!reachable) return 'unreachable';
    return {
      status: 200,
      body: { version: aged!.snapshot.version, sha256: aged!.sha256, createdAt: aged!.snapshot.createdAt },
    };
  };
  await fake.send({ type: 'signIn', email: 'ann@example.test', password: 'Correct-horse-9', code: '123456' });
  const problemsReported = () => {
    const report = deviceReportRequest.parse(fake.api.db.reports.at(-1));
    return { state: report.state, problems: deviceProblems(report.state, fake.state.clock) };
  };
  /** Lets the held answer go, once the check has really reached the service (it reads the list first). */
  const releaseHeld = async () => {
    while (!release) await new Promise((resolve) => setTimeout(resolve, 5));
    release();
  };
  /**
   * A report collected after the check: a report the sign-in's debounced change started meanwhile (on a slow
   * machine) is joined by `report()` and holds the state from before; the one it queues after it does not.
   */
  const reportNow = async () => {
    await fake.background.reporter.report();
    await fake.background.reporter.report();
  };
  return { ...fake, held, releaseHeld, problemsReported, reportNow };
}

describe('the threat database age after installation', () => {
  it('a 30-day-old bundled list is confirmed current by the check made at install: not outdated', async () => {
    const device = await deviceWithBundledAge(30, true);
    await device.background.checkThreatsNow();
    await device.reportNow();
    const { state, problems } = device.problemsReported();
    expect(problems).toEqual([]);
    expect(state.protection.databaseUpdatedAt).toBe(new Date(device.state.clock).toISOString());

    const status = await device.send({ type: 'getProtectionStatus' });
    expect(status).toMatchObject({
      ok: true,
      value: { databaseUpdatedAt: device.state.clock, check: { state: 'ok', at: device.state.clock } },
    });
  });

  it('with the service unreachable it is reported outdated, 30 days old, and the popup says why', async () => {
    const device = await deviceWithBundledAge(30, false);
    await device.background.checkThreatsNow();
    await device.reportNow();
    const { problems } = device.problemsReported();
    expect(problems).toEqual([{ kind: 'databaseOutdated', ageDays: 30, fix: { type: 'updateDatabases' } }]);

    const status = await device.send({ type: 'getProtectionStatus' });
    expect(status).toMatchObject({
      ok: true,
      value: {
        databaseUpdatedAt: device.state.clock - 30 * DAY,
        check: { state: 'failed', at: device.state.clock, error: { code: 'threatServiceUnreachable' } },
      },
    });
  });

  it('while the check runs the pages see it running, and a page joins it instead of starting another', async () => {
    const device = await deviceWithBundledAge(10, true);
    device.held.hold = true;
    const running = device.background.checkThreatsNow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await device.send({ type: 'getProtectionStatus' })).toMatchObject({
      value: { check: { state: 'checking' } },
    });
    const joined = device.send({ type: 'updateThreats' });
    await device.releaseHeld();
    await running;
    expect(await joined).toMatchObject({ ok: true, value: { updated: false, check: { state: 'ok' } } });
    expect(device.requests.filter((r) => r.url.endsWith(routes.threatsLatest.path))).toHaveLength(1);
  });

  it('the age shown counts from the last confirmation, also after a worker restart', async () => {
    const device = await deviceWithBundledAge(30, true);
    await device.background.checkThreatsNow();
    const confirmedAt = device.state.clock;
    device.state.clock += 2 * DAY;
    const status = await device.send({ type: 'getProtectionStatus' });
    expect(status).toMatchObject({
      value: { databaseUpdatedAt: confirmedAt, check: { state: 'ok', at: confirmedAt } },
    });
  });
});
