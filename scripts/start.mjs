// `npm start`: build the extension (dist/, dist-firefox/) and the portal, then run the service, portal and a
// local gateway in the foreground (server/stack/main.ts).
import { spawn, spawnSync } from 'node:child_process';

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const stack = spawn('npx', ['tsx', 'server/stack/main.ts'], { stdio: 'inherit' });
const stop = () => stack.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
stack.on('exit', (code) => process.exit(code ?? 0));
