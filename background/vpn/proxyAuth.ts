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

export interface ProxyAuthDeps {
  /** The credentials for the gateway currently in use, or null when none is configured. */
  credentialsFor(challenger: { host: string; port: number }): Promise<ProxyCredentials | null>;
  /** Called when the gateway refused the credentials we gave (a second challenge for one request). */
  onRefused(): void;
}

const REMEMBERED_REQUESTS = 2000;

/**
 * Answers proxy authentication challenges at most once per request id: a second challenge for the same request
 * means the gateway refused what we sent, and answering again would loop. Requests for our gateway are never
 * left to the browser, which would show a password prompt.
 */
export function createProxyAuth(deps: ProxyAuthDeps) {
  const answered = new Set<string>();
  return async (challenge: AuthChallenge): Promise<AuthAnswer> => {
    if (!challenge.isProxy) return {};
    const credentials = await deps.credentialsFor(challenge.challenger);
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
