export * from './schema';
export { loadSettings } from './load';
export { repairSettings } from './repair';
export { withPatch } from './withPatch';
export { dropAdultCategory, dropServiceUrl, migrate, migrations, type Migration } from './migrations';
export { exportSettings, importSettings, MAX_IMPORT_BYTES } from './transfer';
