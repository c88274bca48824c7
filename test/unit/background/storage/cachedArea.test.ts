import { describe, expect, it } from 'vitest';
import type { KeyValueArea } from '../../../../background/platform';
import { cachedArea } from '../../../../background/storage/cachedArea';

/** A browser storage area in memory that counts its reads and lets a test hold a read or write open. */
function countingArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  let held: Promise<void> | null = null;
  const area: KeyValueArea & { reads: number } = {
    reads: 0,
    get: async (key) => {
      area.reads += 1;
      const value = structuredClone(data.get(key));
      if (held) await held;
      return value;
    },
    set: async (key, value) => {
      if (held) await held;
      data.set(key, structuredClone(value));
    },
    remove: async (key) => {
      if (held) await held;
      data.delete(key);
    },
  };
  const hold = () => {
    let release!: () => void;
    held = new Promise((resolve) => (release = resolve));
    return () => {
      held = null;
      release();
    };
  };
  return { area, data, hold };
}

describe('a storage area read through the worker’s own copy', () => {
  it('asks the browser once for a value read again and again, and once for reads made at the same time', async () => {
    const { area } = countingArea({ settings: { language: 'de' } });
    const cached = cachedArea(area);
    const [first, second] = await Promise.all([cached.get('settings'), cached.get('settings')]);
    expect(await cached.get('settings')).toEqual({ language: 'de' });
    expect([first, second]).toEqual([{ language: 'de' }, { language: 'de' }]);
    expect(area.reads).toBe(1);
  });

  it('gives every caller its own copy, so changing what was read changes nothing for others', async () => {
    const { area } = countingArea({ settings: { language: 'de' } });
    const cached = cachedArea(area);
    const read = (await cached.get('settings')) as { language: string };
    read.language = 'fr';
    expect(await cached.get('settings')).toEqual({ language: 'de' });
  });

  it('answers with what was written, without asking the browser, and keeps a copy the writer cannot change', async () => {
    const { area } = countingArea();
    const cached = cachedArea(area);
    const written = { vpnEnabled: true };
    await cached.set('settings', written);
    written.vpnEnabled = false;
    expect(await cached.get('settings')).toEqual({ vpnEnabled: true });
    expect(area.reads).toBe(0);
    await cached.remove('settings');
    expect(await cached.get('settings')).toBeUndefined();
    expect(area.reads).toBe(0);
  });

  it('asks the browser again after a change made elsewhere (storage.onChanged)', async () => {
    const { area, data } = countingArea({ settings: { language: 'de' } });
    const cached = cachedArea(area);
    await cached.get('settings');
    data.set('settings', { language: 'ar' });
    cached.changed(['settings']);
    expect(await cached.get('settings')).toEqual({ language: 'ar' });
    expect(area.reads).toBe(2);
  });

  it('does not keep a read that a change overtook while it ran', async () => {
    const { area, data, hold } = countingArea({ settings: { language: 'de' } });
    const cached = cachedArea(area);
    const release = hold();
    const stale = cached.get('settings');
    data.set('settings', { language: 'ar' });
    cached.changed(['settings']);
    release();
    expect(await stale).toEqual({ language: 'de' });
    expect(await cached.get('settings')).toEqual({ language: 'ar' });
  });

  it('does not keep a write that a later change overtook, nor a read that a write overtook', async () => {
    const { area, data, hold } = countingArea({ connection: { state: 'off' } });
    const cached = cachedArea(area);
    const release = hold();
    const read = cached.get('connection');
    const write = cached.set('connection', { state: 'on' });
    // Another context writes after ours and says so before our write has finished.
    cached.changed(['connection']);
    release();
    await Promise.all([read, write]);
    data.set('connection', { state: 'error' });
    expect(await cached.get('connection')).toEqual({ state: 'error' });
  });

  it('forgets nothing it was not told about: a change of one key leaves the others in memory', async () => {
    const { area } = countingArea({ a: 1, b: 2 });
    const cached = cachedArea(area);
    await Promise.all([cached.get('a'), cached.get('b')]);
    cached.changed(['a']);
    await Promise.all([cached.get('a'), cached.get('b')]);
    expect(area.reads).toBe(3);
  });

  it('passes a failed read to its caller and keeps nothing, so the next read asks again', async () => {
    const { area } = countingArea({ a: 1 });
    let fail = true;
    const flaky: KeyValueArea = {
      ...area,
      get: async (key) => {
        if (fail) throw new Error('storage is not available');
        return area.get(key);
      },
    };
    const cached = cachedArea(flaky);
    await expect(cached.get('a')).rejects.toThrow('storage is not available');
    fail = false;
    expect(await cached.get('a')).toBe(1);
  });
});
