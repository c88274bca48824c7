import { outboxRepository } from '../../../server/db';
import { loopbackTestResolve } from '../../../server/gateway';
import { freePort } from '../../../server/stack/freePort';
import { startLocalStack, type LocalStack } from '../../../server/stack/localStack';
import { testDatabase } from '../../integration/server/database';
import { Client, testConfig } from '../../integration/server/helpers';

/**
 * The account service and a real TLS gateway on loopback, as `npm start` runs them, with test settings:
 * PGlite in memory, cheap password hashing, small daily limits, `.test` names resolved to loopback by the
 * gateway, and usage reported every half second. `clock`, when given, is the time of both (the screen tests
 * stop it, so dates in the portal do not move with today's date).
 */
export async function startTestStack(
  limits: { anonymousDailyBytes?: number; freeDailyBytes?: number } = {},
  clock?: () => Date,
) {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  const db = await testDatabase();
  const config = testConfig({
    port,
    publicUrl,
    limits: { anonymousDailyBytes: 200_000_000, freeDailyBytes: 300_000_000, freeDeviceLimit: 3, ...limits },
  });
  const stack: LocalStack = await startLocalStack({
    config,
    overrides: clock ? { db, now: clock } : { db },
    gateway: {
      host: '127.0.0.1',
      port: 0,
      region: 'local',
      city: 'Loopback',
      tls: 'self-signed',
      allowPrivateDestinations: true,
      resolve: loopbackTestResolve,
      reportIntervalMs: 500,
      exitAddress: '203.0.113.99',
      ...(clock ? { now: () => clock().getTime() } : {}),
    },
  });
  const outbox = outboxRepository(db);
  return {
    ...stack,
    /** A browser-like API client (cookies, CSRF) for the portal's side. */
    client: () => new Client(stack.serviceUrl, { origin: publicUrl }),
    /** The token of the last mailed link with `path` to `to`. */
    async mailedToken(to: string, path: 'verify-email' | 'reset-password') {
      await stack.app.mailQueue.drain();
      const mails = (await outbox.latest(200)).filter((m) => m.recipient === to);
      const match = mails
        .map((m) => new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(m.textBody))
        .find(Boolean);
      if (!match?.[1]) throw new Error(`no ${path} link mailed to ${to}`);
      return match[1];
    },
    /** TLS connections the gateway took whose ALPN chose `protocol` (browsers speak h2 to it). */
    async gatewayConnections(protocol: 'h2' | 'http/1.1') {
      const metric = await stack.gateway.metrics
        .getSingleMetric('rampart_gateway_tls_connections_total')
        ?.get();
      return metric?.values.find((value) => value.labels['protocol'] === protocol)?.value ?? 0;
    },
    /** Chromium flags to trust the gateway's self-signed certificate. */
    chromeFlags: [`--ignore-certificate-errors-spki-list=${stack.gateway.spki}`],
    async close() {
      await stack.close();
      await db.close();
    },
  };
}
export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
