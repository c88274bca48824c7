import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_BUILD_NOTICE } from '../../../background/vpn/serviceLink';
import { releaseEnvSchema } from '../../../scripts/release/options';
import { packageRelease, type ReleasePackages } from '../../../scripts/release/packageRelease';
import { buildExtension } from '../../../scripts/release/viteBuild';
import { backgroundCode, readArchive, readBuild } from './packageFiles';

// `npm run package` for one service, end to end: build, zip, lint, then what a store would unpack.
const SERVICE_URL = 'https://vpn.release-check.example:8443';
const PORTAL_PATTERN = 'https://vpn.release-check.example/*';
const STORE_ID = 'abcdefghijklmnopabcdefghijklmnop';
const FIREFOX_ID = 'vpn@release-check.example';

interface Manifest {
  version: string;
  key?: string;
  background: { service_worker?: string; scripts?: string[] };
  externally_connectable?: { matches: string[] };
  content_scripts?: { matches: string[]; js: string[] }[];
  declarative_net_request?: unknown;
  browser_specific_settings?: { gecko?: { id?: string } };
}

const manifestOf = (files: Map<string, Buffer>) =>
  JSON.parse(files.get('manifest.json')?.toString('utf8') ?? 'null') as Manifest;

let dir: string;
let packages: ReleasePackages;
let chrome: Map<string, Buffer>;
let firefox: Map<string, Buffer>;
let packageJsonVersion: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rampart-release-'));
  packageJsonVersion = (JSON.parse(await readFile('package.json', 'utf8')) as { version: string }).version;
  const options = releaseEnvSchema.parse({
    RAMPART_SERVICE_URL: `${SERVICE_URL}/`,
    RAMPART_RELEASE_DIR: dir,
    RAMPART_FIREFOX_ID: FIREFOX_ID,
  });
  packages = await packageRelease(options);
  [chrome, firefox] = await Promise.all([readArchive(packages.chrome), readArchive(packages.firefox)]);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run package', () => {
  it('names both packages after the version in package.json, which their manifests carry', () => {
    expect(basename(packages.chrome)).toBe(`rampart-chrome-${packageJsonVersion}.zip`);
    expect(basename(packages.firefox)).toBe(`rampart-firefox-${packageJsonVersion}.xpi`);
    expect(manifestOf(chrome).version).toBe(packageJsonVersion);
    expect(manifestOf(firefox).version).toBe(packageJsonVersion);
  });

  it('compiles the service URL into both backgrounds, and not the development one', () => {
    const chromeBackground = backgroundCode(chrome, manifestOf(chrome).background.service_worker ?? '');
    const firefoxBackground = backgroundCode(firefox, manifestOf(firefox).background.scripts?.[0] ?? '');
    for (const code of [chromeBackground, firefoxBackground]) {
      // As a whole string literal: exactly the origin, with no path or slash after it.
      expect(code).toMatch(new RegExp(`[\`"']${SERVICE_URL.replaceAll('.', '\\.')}[\`"']`));
      expect(code).not.toContain('127.0.0.1:8787');
    }
  });

  it('lets only the portal origin talk to the extension: externally_connectable and the Firefox relay', () => {
    expect(manifestOf(chrome).externally_connectable).toEqual({ matches: [PORTAL_PATTERN] });
    const relays = manifestOf(firefox).content_scripts ?? [];
    expect(relays.map((script) => script.matches)).toEqual([[PORTAL_PATTERN]]);
    expect(firefox.has(relays[0]?.js[0] ?? '')).toBe(true);
    expect(manifestOf(firefox).externally_connectable).toBeUndefined();
  });

  it('carries no development key, hence no static ruleset naming an id it does not have', () => {
    for (const files of [chrome, firefox]) {
      expect(manifestOf(files).key).toBeUndefined();
      expect(manifestOf(files).declarative_net_request).toBeUndefined();
      expect(files.has('data/threats/rules.json')).toBe(false);
      expect(files.has('data/threats/snapshot.json')).toBe(true);
    }
    expect(packages.staticRuleset).toBe(false);
  });

  it('leaves the test hooks out: the code only a test build contains is absent', () => {
    for (const files of [chrome, firefox]) {
      const everything = [...files.values()].map((file) => file.toString('utf8')).join('\n');
      expect(everything).not.toContain(TEST_BUILD_NOTICE);
    }
  });

  it("carries the operator's Firefox add-on id, not the source manifest's placeholder", () => {
    expect(manifestOf(firefox).browser_specific_settings?.gecko?.id).toBe(FIREFOX_ID);
    expect(packages.firefoxId).toBe(FIREFOX_ID);
    expect(manifestOf(chrome).browser_specific_settings).toBeUndefined();
  });

  it('passes web-ext lint on the Firefox package', () => {
    expect(packages.firefoxLint.errors).toEqual([]);
  });
});

describe('the build the release check compares with', () => {
  it('a test build with a store id has the hook code and a static ruleset redirecting to that id', async () => {
    const outDir = join(dir, 'control', 'chrome');
    await buildExtension(
      {
        outDir,
        firefoxOutDir: join(dir, 'control', 'firefox'),
        version: packageJsonVersion,
        portalOrigin: SERVICE_URL,
        keepDevKey: false,
        extensionId: STORE_ID,
        firefoxId: null,
      },
      { serviceUrl: SERVICE_URL, testHooks: true },
    );
    const files = await readBuild(outDir);
    const manifest = manifestOf(files);
    expect(backgroundCode(files, manifest.background.service_worker ?? '')).toContain(TEST_BUILD_NOTICE);
    expect(manifest.key).toBeUndefined();
    expect(manifest.declarative_net_request).toBeDefined();
    expect(files.get('data/threats/rules.json')?.toString('utf8')).toContain(
      `chrome-extension://${STORE_ID}/warning/index.html`,
    );
  }, 60_000);
});
