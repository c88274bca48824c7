import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RELEASE_BUILD_VARIABLE, type ReleaseBuild } from './buildConfig.ts';

/** The vite command line script of this project's vite. */
function viteBin(): string {
  return join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
}

/**
 * Runs the extension build (vite.config.ts) in its own process, so that the service URL and the hook switch
 * reach it only through its environment: `import.meta.env` is filled from there at build time.
 */
export async function buildExtension(
  build: ReleaseBuild,
  compiled: { serviceUrl: string; testHooks: boolean },
): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    [RELEASE_BUILD_VARIABLE]: JSON.stringify(build),
    VITE_RAMPART_SERVICE_URL: compiled.serviceUrl,
    VITE_RAMPART_TEST_HOOKS: String(compiled.testHooks),
  };
  const child = spawn(process.execPath, [viteBin(), 'build', '--logLevel', 'warn'], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`The extension build failed (exit code ${code})`);
}
