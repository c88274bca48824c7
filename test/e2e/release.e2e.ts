import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionIdFromKey } from '../../scripts/bundledThreatRules';
import { releaseEnvSchema } from '../../scripts/release/options';
import { packageRelease } from '../../scripts/release/packageRelease';
import { readArchive } from '../integration/release/packageFiles';
import { launchWithExtension, waitFor, type ExtensionBrowser } from './harness/browser';
import { sendFromPage } from './harness/extensionPages';
import { startTestStack, type TestStack } from './harness/stack';

// The packaged Chrome extension, not dist/: built by `npm run package` for the test service, unzipped and
// loaded as a store would install it (no key, so Chrome gives it an id of its own).
const ANONYMOUS_DAILY_BYTES = 123_000_000;

let dir: string;
let stack: TestStack;
let ext: ExtensionBrowser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-release-e2e-'));
  stack = await startTestStack({ anonymousDailyBytes: ANONYMOUS_DAILY_BYTES });
  const options = releaseEnvSchema.parse({ RAMPART_SERVICE_URL: stack.serviceUrl, RAMPART_RELEASE_DIR: dir });
  const packages = await packageRelease(options);
  const unpacked = join(dir, 'unpacked');
  for (const [path, content] of await readArchive(packages.chrome)) {
    await mkdir(dirname(join(unpacked, path)), { recursive: true });
    await writeFile(join(unpacked, path), content);
  }
  ext = await launchWithExtension({ extensionPath: unpacked });
}, 120_000);

afterAll(async () => {
  await ext?.close();
  await stack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the packaged Chrome extension', () => {
  it('runs under an id of its own, not the development key’s', async () => {
    const source = JSON.parse(await readFile('manifest.json', 'utf8')) as { key: string };
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.extensionId).not.toBe(extensionIdFromKey(source.key));
  });

  it('talks to the service compiled into it: the device gets the service’s anonymous allowance', async () => {
    const options = await ext.openPage('options/index.html');
    await options.waitForSelector('#kill-switch');
    await waitFor(async () => {
      const reply = await sendFromPage<{ ok: boolean; value?: { dailyLimitBytes?: number | null } }>(
        options,
        {
          type: 'getAccount',
        },
      );
      return reply.ok && reply.value?.dailyLimitBytes === ANONYMOUS_DAILY_BYTES;
    }, 'the account status from the test service');
  });

  it('refuses to be pointed at another service (no test hooks)', async () => {
    const options = await ext.openPage('options/index.html');
    await options.waitForSelector('#kill-switch');
    const reply = await sendFromPage<{ ok: boolean; error?: { code: string } }>(options, {
      type: 'useTestService',
      url: 'http://127.0.0.1:9/',
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('installs the bundled threat list as dynamic rules that redirect to its own warning page', async () => {
    const worker = await ext.serviceWorker();
    if (!worker) throw new Error('no service worker');
    const redirects = async () =>
      worker.evaluate(async () =>
        (await chrome.declarativeNetRequest.getDynamicRules())
          .map((rule) => rule.action.redirect?.regexSubstitution)
          .filter((target): target is string => target !== undefined),
      );
    await waitFor(async () => (await redirects()).length > 0, 'the dynamic threat rules', 30_000);
    for (const target of await redirects())
      expect(target).toBe(`chrome-extension://${ext.extensionId}/warning/index.html?url=\\0`);
    const enabled = await worker.evaluate(() => chrome.declarativeNetRequest.getEnabledRulesets());
    expect(enabled).toEqual([]);
  });
});
