// The traffic report as the page draws it: one colour per device, days as short labels, and the daily bytes
// stacked so each device's bar sits on top of the ones before it.
import type { TrafficReport } from '../src/api';
import { formatDay } from '../src/format';
import { activeLanguage, t } from './i18n';

/** Distinct on white and for the common colour-vision deficiencies (Okabe–Ito), darkest first. */
export const TRAFFIC_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];

export const trafficColor = (index: number): string =>
  TRAFFIC_COLORS[index % TRAFFIC_COLORS.length] ?? '#0072b2';

/** "2026-11-03" (a UTC day) as "Nov 3". */
export const dayLabel = (day: string): string => formatDay(day, activeLanguage());

export const trafficDeviceName = (device: TrafficReport['devices'][number]): string =>
  device.name ?? t('portal_devices_unnamed');

export interface TrafficLayer {
  id: string;
  name: string;
  color: string;
  /** Per day, the top of this device's part of the bar: its bytes plus those of every device below it. */
  top: number[];
}

/**
 * Stacked layers for a bar chart, in drawing order: the topmost (the day's total) first, so each later, lower
 * layer is drawn over the one above it and every device keeps its own visible slice.
 */
export function stackedTraffic(report: TrafficReport): TrafficLayer[] {
  const running = report.days.map(() => 0);
  const layers = report.devices.map((device, index) => {
    const top = running.map((sum, day) => sum + (device.bytes[day] ?? 0));
    top.forEach((value, day) => (running[day] = value));
    return { id: device.id, name: trafficDeviceName(device), color: trafficColor(index), top };
  });
  return layers.reverse();
}
