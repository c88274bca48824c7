/** The proxy's user name and password, as `webRequest.onAuthRequired` hands them to the browser. */
export interface ProxyCredentials {
  username: string;
  password: string;
}

export interface AuthChallenge {
  requestId: string;
  isProxy: boolean;
  challenger: { host: string; port: number };
}

export type AuthAnswer = { authCredentials: ProxyCredentials } | { cancel: true } | Record<string, never>;

/** Who is asking, as far as our credentials are concerned. */
export type Challenger = 'gatewayInUse' | 'otherRampartGateway' | 'foreign';

export interface ProxyAuthDeps {
  /** Whether the challenger is the gateway routing uses now (host and port), another of ours, or not ours. */
  identify(challenger: { host: string; port: number }): Promise<Challenger>;
  /** The credentials for the gateway currently in use, or null when none is configured. */
  credentials(): Promise<ProxyCredentials | null>;
  /** Called when the gateway refused the credentials we gave (a second challenge for one request). */
  onRefused(): void;
}

const REMEMBERED_REQUESTS = 2000;

/**
 * Answers proxy authentication challenges at most once per request id: a second challenge for the same request
 * means the gateway refused what we sent, and answering again would loop. Only the gateway in use (host and
 * port) gets the credentials; another gateway of ours (one just switched away from) is cancelled, so neither
 * is left to the browser's password prompt; a proxy that is not ours is left to the browser, and never sees
 * our credentials.
 */
export function createProxyAuth(deps: ProxyAuthDeps) {
  const answered = new Set<string>();
  return async (challenge: AuthChallenge): Promise<AuthAnswer> => {
    if (!challenge.isProxy) return {};
    const who = await deps.identify(challenge.challenger);
    if (who === 'foreign') return {};
    if (who === 'otherRampartGateway') return { cancel: true };
    const credentials = await deps.credentials();
    if (!credentials) return { cancel: true };
    if (answered.has(challenge.requestId)) {
      deps.onRefused();
      return { cancel: true };
    }
    answered.add(challenge.requestId);
    if (answered.size > REMEMBERED_REQUESTS) answered.delete(answered.values().next().value as string);
    return { authCredentials: credentials };
  };
}
