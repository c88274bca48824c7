// The keys of the stored values whose change means what an extension page shows may have changed. They live
// in a module of their own, free of schemas, so that pages can watch `storage.onChanged` without loading zod
// before their first render (the popup's speed budget); the declarations take their keys from here.
export const watchedKeys = {
  connection: 'connection',
  settings: 'settings',
  deviceStatus: 'deviceStatus',
  gateways: 'gateways',
  tier: 'tier',
  account: 'account',
} as const;
