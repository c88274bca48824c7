import dns from 'node:dns';
import { Server } from 'proxy-chain';

export interface CarriedRequest {
  host: string;
  username: string;
  isHttp: boolean;
}

/** Every name resolves to loopback: nothing a test does can leave this machine. */
const loopbackLookup = ((hostname: string, options: unknown, callback?: unknown) => {
  const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  if (all) done(null, [{ address: '127.0.0.1', family: 4 }]);
  else done(null, '127.0.0.1', 4);
}) as unknown as typeof dns.lookup;

/**
 * An authenticating HTTP proxy on loopback standing in for a gateway: it records what it carried and answers the gateway check host
 * itself, like the real gateway. `holdChecks()` keeps those answers back until released, so the extension stays
 * "Connecting…" for as long as a test needs (less than the extension's 8-second check timeout).
 */
export async function startRecordingProxy(
  credentials = { username: 'tester', password: 'secret-pass' },
  port = 0,
) {
  const carried: CarriedRequest[] = [];
  const refused: string[] = [];
  let held: Promise<void> | null = null;
  let waiting = 0;
  const server = new Server({
    port,
    host: '127.0.0.1',
    prepareRequestFunction: ({ username, password, hostname, isHttp }) => {
      if (username !== credentials.username || password !== credentials.password) {
        refused.push(hostname);
        return { requestAuthentication: true, failMsg: 'Bad credentials' };
      }
      carried.push({ host: hostname, username, isHttp });
      if (hostname === 'check.rampart.internal') {
        return {
          customResponseFunction: async () => {
            if (held) {
              waiting++;
              await held;
              waiting--;
            }
            return {
              statusCode: 200,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                exitAddress: '198.51.100.77',
                gateway: { id: 'test', region: 'test', city: 'Loopback' },
                device: { deviceId: 'd', accountId: null, tier: 'anonymous' },
                usage: {
                  usedBytes: 0,
                  dailyLimitBytes: null,
                  limitReached: false,
                  resetsAt: new Date().toISOString(),
                },
                credentialExpiresAt: Date.now() + 600_000,
              }),
            };
          },
        };
      }
      return { dnsLookup: loopbackLookup };
    },
  });
  await server.listen();
  return {
    port: server.port,
    carried,
    refused,
    carriedTo: (host: string) => carried.filter((c) => c.host === host),
    /** Holds every gateway check from now on; the function returned lets them (and later ones) through. */
    holdChecks(): () => void {
      let release = () => undefined as void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = null;
        release();
      };
    },
    /** Gateway checks being held now. */
    heldChecks: () => waiting,
    close: () => server.close(true),
  };
}
export type RecordingProxy = Awaited<ReturnType<typeof startRecordingProxy>>;
