// Installs Debian's Chromium when it is missing, so `npm test` works on a clean machine (CI included).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

console.log(`Chromium not found at ${chromium}; installing Debian's chromium package…`);
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
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
} catch (error) {
  console.error(
    `Could not install Chromium (${error.message}). Install the 'chromium' package and run again.`,
  );
  process.exit(1);
}
