// Every benchmark, one after another (about 6 minutes; loopback only). Each prints its own figures; the
// README's performance section records them. `npm run bench` (the protection benchmark needs `npm run build`).
import { spawnSync } from 'node:child_process';

const benchmarks = [
  'npm run bench:pac',
  'npm run bench:threats',
  'npx tsx bench/threatImport.ts',
  'npm run bench:api',
  'npm run bench:gateway',
  'npm run bench:protection',
];
for (const command of benchmarks) {
  console.log(`\n== ${command}`);
  const [program, ...args] = command.split(' ');
  const { status } = spawnSync(program, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`${command} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}
