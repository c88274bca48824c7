/** A small in-memory account service speaking the device endpoints of `src/api`, for background tests. */
export function fakeAccountApi(now: () => number) {
  const db = {
    devices: new Map<string, { refresh: string; access: string; accountId: string | null }>(),
    users: new Map([
      [
        'ann@example.test',
        { id: '00000000-0000-4000-8000-0000000000a1', password: 'Correct-horse-9', code: '123456' },
      ],
    ]),
    linkCodes: new Set(['portal-link-code-0123456789']),
    refreshUses: 0,
    online: true,
    /** Every device report received, in order. */
    reports: [] as {
      state: Record<string, unknown>;
      results: { id: string; outcome: string; message: string }[];
    }[],
    /** Queued commands: handed out on every report until a result for them arrives, as the service does. */
    commands: [] as { id: string; command: Record<string, unknown>; createdAt: string }[],
  };
  let counter = 0;
  const token = (kind: string) => `${kind}-${++counter}-abcdefghijklmnop`;
  const deviceId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const json = (status: number, body: unknown) => ({ status, body });
  const error = (status: number, code: string, message = code) => json(status, { error: { code, message } });
  const issue = (id: string) => {
    const device = db.devices.get(id)!;
    device.refresh = token('refresh');
    device.access = token('access');
    return {
      deviceId: id,
      refreshToken: device.refresh,
      accessToken: device.access,
      accessTokenExpiresAt: new Date(now() + 15 * 60_000).toISOString(),
    };
  };
  const byAccess = (bearer: string | undefined) =>
    [...db.devices].find(([, d]) => `Bearer ${d.access}` === bearer);

  const handle = (
    url: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    if (!db.online) return 'unreachable' as const;
    const { pathname } = new URL(url);
    const method = init.method ?? 'GET';
    const body = (init.body ?? {}) as Record<string, string>;
    if (method === 'POST' && pathname === '/api/v1/devices') {
      const id = deviceId(db.devices.size + 1);
      db.devices.set(id, { refresh: '', access: '', accountId: null });
      return json(201, issue(id));
    }
    if (method === 'POST' && pathname === '/api/v1/devices/token') {
      db.refreshUses++;
      const found = [...db.devices].find(([, d]) => d.refresh === body['refreshToken']);
      return found ? json(200, issue(found[0])) : error(401, 'invalidToken');
    }
    if (pathname === '/api/v1/gateways') {
      return json(200, {
        gateways: [
          {
            id: '00000000-0000-4000-8000-0000000000g1'.replace('g', 'a'),
            region: 'local',
            city: 'Loopback',
            host: 'gw.test',
            port: 8443,
            load: 0.1,
          },
        ],
      });
    }
    const found = byAccess(init.headers?.['authorization']);
    if (!found) return error(401, 'unauthenticated');
    const [id, device] = found;
    if (pathname === '/api/v1/devices/me') {
      const tier = device.accountId ? 'free' : 'anonymous';
      return json(200, {
        deviceId: id,
        accountId: device.accountId,
        tier,
        dailyLimitBytes: device.accountId ? 300e6 : 200e6,
        usedTodayBytes: 1234,
        resetsAt: new Date(now() + 3_600_000).toISOString(),
      });
    }
    if (pathname === '/api/v1/vpn/credentials') {
      const payload = {
        deviceId: id,
        accountId: device.accountId,
        tier: 'anonymous',
        dailyLimitBytes: 200e6,
        usedBytesAtIssue: 0,
        issuedAt: now(),
        expiresAt: now() + 20 * 60_000,
        keyId: 'k1',
      };
      return json(200, {
        credential: token('credential'),
        username: id,
        expiresAt: new Date(now() + 20 * 60_000).toISOString(),
        payload,
      });
    }
    if (method === 'POST' && pathname === '/api/v1/devices/me/link') {
      const user = db.users.get(body['email'] ?? '');
      if (!user || user.password !== body['password'])
        return error(401, 'invalidCredentials', 'Wrong email or password.');
      if (!body['code']) return error(401, 'twoFactorRequired');
      if (body['code'] !== user.code) return error(401, 'invalidTwoFactorCode');
      device.accountId = user.id;
      return json(200, { accountId: user.id, email: body['email'], tier: 'free' });
    }
    if (method === 'POST' && pathname === '/api/v1/devices/me/link-code') {
      if (!db.linkCodes.delete(body['code'] ?? '')) return error(400, 'invalidToken');
      device.accountId = '00000000-0000-4000-8000-0000000000a1';
      return json(200, { accountId: device.accountId, email: 'ann@example.test', tier: 'free' });
    }
    if (method === 'POST' && pathname === '/api/v1/devices/me/report') {
      const report = init.body as unknown as (typeof db.reports)[number];
      db.reports.push(structuredClone(report));
      const finished = new Set(report.results.map((r) => r.id));
      db.commands = db.commands.filter((c) => !finished.has(c.id));
      return json(200, { commands: structuredClone(db.commands) });
    }
    if (method === 'DELETE' && pathname === '/api/v1/devices/me/link') {
      device.accountId = null;
      return json(204, null);
    }
    return error(404, 'notFound');
  };
  return { db, handle };
}
