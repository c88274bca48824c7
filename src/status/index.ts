export * from './states';
export { transition, type ConnectionEvent } from './machine';
