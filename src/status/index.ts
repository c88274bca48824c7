export * from './states';
export { transition, MAX_CONNECT_ATTEMPTS, type ConnectionEvent } from './machine';
export { countryName, placeName, choiceName } from './regionName';
export { headlineKey, toolbarView, blockedReason, type ToolbarView, type BlockedReason } from './view';
