import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Guards } from '../http/auth';
import type { SessionCookies } from '../http/cookies';
import type { DeviceCookies } from '../http/device-cookie';
import type { MailQueue } from '../mail/queue';
import type { AccountDevicesService } from '../services/account-devices';
import type { AccountsService } from '../services/accounts';
import type { DevicesService } from '../services/devices';
import type { ManagementService } from '../services/management';
import type { OverviewService } from '../services/overview';
import type { ClientMeta, SessionsService } from '../services/sessions';
import type { SubscriptionsService } from '../services/subscriptions';
import type { TrafficService } from '../services/traffic';
import type { TwoFactorService } from '../services/two-factor';
import type { UsageService } from '../services/usage';
import type { VpnService } from '../services/vpn';
import type { Database } from '../db';

/** What route modules receive: services to call, guards to authenticate, nothing else. */
export interface RouteContext {
  config: Config;
  db: Database;
  guards: Guards;
  cookies: SessionCookies;
  deviceCookies: DeviceCookies;
  accounts: AccountsService;
  sessions: SessionsService;
  twoFactor: TwoFactorService;
  devices: DevicesService;
  mailQueue: MailQueue;
  subscriptions: SubscriptionsService;
  accountDevices: AccountDevicesService;
  overview: OverviewService;
  vpn: VpnService;
  usage: UsageService;
  management: ManagementService;
  traffic: TrafficService;
}

export const clientMeta = (request: FastifyRequest): ClientMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});
