// `npm run rampart -- threats ...`: importing feeds into the published threat list, and what operators read.
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { THREAT_TYPES } from '../../src/threats';
import type { Config } from '../config';
import type { Database } from '../db';
import { describeReasons } from '../services/threat-feeds';
import { createThreatsService, FEED_FORMATS } from '../services/threats';
import type { CliIo } from './commands';

type Command = (db: Database, args: string[], config: Config, io: CliIo) => Promise<void>;

const importArgs = z.object({
  format: z.enum(FEED_FORMATS),
  name: z.string().trim().min(1).max(200),
  threat: z.enum(THREAT_TYPES).default('malware'),
  files: z.array(z.string().min(1)).min(1, { message: 'name at least one feed file' }),
});

export function threatCommands(now: () => Date): Record<string, Command> {
  return {
    'threats import': async (db, args, _config, io) => {
      const { values, positionals } = parseArgs({
        args,
        options: { format: { type: 'string' }, name: { type: 'string' }, threat: { type: 'string' } },
        allowPositionals: true,
        strict: true,
      });
      const input = importArgs.parse({ ...values, files: positionals });
      const started = performance.now();
      const report = await createThreatsService({ db, now }).importFeed(
        input.files.map((path) => ({ path, format: input.format, name: input.name, threat: input.threat })),
      );
      const ms = performance.now() - started;
      for (const file of report.files) {
        io.out(
          `${basename(file.path ?? '')} (${file.format}, ${file.name}): ${file.accepted} accepted, ` +
            `${file.duplicates} duplicates, rejected: ${describeReasons(file.rejected)}`,
        );
      }
      for (const source of report.sources)
        io.out(`List "${source.list}" now has ${source.entries} ${source.kind} entries.`);
      io.out(
        `${report.published ? 'Published' : 'Unchanged:'} version ${report.version}: ${report.domains} domains, ` +
          `${report.urls} URLs, sha256 ${report.sha256}`,
      );
      io.out(`Took ${Math.round(ms)} ms.`);
    },

    'threats list': async (db, _args, _config, io) => {
      const versions = await createThreatsService({ db, now }).versions();
      for (const v of versions) {
        io.out(
          `v${v.version}  ${v.createdAt.toISOString()}  ${v.domains} domains  ${v.urls} URLs  ${v.sha256}  ` +
            `${v.origin}${v.kept ? '' : '  (snapshot pruned)'}`,
        );
      }
    },

    'threats false-positives': async (db, args, _config, io) => {
      const { values } = parseArgs({ args, options: { limit: { type: 'string' } }, strict: true });
      const limit = z.coerce
        .number()
        .int()
        .min(1)
        .max(1000)
        .parse(values.limit ?? '50');
      const reports = await createThreatsService({ db, now }).falsePositives(limit);
      if (reports.length === 0) io.out('No false-positive reports.');
      for (const r of reports) {
        const comment = r.comment === null ? '' : `  ${JSON.stringify(r.comment)}`;
        io.out(
          `${r.createdAt.toISOString()}  v${r.listVersion}  ${r.ip}  ${JSON.stringify(r.url)}${comment}`,
        );
      }
    },
  };
}
