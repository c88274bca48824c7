import { mkdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { zipDirectory } from './archive.ts';
import { lintFirefox, type LintReport } from './lint.ts';
import type { ReleaseOptions } from './options.ts';
import { buildExtension } from './viteBuild.ts';

export interface ReleasePackages {
  version: string;
  chrome: string;
  firefox: string;
  /** Whether the Chrome package carries the bundled threat list as a static ruleset. */
  staticRuleset: boolean;
  firefoxLint: LintReport;
  /** The Firefox add-on id the package carries. */
  firefoxId: string;
}

async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(resolve('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Builds both extensions for one account service into `<releaseDir>/build/`, then writes
 * `rampart-chrome-<version>.zip` and `rampart-firefox-<version>.xpi` next to it. Throws (and removes both)
 * when `web-ext lint` finds errors in the Firefox package.
 */
export async function packageRelease(options: ReleaseOptions): Promise<ReleasePackages> {
  const version = await packageVersion();
  const releaseDir = resolve(options.releaseDir);
  const chromeDir = join(releaseDir, 'build', 'chrome');
  const firefoxDir = join(releaseDir, 'build', 'firefox');
  await mkdir(releaseDir, { recursive: true });
  await buildExtension(
    {
      outDir: chromeDir,
      firefoxOutDir: firefoxDir,
      version,
      portalOrigin: options.portalOrigin,
      keepDevKey: options.keepDevKey,
      extensionId: options.extensionId,
      firefoxId: options.firefoxId,
    },
    { serviceUrl: options.serviceUrl, testHooks: false },
  );
  const manifest = JSON.parse(await readFile(join(chromeDir, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const staticRuleset = manifest.declarative_net_request !== undefined;

  const chrome = join(releaseDir, `rampart-chrome-${version}.zip`);
  const firefox = join(releaseDir, `rampart-firefox-${version}.xpi`);
  await zipDirectory(chromeDir, chrome);
  await zipDirectory(firefoxDir, firefox);
  const firefoxLint = await lintFirefox(firefox);
  if (firefoxLint.errors.length > 0) {
    await Promise.all([rm(chrome), rm(firefox)]);
    const list = firefoxLint.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`).join('\n');
    throw new Error(`web-ext lint found errors in the Firefox package:\n${list}`);
  }
  const firefoxManifest = JSON.parse(await readFile(join(firefoxDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const firefoxId = firefoxManifest.browser_specific_settings.gecko.id;
  return { version, chrome, firefox, staticRuleset, firefoxLint, firefoxId };
}
