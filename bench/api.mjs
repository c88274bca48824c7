// Account service API benchmark on loopback with the embedded PGlite database, bounded (~80 s):
// proxy-credential issuance and the device heartbeat / usage endpoints at a fixed 500 requests per second for
// ~10 s each (latency percentiles), then credential issuance unthrottled (capacity), then gateway usage
// batches. Target: p99 < 20 ms at 500 req/s. autocannon's fixed rate is bursty: each connection sends its share
// of a second back to back when the second starts, so "500 req/s" is 20 requests in flight for about a quarter
// of each second. The 404 row measures that pattern's floor with no database work. Two more rows send the same
// rate evenly spaced (`pacedLoad.mjs`, open loop) for the 404 and for credentials.
//   npm run bench:api            (BENCH_SECONDS=10 BENCH_RATE=500 BENCH_DEVICES=200 to tune)
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pacedLoad } from './pacedLoad.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rate = Number(process.env.BENCH_RATE ?? 500);
const deviceCount = Number(process.env.BENCH_DEVICES ?? 200);
const scratch = mkdtempSync(join(tmpdir(), 'rampart-bench-api-'));

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/api-server.ts'], {
  env: { ...process.env, RAMPART_DATA_DIR: join(scratch, 'pglite'), NODE_ENV: 'production' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => {
  server.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));

const url = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('the account service did not start in 120 s')), 120_000);
  server.stdout.setEncoding('utf8');
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const line = output.split('\n').find((l) => l.startsWith('http://'));
    if (line !== undefined) {
      clearTimeout(timer);
      resolve(line.trim());
    }
  });
  server.on('exit', (code) => reject(new Error(`the account service exited (${code})`)));
});

const post = async (path, body, headers = {}) => {
  const response = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};

// Devices with their access tokens; requests rotate through them like a fleet of browsers would.
const devices = [];
for (let i = 0; i < deviceCount; i += 1) devices.push(await post('/api/v1/devices', { name: `bench ${i}` }));
const today = new Date().toISOString().slice(0, 10);
await post(
  '/api/v1/gateway/usage',
  {
    batchId: 'warm-up',
    gatewayId: 'bench',
    entries: devices.map((d) => ({
      deviceId: d.deviceId,
      accountId: null,
      day: today,
      uploadBytes: 1000,
      downloadBytes: 1000,
    })),
  },
  { 'x-rampart-gateway-secret': 'bench-gateway-secret' },
);

let next = 0;
const asDevice = (request) => {
  const device = devices[next++ % devices.length];
  request.headers = { ...request.headers, authorization: `Bearer ${device.accessToken}` };
  return request;
};

let batch = 0;
const usageBatch = (request) => {
  batch += 1;
  const entries = devices
    .slice(0, 100)
    .map((d) => ({ deviceId: d.deviceId, accountId: null, day: today, uploadBytes: 10, downloadBytes: 90 }));
  request.body = JSON.stringify({ batchId: `bench-${batch}`, gatewayId: 'bench', entries });
  return request;
};

const run = (title, options) =>
  new Promise((resolve, reject) => {
    autocannon({ url, connections: 20, duration: seconds, ...options }, (error, result) => {
      if (error) reject(error);
      else resolve({ title, result });
    });
  });

// Warm-up, not reported: JIT, the database's caches and the connection pool settle before measuring.
await run('warm-up', {
  duration: 3,
  overallRate: rate,
  requests: [{ method: 'POST', path: '/api/v1/vpn/credentials', setupRequest: asDevice }],
});
await run('warm-up', {
  duration: 2,
  overallRate: rate,
  requests: [{ method: 'GET', path: '/api/v1/devices/me', setupRequest: asDevice }],
});

const runs = [
  // The floor on this machine: the same server answering a 404 with no database work (the peer figure).
  await run(`GET /unknown (404, no database) @ ${rate}/s`, {
    overallRate: rate,
    requests: [{ method: 'GET', path: '/unknown' }],
  }),
  await run(`POST /api/v1/vpn/credentials @ ${rate}/s`, {
    overallRate: rate,
    requests: [{ method: 'POST', path: '/api/v1/vpn/credentials', setupRequest: asDevice }],
  }),
  {
    title: `GET /unknown (404, no database) @ ${rate}/s evenly spaced (open loop, node:http)`,
    result: await pacedLoad({ url: `${url}/unknown`, method: 'GET', rate, seconds, headersFor: () => ({}) }),
  },
  {
    title: `POST /api/v1/vpn/credentials @ ${rate}/s evenly spaced (open loop, node:http)`,
    result: await pacedLoad({
      url: `${url}/api/v1/vpn/credentials`,
      method: 'POST',
      rate,
      seconds,
      headersFor: (i) => ({ authorization: `Bearer ${devices[i % devices.length].accessToken}` }),
    }),
  },
  await run(`GET /api/v1/devices/me (heartbeat) @ ${rate}/s`, {
    overallRate: rate,
    requests: [{ method: 'GET', path: '/api/v1/devices/me', setupRequest: asDevice }],
  }),
  await run(`GET /api/v1/devices/me/usage @ ${rate}/s`, {
    overallRate: rate,
    requests: [{ method: 'GET', path: '/api/v1/devices/me/usage', setupRequest: asDevice }],
  }),
  await run('POST /api/v1/vpn/credentials, unthrottled (capacity)', {
    duration: Math.max(3, Math.round(seconds / 2)),
    requests: [{ method: 'POST', path: '/api/v1/vpn/credentials', setupRequest: asDevice }],
  }),
  await run('POST /api/v1/gateway/usage, 100 devices per batch, unthrottled', {
    connections: 4,
    duration: Math.max(3, Math.round(seconds / 2)),
    requests: [
      {
        method: 'POST',
        path: '/api/v1/gateway/usage',
        headers: { 'content-type': 'application/json', 'x-rampart-gateway-secret': 'bench-gateway-secret' },
        setupRequest: usageBatch,
      },
    ],
  }),
];

const ms = (value) => `${value.toFixed(1)} ms`;
const load = (await import('node:os')).loadavg()[0].toFixed(1);
console.log(
  `\nAccount service API on ${url} (${process.env.DATABASE_URL ? 'PostgreSQL via DATABASE_URL' : 'PGlite in a scratch folder'}, ${devices.length} devices, Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs, load average ${load})\n`,
);
console.log('| endpoint | req/s | p50 | p99 | max | non-2xx |');
console.log('|---|---|---|---|---|---|');
for (const { title, result } of runs) {
  console.log(
    `| ${title} | ${Math.round(result.requests.average)} | ${ms(result.latency.p50)} | ${ms(result.latency.p99)} | ${ms(result.latency.max)} | ${result.non2xx + result.errors} |`,
  );
}
const [, credentials, , evenly] = runs;
const p99 = credentials.result.latency.p99;
console.log(
  `\nCredential issuance p99 at ${rate} req/s (autocannon): ${ms(p99)} (target < 20 ms): ${p99 < 20 ? 'met' : 'NOT met'}; evenly spaced: ${ms(evenly.result.latency.p99)}`,
);
process.exit(0);
