// The PGlite shim under node-postgres hands a pipelined query to PGlite in one call, in order, and passes
// everything else straight through.
import type { PGlite } from '@electric-sql/pglite';
import { protocol } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { batchPipelinedMessages } from '../../../server/db/pgliteBatching';

const { serialize } = protocol;

function recordingPglite() {
  const calls: Uint8Array[] = [];
  const pglite = {
    waitReady: Promise.resolve(),
    execProtocolStream: async (message: Uint8Array) => {
      calls.push(message);
      return [{ name: 'readyForQuery', length: 5 }];
    },
  } as unknown as PGlite;
  return { calls, runner: batchPipelinedMessages(pglite) };
}

const joined = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('batchPipelinedMessages', () => {
  it('holds Parse, Bind, Describe and Execute back and sends them with the Sync in one call', async () => {
    const { calls, runner } = recordingPglite();
    const parse = serialize.parse({ name: 's1', text: 'SELECT $1::int', types: [] });
    const bind = serialize.bind({ statement: 's1', values: ['7'] });
    const describe = serialize.describe({ type: 'P', name: '' });
    const execute = serialize.execute({});
    const sync = serialize.sync();
    for (const message of [parse, bind, describe, execute]) {
      expect(await runner.execProtocolStream(message, {})).toEqual([]);
    }
    expect(calls).toEqual([]);
    expect(await runner.execProtocolStream(sync, {})).toEqual([{ name: 'readyForQuery', length: 5 }]);
    expect(calls).toEqual([joined(parse, bind, describe, execute, sync)]);
  });

  it('sends a simple query at once, and starts afresh after each batch', async () => {
    const { calls, runner } = recordingPglite();
    const query = serialize.query('BEGIN');
    await runner.execProtocolStream(query, {});
    const bind = serialize.bind({ statement: 's1', values: ['1'] });
    await runner.execProtocolStream(bind, {});
    await runner.execProtocolStream(serialize.flush(), {});
    await runner.execProtocolStream(serialize.sync(), {});
    expect(calls).toEqual([query, joined(bind, serialize.flush()), serialize.sync()]);
  });

  it('waits for the same readiness as PGlite', () => {
    const ready = Promise.resolve();
    const runner = batchPipelinedMessages({ waitReady: ready } as unknown as PGlite);
    expect(runner.waitReady).toBe(ready);
  });
});
