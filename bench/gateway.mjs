// Gateway benchmark, loopback only, bounded in time (well under two minutes): throughput of a large transfer
// through plain HTTP proxying and through a CONNECT tunnel, and CONNECT tunnels per second, for the Rampart
// gateway (TLS and plain) side by side with Debian's tinyproxy (plain) as the peer, in the same run.
//   npm run bench:gateway            (BENCH_MB=200 BENCH_ROUNDS=5 BENCH_TUNNEL_SECONDS=2 to tune)
// The gateway runs as in production, one worker per core (BENCH_GATEWAY_WORKERS to change it); its CPU is
// that of the primary and all its workers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { register } from 'tsx/esm/api';

register();
const { generateCredentialKeys, publicKeyToPem, signProxyCredential } =
  await import('../server/credentials/index.ts');
const { newProxyCredentialPayload } = await import('../src/api/proxyCredential.ts');

const MB = 1024 * 1024;
const transferMb = Number(process.env.BENCH_MB ?? 200);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const tunnelSeconds = Number(process.env.BENCH_TUNNEL_SECONDS ?? 2);
// e.g. BENCH_GATEWAY_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/gateway-profiles' to profile the gateways.
const gatewayNodeArgs = (process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const tunnelConcurrency = 16;
const tunnelRounds = 3;
const children = [];
const scratch = mkdtempSync(join(tmpdir(), 'rampart-bench-'));

const stopAll = () => {
  for (const child of children) child.kill('SIGTERM');
  rmSync(scratch, { recursive: true, force: true });
};
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

/** Starts a child process and resolves with the first stdout line that `ready` recognises. */
const startChild = (command, args, env, ready) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 20_000);
    const onData = (data) => {
      output += data;
      const found = ready(output);
      if (found !== undefined) {
        clearTimeout(timer);
        resolve({ value: found, pid: child.pid });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${command} exited with ${code}:\n${output}`)));
  });

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

// --- the peers --------------------------------------------------------------------------------------------

const { value: origin } = await startChild(process.execPath, ['bench/gatewayOrigin.mjs'], {}, (out) => {
  const match = /\{"port":(\d+)\}/.exec(out);
  return match ? Number(match[1]) : undefined;
});

// The gateway reports usage as in production: to a sink standing in for the account service.
const sink = http.createServer((request, response) =>
  request.resume().on('end', () => response.writeHead(204).end()),
);
await new Promise((resolve) => sink.listen(0, '127.0.0.1', resolve));

const keys = generateCredentialKeys();
const token = signProxyCredential(
  newProxyCredentialPayload(
    { deviceId: 'bench', accountId: null, tier: 'unlimited', dailyLimitBytes: null, keyId: keys.keyId },
    Date.now(),
  ),
  keys.privateKey,
);

const startGatewayProcess = (tlsOn) =>
  startChild(
    process.execPath,
    [...gatewayNodeArgs, '--import', 'tsx', 'server/gateway/main.ts'],
    {
      GATEWAY_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      GATEWAY_TLS: tlsOn ? 'on' : 'off',
      CREDENTIAL_PUBLIC_KEY: publicKeyToPem(keys.publicKey),
      ALLOW_PRIVATE_DESTINATIONS: '1',
      ACCOUNT_URL: `http://127.0.0.1:${sink.address().port}`,
      GATEWAY_SECRET: 'bench',
      GATEWAY_METRICS_PORT: '0',
      ...(process.env.BENCH_GATEWAY_WORKERS === undefined
        ? {}
        : { GATEWAY_WORKERS: process.env.BENCH_GATEWAY_WORKERS }),
    },
    (out) => {
      const match = /listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      return match ? Number(match[1]) : undefined;
    },
  );

const hasTinyproxy = spawnSync('tinyproxy', ['-v']).status === 0;
const startTinyproxy = async () => {
  const port = await freePort();
  const config = join(scratch, 'tinyproxy.conf');
  // Same job as the gateway: Basic auth required, no CONNECT port restriction, nothing logged per request.
  writeFileSync(
    config,
    [
      `Port ${port}`,
      'Listen 127.0.0.1',
      'Timeout 600',
      'MaxClients 256',
      'Allow 127.0.0.1',
      'BasicAuth bench secret',
      'DisableViaHeader Yes',
      'LogLevel Critical',
      `LogFile "${join(scratch, 'tinyproxy.log')}"`,
      `PidFile "${join(scratch, 'tinyproxy.pid')}"`,
      ...(process.getuid?.() === 0 ? ['User nobody', 'Group nogroup'] : []),
      '',
    ].join('\n'),
  );
  const child = spawn('tinyproxy', ['-d', '-c', config], { stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 100; i += 1) {
    const up = await new Promise((resolve) => {
      const probe = net.connect(port, '127.0.0.1', () => {
        probe.destroy();
        resolve(true);
      });
      probe.on('error', () => resolve(false));
    });
    if (up) return { value: port, pid: child.pid };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('tinyproxy did not start');
};

const proxies = [];
if (hasTinyproxy) {
  const { value: port, pid } = await startTinyproxy();
  proxies.push({ name: 'tinyproxy 1.11 (plain)', port, pid, tls: false, auth: 'bench:secret' });
} else {
  console.log(
    'tinyproxy is not installed: the peer figures are skipped. Install it with: sudo apt-get install -y tinyproxy',
  );
}
for (const tlsOn of [false, true]) {
  const { value: port, pid } = await startGatewayProcess(tlsOn);
  proxies.push({
    name: `Rampart gateway (${tlsOn ? 'TLS, HTTP/1.1' : 'plain'})`,
    port,
    pid,
    tls: tlsOn,
    auth: `bench:${token}`,
  });
  // The same TLS gateway as Chromium and Firefox ESR use it: ALPN h2, every tunnel a stream of one connection.
  if (tlsOn) proxies.push({ ...proxies.at(-1), name: 'Rampart gateway (TLS, HTTP/2)', h2: true });
}

// --- the client: raw sockets, so the load generator costs as little as possible -----------------------------

const sessions = new Map();
const dial = (proxy) =>
  new Promise((resolve, reject) => {
    const socket = proxy.tls
      ? tls.connect({
          host: '127.0.0.1',
          port: proxy.port,
          rejectUnauthorized: false, // the bench gateway's self-signed certificate
          session: sessions.get(proxy.port),
          noDelay: true,
        })
      : net.connect({ port: proxy.port, host: '127.0.0.1', noDelay: true });
    // Browsers resume TLS sessions to their proxy and disable Nagle; so does this client.
    if (proxy.tls) socket.on('session', (session) => sessions.set(proxy.port, session));
    socket.once(proxy.tls ? 'secureConnect' : 'connect', () => resolve(socket));
    socket.once('error', reject);
  });

const authHeader = (proxy) => `Proxy-Authorization: Basic ${Buffer.from(proxy.auth).toString('base64')}\r\n`;

/**
 * Reads one HTTP response from `socket`: resolves with its status and body size once Content-Length bytes
 * arrived. `onHead` may stop early (CONNECT answers have no body).
 */
const readResponse = (socket, { headOnly = false } = {}) =>
  new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    let status = 0;
    let expected = -1;
    let received = 0;
    const finish = () => {
      socket.off('data', onData);
      resolve({ status, bytes: received });
    };
    const onData = (data) => {
      if (expected < 0) {
        head = Buffer.concat([head, data]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const text = head.subarray(0, end).toString('latin1');
        status = Number(text.slice(9, 12));
        expected = headOnly ? 0 : Number(/\r\ncontent-length:\s*(\d+)/i.exec(text)?.[1] ?? 0);
        received = head.length - end - 4;
      } else {
        received += data.length;
      }
      if (received >= expected) finish();
    };
    socket.on('data', onData);
    socket.once('error', reject);
    socket.once('end', () =>
      expected >= 0 ? finish() : reject(new Error('connection closed before a response')),
    );
  });

const target = `127.0.0.1:${origin}`;

// HTTP/2 as the browsers speak it to the gateway: one connection per proxy, receive windows as Chromium sets
// them (6 MB a stream, 15 MB the connection), every tunnel and request a stream.
const h2Sessions = new Map();
const h2Session = (proxy) => {
  const known = h2Sessions.get(proxy.port);
  if (known !== undefined && !known.destroyed) return known;
  const session = http2.connect(`https://127.0.0.1:${proxy.port}`, {
    rejectUnauthorized: false, // the bench gateway's self-signed certificate
    settings: { initialWindowSize: 6 * MB },
  });
  session.on('connect', () => session.setLocalWindowSize(15 * MB));
  session.on('error', () => h2Sessions.delete(proxy.port));
  h2Sessions.set(proxy.port, session);
  return session;
};
const h2Auth = (proxy) => ({ 'proxy-authorization': `Basic ${Buffer.from(proxy.auth).toString('base64')}` });
const h2Status = (stream) =>
  new Promise((resolve, reject) => {
    stream.once('response', (headers) => resolve(Number(headers[':status'])));
    stream.once('error', reject);
  });
/** A CONNECT stream stands in for a socket; see closeTunnel. */
const h2Tunnel = async (proxy) => {
  const stream = h2Session(proxy).request({ ':method': 'CONNECT', ':authority': target, ...h2Auth(proxy) });
  const status = await h2Status(stream);
  if (status !== 200) throw new Error(`${proxy.name}: CONNECT refused (${status})`);
  return stream;
};
const h2Get = async (proxy, path) => {
  const stream = h2Session(proxy).request({
    ':method': 'GET',
    ':scheme': 'http',
    ':authority': target,
    ':path': path,
    ...h2Auth(proxy),
  });
  stream.end();
  const status = await h2Status(stream);
  let bytes = 0;
  await new Promise((resolve, reject) => {
    stream.on('data', (chunk) => (bytes += chunk.length));
    stream.once('end', resolve);
    stream.once('error', reject);
  });
  return { status, bytes };
};

const plainTransfer = async (proxy, bytes) => {
  if (proxy.h2) {
    const started = process.hrtime.bigint();
    const response = await h2Get(proxy, `/bytes/${bytes}`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (response.status !== 200 || response.bytes < bytes)
      throw new Error(`${proxy.name}: HTTP transfer failed (${response.status})`);
    return bytes / MB / seconds;
  }
  const socket = await dial(proxy);
  const started = process.hrtime.bigint();
  socket.write(`GET http://${target}/bytes/${bytes} HTTP/1.1\r\nHost: ${target}\r\n${authHeader(proxy)}\r\n`);
  const response = await readResponse(socket);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  socket.destroy();
  if (response.status !== 200 || response.bytes < bytes)
    throw new Error(`${proxy.name}: HTTP transfer failed (${response.status})`);
  return bytes / MB / seconds;
};

const openTunnel = async (proxy) => {
  if (proxy.h2) return h2Tunnel(proxy);
  const socket = await dial(proxy);
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${authHeader(proxy)}\r\n`);
  const answer = await readResponse(socket, { headOnly: true });
  if (answer.status !== 200) throw new Error(`${proxy.name}: CONNECT refused (${answer.status})`);
  return socket;
};

/**
 * Done with a tunnel whose destination answered: a TCP client closes its socket; an HTTP/2 client ends its
 * side of the stream (the gateway ended its side when the destination closed). Resetting every stream instead
 * would trip nghttp2's Rapid Reset guard (CVE-2023-44487: more than 1,000 resets at over 33 a second end the
 * connection), which a benchmark loop reaches within seconds.
 */
const closeTunnel = (proxy, socket) => (proxy.h2 ? socket.end() : socket.destroy());

const tunnelTransfer = async (proxy, bytes) => {
  const started = process.hrtime.bigint();
  const socket = await openTunnel(proxy);
  socket.write(`GET /bytes/${bytes} HTTP/1.1\r\nHost: ${target}\r\n\r\n`);
  const response = await readResponse(socket);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeTunnel(proxy, socket);
  if (response.status !== 200 || response.bytes < bytes)
    throw new Error(`${proxy.name}: tunnel transfer failed`);
  return bytes / MB / seconds;
};

/** Each worker opens a tunnel, makes one small request through it, closes it, and starts over. */
const tunnelsPerSecond = async (proxy, seconds) => {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const socket = await openTunnel(proxy);
      socket.write(`GET / HTTP/1.1\r\nHost: ${target}\r\nConnection: close\r\n\r\n`);
      const response = await readResponse(socket);
      closeTunnel(proxy, socket);
      if (response.status === 200) done += 1;
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: tunnelConcurrency }, worker));
  return done / ((Date.now() - started) / 1000);
};

/** /proc/PID/stat fields after the command name: [1] is the parent, [11] and [12] user and system ticks. */
const statOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  } catch {
    return undefined;
  }
};
/** CPU seconds a proxy has used so far (user + system, all threads of it and of its child processes), from /proc. */
const cpuSeconds = (pid) => {
  const fields = statOf(pid);
  if (fields === undefined) return Number.NaN;
  let ticks = Number(fields[11]) + Number(fields[12]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = statOf(entry);
    if (child !== undefined && Number(child[1]) === pid) ticks += Number(child[11]) + Number(child[12]);
  }
  return ticks / 100;
};
/** Runs `measure` and adds the proxy's CPU time spent during it to `cpu`. */
const withCpu = async (proxy, cpu, measure) => {
  const before = cpuSeconds(proxy.pid);
  const figure = await measure();
  cpu.push(cpuSeconds(proxy.pid) - before);
  return figure;
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// --- the run: proxies interleaved round by round, so background load hits all of them alike -----------------

const bytes = transferMb * MB;
const results = new Map(
  proxies.map((proxy) => [
    proxy.name,
    { http: [], connect: [], tunnels: [], httpCpu: [], connectCpu: [], tunnelCpu: [] },
  ]),
);
const benchStarted = Date.now();
for (const proxy of proxies) await plainTransfer(proxy, 8 * MB); // warm-up
for (let round = 0; round < rounds; round += 1) {
  for (const proxy of proxies) {
    const figures = results.get(proxy.name);
    figures.http.push(await withCpu(proxy, figures.httpCpu, () => plainTransfer(proxy, bytes)));
    figures.connect.push(await withCpu(proxy, figures.connectCpu, () => tunnelTransfer(proxy, bytes)));
  }
}
for (let round = 0; round < tunnelRounds; round += 1) {
  for (const proxy of proxies) {
    const figures = results.get(proxy.name);
    figures.tunnels.push(
      await withCpu(proxy, figures.tunnelCpu, () => tunnelsPerSecond(proxy, tunnelSeconds)),
    );
  }
}

const peer = hasTinyproxy ? results.get(proxies[0].name) : undefined;
const ratio = (mine, theirs) =>
  theirs === undefined ? '' : ` (${(median(mine) / median(theirs)).toFixed(2)}x)`;
const sum = (values) => values.reduce((a, b) => a + b, 0);
const rows = proxies.map((proxy) => {
  const figures = results.get(proxy.name);
  const isPeer = peer !== undefined && proxy === proxies[0];
  const transferredGb = (rounds * transferMb) / 1024;
  const tunnelsMade = sum(figures.tunnels) * tunnelSeconds;
  return [
    proxy.name,
    `${median(figures.http).toFixed(0)}${isPeer ? '' : ratio(figures.http, peer?.http)}`,
    `${median(figures.connect).toFixed(0)}${isPeer ? '' : ratio(figures.connect, peer?.connect)}`,
    `${median(figures.tunnels).toFixed(0)}${isPeer ? '' : ratio(figures.tunnels, peer?.tunnels)}`,
    `${(sum(figures.httpCpu) / transferredGb).toFixed(2)} / ${(sum(figures.connectCpu) / transferredGb).toFixed(2)}`,
    ((sum(figures.tunnelCpu) * 1000) / tunnelsMade).toFixed(2),
  ];
});
const header = [
  'proxy',
  `HTTP ${transferMb} MB (MB/s)`,
  `CONNECT ${transferMb} MB (MB/s)`,
  'CONNECT tunnels/s',
  'proxy CPU s/GB (HTTP / CONNECT)',
  'proxy CPU ms/tunnel',
];
const widths = header.map((title, column) =>
  Math.max(title.length, ...rows.map((row) => row[column].length)),
);
const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
console.log(
  `\nGateway benchmark: loopback; median of ${rounds} interleaved rounds of each transfer and of ${tunnelRounds} × ${tunnelSeconds} s of ${tunnelConcurrency} concurrent tunnel clients;`,
);
console.log(
  `node ${process.version}, ${(await import('node:os')).cpus().length} CPUs, load average ${(await import('node:os')).loadavg()[0].toFixed(1)}, ` +
    `gateway workers ${process.env.BENCH_GATEWAY_WORKERS ?? (await import('node:os')).availableParallelism()};`,
);
console.log(
  `${peer === undefined ? '' : 'ratios are against tinyproxy; '}proxy CPU is what the proxy's own processes used (lower is better).\n`,
);
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));

// Per core: work done per CPU-second the proxy spent (its own processes only), which does not depend on how
// many cores the machine has or how busy the other processes keep them.
const perCpu = (figures) => {
  const transferredMb = rounds * transferMb;
  return {
    http: transferredMb / sum(figures.httpCpu),
    connect: transferredMb / sum(figures.connectCpu),
    tunnels: (sum(figures.tunnels) * tunnelSeconds) / sum(figures.tunnelCpu),
  };
};
const x = (a, b) => `${(a / b).toFixed(2)}x`;
const plain = results.get('Rampart gateway (plain)');
console.log('\nRatios (medians of this run):');
if (peer !== undefined) {
  const theirs = perCpu(peer);
  for (const proxy of proxies.slice(1)) {
    const figures = results.get(proxy.name);
    const ours = perCpu(figures);
    console.log(
      `- ${proxy.name} against tinyproxy: HTTP ${x(median(figures.http), median(peer.http))}, CONNECT ${x(median(figures.connect), median(peer.connect))}, ` +
        `tunnels/s ${x(median(figures.tunnels), median(peer.tunnels))}; per core (per proxy CPU-second): ` +
        `HTTP ${x(ours.http, theirs.http)}, CONNECT ${x(ours.connect, theirs.connect)}, tunnels ${x(ours.tunnels, theirs.tunnels)}`,
    );
  }
}
for (const proxy of proxies.filter((entry) => entry.tls)) {
  const figures = results.get(proxy.name);
  console.log(
    `- ${proxy.name} against the gateway's own plain mode: tunnels/s ${x(median(figures.tunnels), median(plain.tunnels))}, ` +
      `per core ${x(perCpu(figures).tunnels, perCpu(plain).tunnels)}`,
  );
}
console.log(`\n(${((Date.now() - benchStarted) / 1000).toFixed(0)} s)`);
sink.close();
process.exit(0);
