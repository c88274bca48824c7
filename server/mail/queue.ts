import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Database } from '../db';
import { mailJob, type MailJob } from './jobs';

const QUEUE = 'mail';
/** Jobs claimed per fetch; each is delivered and settled before the next fetch. */
const BATCH = 10;

export interface MailQueueConfig {
  /** Deliveries tried again after the first one fails. */
  retryLimit: number;
  /** Wait before the first retry; it doubles with each retry. */
  retryDelaySeconds: number;
  /** How often an instance looks for due jobs: retries, and mail queued by other instances. */
  pollIntervalMs: number;
  /** A job claimed this long ago with no outcome (its instance stopped mid-send) is handed out again. */
  claimTimeoutSeconds: number;
  /** How often pg-boss's upkeep runs: releasing timed-out claims, archiving and deleting old jobs. */
  maintenanceIntervalSeconds: number;
}

export interface MailQueue {
  /** Stores the job (durably, before the answer goes out) and wakes this instance's worker. */
  enqueue(job: MailJob): Promise<void>;
  /** Delivers, here and now, every job that is due, and waits for deliveries in progress (tests, dev outbox). */
  drain(): Promise<void>;
  /** Mails waiting to be sent or retried, queued by any instance. */
  depth(): Promise<number>;
  /** Finishes the delivery in progress and stops looking for jobs; the rest wait in the database. */
  stop(): Promise<void>;
}

/**
 * pg-boss's schema beside the service's own: `pgboss` for a database in `public`, `<schema>_pgboss` when the
 * service runs in another schema (several environments, or test runs, on one server never share a queue);
 * pg-boss takes names of at most 50 characters, so a longer one is shortened to a hash.
 */
export function queueSchemaFor(serviceSchema: string): string {
  if (serviceSchema === 'public') return 'pgboss';
  const name = `${serviceSchema}_pgboss`;
  return name.length <= 50
    ? name
    : `pgboss_${createHash('sha256').update(serviceSchema).digest('hex').slice(0, 32)}`;
}

async function queueSchema(db: Database): Promise<string> {
  const { rows } = await db.query<{ schema: string }>('SELECT current_schema() AS schema');
  return queueSchemaFor(rows[0]?.schema ?? 'public');
}

/**
 * Mail off the request path, in a durable queue in the service's own PostgreSQL (pg-boss; PGlite too): a job
 * is claimed by one instance at a time (`FOR UPDATE SKIP LOCKED`), retried with exponential backoff when the
 * send fails, and handed out again when the instance that claimed it stops before it is settled. A job is
 * marked done right after its mail went out, so it is delivered once unless an instance dies in between.
 */
export async function startMailQueue(deps: {
  db: Database;
  config: MailQueueConfig;
  deliver: (job: MailJob) => Promise<void>;
  log: (message: string, error?: unknown) => void;
}): Promise<MailQueue> {
  const { config } = deps;
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => deps.db.query(text, values ?? []) },
    schema: await queueSchema(deps.db),
    // Expiry of stale claims, archiving and deletion of old jobs; no cron schedules.
    supervise: true,
    maintenanceIntervalSeconds: config.maintenanceIntervalSeconds,
    schedule: false,
    migrate: true,
  });
  boss.on('error', (error) => deps.log('mail queue maintenance failed', error));
  await boss.start();
  const queue = {
    name: QUEUE,
    retryLimit: config.retryLimit,
    retryDelay: config.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: config.claimTimeoutSeconds,
  };
  await boss.createQueue(QUEUE, queue);
  await boss.updateQueue(QUEUE, queue);

  async function settle(job: PgBoss.Job<unknown>): Promise<void> {
    const parsed = mailJob.safeParse(job.data);
    if (!parsed.success) {
      deps.log(`mail queue: job ${job.id} is not a mail job; cancelled`);
      await boss.cancel(QUEUE, job.id);
      return;
    }
    try {
      await deps.deliver(parsed.data);
    } catch (error) {
      deps.log(`mail delivery failed (${parsed.data.kind}); it will be retried`, error);
      await boss.fail(QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
      return;
    }
    await boss.complete(QUEUE, job.id);
  }

  // One pass at a time per instance: a wake-up during a pass asks for one more pass instead of a second one.
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pump = (): Promise<void> => {
    if (running !== null) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          for (;;) {
            const jobs = await boss.fetch<unknown>(QUEUE, { batchSize: BATCH });
            for (const job of jobs) await settle(job);
            if (jobs.length === 0 || stopped) break;
          }
        } while (again && !stopped);
      } catch (error) {
        deps.log('mail queue: fetching or settling jobs failed', error);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void pump(), config.pollIntervalMs);
  timer.unref();

  return {
    async enqueue(job) {
      await boss.send(QUEUE, job);
      // After this tick, so the answer is on its way before the delivery starts.
      setImmediate(() => void pump());
    },
    async drain() {
      await pump();
      // A pass that was already running when asked has run once more (`again`); make sure one found nothing.
      await pump();
    },
    async depth() {
      return (await boss.getQueueSize(QUEUE)) ?? 0;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      await boss.stop({ graceful: true, wait: true, timeout: 5_000 });
    },
  };
}
