export * from './contract';
export type { Reply } from './reply';
export { createClient, type Client, type RawSend } from './client';
export * from './external';
export * from './portalRelay';
