// API contracts of the account service: the route table (`routes`) and the request and response bodies of
// every endpoint under /api/v1.
// Pure zod, shared by the server and the extension's client.
export * from './errors';
export * from './common';
export * from './storable';
export * from './password-rules';
export * from './accounts';
export * from './devices';
export * from './subscriptions';
export * from './vpn';
export * from './proxyCredential';
export * from './management';
export * from './overview';
export * from './route';
export * from './routes';
