import type { JSX } from 'preact';
import type { TrafficReport } from '../../../src/api';
import { formatBytes } from '../../../src/format';
import { activeLanguage, t } from '../../i18n';
import { dayLabel, trafficColor, trafficDeviceName } from '../../traffic';

/** Each device's total with its colour in the chart: the chart's legend and its accessible alternative. */
export function TotalsTable({ report }: { report: TrafficReport }): JSX.Element {
  return (
    <section aria-labelledby="traffic-totals-title">
      <h2 id="traffic-totals-title">{t('portal_traffic_totalsTitle')}</h2>
      <table class="traffic-table" data-testid="traffic-totals">
        <thead>
          <tr>
            <th scope="col">{t('portal_traffic_device')}</th>
            <th scope="col" class="number">
              {t('portal_traffic_total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {report.devices.map((device, index) => (
            <tr
              key={device.id}
              data-testid="traffic-device"
              data-device-id={device.id}
              data-bytes={device.totalBytes}
            >
              <th scope="row">
                <span class="swatch" style={{ background: trafficColor(index) }} aria-hidden="true" />
                {trafficDeviceName(device)}
                {device.platform !== null ? <span class="muted"> · {device.platform}</span> : null}
              </th>
              <td class="number">{formatBytes(device.totalBytes, activeLanguage())}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="traffic-total" data-bytes={report.totalBytes}>
            <th scope="row">{t('portal_traffic_allDevices')}</th>
            <td class="number">{formatBytes(report.totalBytes, activeLanguage())}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

/** Every day's figures, folded away by default; scrolls sideways on a narrow screen, by keyboard too. */
export function DailyTable({ report }: { report: TrafficReport }): JSX.Element {
  return (
    <details class="traffic-daily">
      <summary>{t('portal_traffic_daily')}</summary>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={t('portal_traffic_daily')}>
        <table class="traffic-table" data-testid="traffic-daily">
          <thead>
            <tr>
              <th scope="col">{t('portal_traffic_day')}</th>
              {report.devices.map((device) => (
                <th key={device.id} scope="col" class="number">
                  {trafficDeviceName(device)}
                </th>
              ))}
              <th scope="col" class="number">
                {t('portal_traffic_total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.days.map((day, index) => (
              <tr key={day}>
                <th scope="row">{dayLabel(day)}</th>
                {report.devices.map((device) => (
                  <td key={device.id} class="number">
                    {formatBytes(device.bytes[index] ?? 0, activeLanguage())}
                  </td>
                ))}
                <td class="number">
                  {formatBytes(
                    report.devices.reduce((sum, device) => sum + (device.bytes[index] ?? 0), 0),
                    activeLanguage(),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
