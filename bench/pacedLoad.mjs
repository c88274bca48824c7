// An evenly spaced request rate (open loop), which autocannon does not offer: its fixed rate sends each
// connection's share of a second back to back. Requests are due every 1000/rate ms whatever the answers do, and
// each latency is counted from when its request was due, so a stall (or a late timer here) counts against every
// request it delays. Keep-alive connections, as many as the load needs.
import http from 'node:http';

/**
 * Sends `rate` requests per second for `seconds` to `url` and answers in autocannon's result shape
 * (`requests.average`, `latency.p50/p99/max` over every answer, `non2xx`, `errors`). `headersFor(i)` gives
 * request i's headers.
 */
export async function pacedLoad({ url, method, rate, seconds, headersFor }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const interval = 1000 / rate;
  const total = Math.round(rate * seconds);
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  const start = performance.now() + 20;
  await new Promise((resolve) => {
    let sent = 0;
    let finished = 0;
    const finish = () => {
      finished += 1;
      if (finished === total) resolve();
    };
    const send = (index, due) => {
      const request = http.request(url, { method, agent, headers: headersFor(index) }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - due);
          if (response.statusCode < 200 || response.statusCode >= 300) non2xx += 1;
          finish();
        });
      });
      request.on('error', () => {
        errors += 1;
        finish();
      });
      request.end();
    };
    const tick = () => {
      while (sent < total && start + sent * interval <= performance.now()) {
        send(sent, start + sent * interval);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    setTimeout(tick, 20);
  });
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: { average: total / seconds },
    latency: { p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0 },
    non2xx,
    errors,
  };
}
