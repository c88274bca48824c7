// `npm start`: build the extension into dist/ (and dist-firefox/), then run the local services in the foreground.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const build = spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`
Rampart extension built.
  Chrome:  open chrome://extensions, turn on Developer mode, "Load unpacked", choose ${resolve('dist')}
  Firefox: open about:debugging#/runtime/this-firefox, "Load Temporary Add-on", choose ${resolve('dist-firefox', 'manifest.json')}
`);

const server = spawn('npx', ['tsx', 'server/main.ts'], { stdio: 'inherit' });
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('exit', (code) => process.exit(code ?? 0));
