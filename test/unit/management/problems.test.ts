import { describe, expect, it } from 'vitest';
import { deviceState, type DeviceState, type ReportedDetection } from '../../../src/api/management';
import { detectionKey, deviceProblems, openDetections } from '../../../src/management';

const now = Date.parse('2026-11-23T12:00:00Z');
const DAY = 86_400_000;

const state = (patch: Partial<DeviceState> = {}): DeviceState =>
  deviceState.parse({
    extensionVersion: '0.1.0',
    vpn: { state: 'on', region: 'optimal', exitAddress: '203.0.113.9', proxyControlledByOther: false },
    killSwitch: true,
    protection: { enabled: true, databaseVersion: 3, databaseUpdatedAt: new Date(now - DAY).toISOString() },
    detections: [],
    ...patch,
  });

const detection = (i: number): ReportedDetection => ({
  url: `http://bad${i}.test/`,
  threat: 'malware',
  list: 'urlhaus',
  at: now - 1000 * (100 - i),
  kind: 'page',
});

describe('device problems', () => {
  it('a healthy device has none', () => {
    expect(deviceProblems(state(), now)).toEqual([]);
  });

  it('protection off is fixed by turning it on (and hides the database age)', () => {
    const off = state({
      protection: {
        enabled: false,
        databaseVersion: 1,
        databaseUpdatedAt: new Date(now - 9 * DAY).toISOString(),
      },
    });
    expect(deviceProblems(off, now)).toEqual([
      { kind: 'protectionOff', fix: { type: 'setProtection', enabled: true } },
    ]);
  });

  it('a database older than 3 days is fixed by an update; exactly 3 days is not yet a problem', () => {
    const at = (ms: number) =>
      state({
        protection: {
          enabled: true,
          databaseVersion: 2,
          databaseUpdatedAt: new Date(now - ms).toISOString(),
        },
      });
    expect(deviceProblems(at(3 * DAY), now)).toEqual([]);
    expect(deviceProblems(at(3 * DAY + 60_000), now)).toEqual([
      { kind: 'databaseOutdated', ageDays: 3, fix: { type: 'updateDatabases' } },
    ]);
    expect(deviceProblems(at(10 * DAY), now)[0]).toMatchObject({ ageDays: 10 });
  });

  it('another extension controlling the proxy is explained, with no command', () => {
    const taken = state({
      vpn: { state: 'error', region: 'optimal', exitAddress: null, proxyControlledByOther: true },
    });
    expect(deviceProblems(taken, now)).toEqual([{ kind: 'proxyTakenOver' }]);
  });

  it('lists up to 10 detections one by one, newest first, and groups more', () => {
    const ten = state({ detections: Array.from({ length: 10 }, (_, i) => detection(i)) });
    const listed = deviceProblems(ten, now);
    expect(listed).toHaveLength(10);
    expect(listed.every((p) => p.kind === 'detection')).toBe(true);
    expect(listed[0]).toMatchObject({ detection: { url: 'http://bad9.test/' } });

    const eleven = state({ detections: Array.from({ length: 11 }, (_, i) => detection(i)) });
    expect(deviceProblems(eleven, now)).toEqual([
      { kind: 'detectionGroup', count: 11, newestAt: detection(10).at },
    ]);
  });

  it('resolved detections are left out, one by one or all up to a time', () => {
    const s = state({ detections: [detection(1), detection(2), detection(3)] });
    const key = detectionKey(detection(2));
    expect(openDetections(s, { resolvedThrough: -1, keys: new Set([key]) }).map((d) => d.url)).toEqual([
      'http://bad3.test/',
      'http://bad1.test/',
    ]);
    expect(deviceProblems(s, now, { resolvedThrough: detection(3).at, keys: new Set() })).toEqual([]);
  });

  it('keys are stable and tell detections apart', () => {
    expect(detectionKey(detection(1))).toBe(detectionKey({ ...detection(1) }));
    expect(detectionKey(detection(1))).not.toBe(detectionKey({ ...detection(1), url: 'http://other.test/' }));
    expect(detectionKey(detection(1))).not.toBe(detectionKey({ ...detection(1), kind: 'resource' }));
    expect(detectionKey(detection(1)).length).toBeLessThanOrEqual(64);
  });
});
