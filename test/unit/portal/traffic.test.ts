import { describe, expect, it } from 'vitest';
import type { TrafficReport } from '../../../src/api';
import { dayLabel, stackedTraffic, TRAFFIC_COLORS, trafficColor } from '../../../portal/traffic';

const report: TrafficReport = {
  days: ['2026-11-21', '2026-11-22', '2026-11-23'],
  devices: [
    { id: 'a', name: 'Laptop', platform: 'chrome', bytes: [100, 0, 5], totalBytes: 105 },
    { id: 'b', name: null, platform: null, bytes: [10, 20, 0], totalBytes: 30 },
    { id: 'c', name: 'Phone', platform: 'firefox', bytes: [1, 2, 3], totalBytes: 6 },
  ],
  totalBytes: 141,
};

describe('stackedTraffic', () => {
  it('stacks devices in report order and lists the topmost layer (the day total) first', () => {
    expect(stackedTraffic(report)).toEqual([
      { id: 'c', name: 'Phone', color: TRAFFIC_COLORS[2], top: [111, 22, 8] },
      { id: 'b', name: 'Unnamed browser', color: TRAFFIC_COLORS[1], top: [110, 20, 5] },
      { id: 'a', name: 'Laptop', color: TRAFFIC_COLORS[0], top: [100, 0, 5] },
    ]);
  });

  it('has nothing to stack without devices', () => {
    expect(stackedTraffic({ days: report.days, devices: [], totalBytes: 0 })).toEqual([]);
  });

  it('reads a missing day as zero', () => {
    const short = { ...report, devices: [{ ...report.devices[0]!, bytes: [7] }] };
    expect(stackedTraffic(short)[0]?.top).toEqual([7, 0, 0]);
  });
});

describe('traffic labels', () => {
  it('names UTC days briefly, whatever the local zone', () => {
    expect(dayLabel('2026-11-03')).toBe('Nov 3');
    expect(dayLabel('2026-01-01')).toBe('Jan 1');
    expect(dayLabel('2026-12-31')).toBe('Dec 31');
  });

  it('cycles the colours past the palette', () => {
    expect(trafficColor(0)).toBe(TRAFFIC_COLORS[0]);
    expect(trafficColor(TRAFFIC_COLORS.length + 1)).toBe(TRAFFIC_COLORS[1]);
  });
});
