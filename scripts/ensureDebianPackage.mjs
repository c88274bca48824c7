// Installs a Debian package when the browser it provides is missing, so `npm test` works on a clean machine
// (CI included). Shared by ensure-chromium.mjs and ensure-firefox.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDebianPackage({ path, pkg, name }) {
  if (existsSync(path)) return;
  console.log(`${name} not found at ${path}; installing Debian's ${pkg} package…`);
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args) => {
    const [command, ...rest] = [...asRoot, ...args];
    execFileSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  };
  try {
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', pkg]);
  } catch (error) {
    console.error(
      `Could not install ${name} (${error.message}). Install the '${pkg}' package and run again.`,
    );
    process.exit(1);
  }
}
