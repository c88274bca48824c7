// The data layer: the only place SQL lives.
export type { Database, Queryable } from './database';
export { openDatabase, type DatabaseConfig } from './open';
export { openPglite, dumpPglite } from './pglite';
export { migrate, loadMigrations } from './migrate';
export { usersRepository, type UserRow } from './repositories/users';
export { sessionsRepository, type SessionRow } from './repositories/sessions';
export { pendingSignInsRepository } from './repositories/pending-sign-ins';
export { emailTokensRepository, type EmailTokenPurpose } from './repositories/email-tokens';
export { outboxRepository, type OutboxMail } from './repositories/outbox';
export { devicesRepository, type DeviceContext, type AccountDeviceRow } from './repositories/devices';
export { refreshTokensRepository } from './repositories/refresh-tokens';
export { linkCodesRepository } from './repositories/link-codes';
export {
  subscriptionsRepository,
  activationCodesRepository,
  type SubscriptionRow,
} from './repositories/subscriptions';
export { gatewaysRepository, type GatewayRow } from './repositories/gateways';
export { usageRepository, type DeviceUsage } from './repositories/usage';
export {
  managementRepository,
  type CommandRow,
  type DeviceReportRow,
  type ResolutionsRow,
} from './repositories/management';
export {
  threatsRepository,
  type ThreatVersionRow,
  type ThreatSourceRow,
  type FalsePositiveRow,
} from './repositories/threats';
export {
  guessLimiter,
  guessLimitKey,
  guessLimitsRepository,
  guessLimitsStore,
  GUESS_LIMITS_TABLE,
} from './repositories/guess-limits';
export { serverSecretsRepository } from './repositories/server-secrets';
