// Operator commands: `npm run rampart -- <command>` (see docs/account-service.md, "Operator commands"). Uses the same
// environment as the service (DATABASE_URL or RAMPART_DATA_DIR, ARGON2_*).
import { loadConfig } from './config';
import { runCli } from './cli/commands';

process.exitCode = await runCli(process.argv.slice(2), loadConfig(), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
