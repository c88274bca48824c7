// Operator tool: `npx tsx server/credentials/generateKeys.ts <dir>` writes a new signing pair into <dir>
// (credential-private.pem for the account service, credential-public.pem for the gateways).
import { generateCredentialKeys } from './keys';
import { saveCredentialKeys } from './keyFiles';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: tsx server/credentials/generateKeys.ts <dir>');
  process.exit(2);
}
const keys = generateCredentialKeys();
await saveCredentialKeys(keys, dir);
console.log(`key ${keys.keyId} written to ${dir}`);
