export { compilePac, vpnProxyString } from './compile';
export { buildPacTable } from './table';
export type { Gateway, PacInput } from './input';
