// The account service as `bench/api.mjs` measures it: PGlite in a scratch folder, production code paths,
// low argon2 cost (sign-in is not measured here), no request log. Prints its URL on the first line.
import { buildApp } from '../server/app';
import { defaultThrottle, loadConfig } from '../server/config';
import { testArgon2 } from '../server/security/passwords';

const dataDir = process.env.RAMPART_DATA_DIR;
if (dataDir === undefined) throw new Error('RAMPART_DATA_DIR is required');
const config = {
  ...loadConfig({ ...process.env, PORT: '0', LOG: 'false', GATEWAY_SECRET: 'bench-gateway-secret' }),
  argon2: testArgon2,
  // One load generator on one address: the per-IP flood guard would measure itself.
  requestsPerMinutePerIp: 10_000_000,
  // The setup registers a fleet of devices from one address.
  throttle: { ...defaultThrottle, registerPerIp: 1_000_000 },
};
const app = await buildApp(config);
console.log(await app.listen());
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
