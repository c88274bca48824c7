// The gateway: a TLS forward proxy that admits only signed proxy credentials, refuses private destinations and
// its own addresses, caps connections per client address, meters bytes per device (reported with its account)
// and enforces the daily allowance.
export { startGateway } from './startGateway';
export type { GatewayConfig, GatewayIdentity, RunningGateway } from './config';
export { gatewayConfigFromEnv } from './env';
export { httpReportUsage } from './httpReportUsage';
export type { ReportUsage, UsageAcknowledgement } from './usageReporter';
export { loopbackTestResolve, systemResolve } from './resolve';
export type { Resolve, ResolvedAddress } from './resolve';
export { readTlsFiles, selfSignedTls, spkiFingerprint } from './tls';
export type { TlsMaterial } from './tls';
export { forbiddenBecause, isForbiddenAddress } from './addresses';
export { OwnAddresses, systemOwnAddresses, type ListOwnAddresses } from './ownAddresses';
export { defaultConnectionLimits, type ConnectionLimitsConfig } from './connectionLimits';
