import { GATEWAY_SECRET_HEADER } from '../../src/api/proxyCredential';
import { usageReportResponse } from '../../src/api/vpn';
import { appError, err, ok } from '../../src/result';
import type { ReportUsage } from './usageReporter';
import { routes } from '../../src/api/routes';

const REPORT_TIMEOUT_MS = 10_000;

/** The default reporter: POST the batch to the account service, authenticated by the shared gateway secret. */
export const httpReportUsage =
  (accountUrl: string, gatewaySecret: string): ReportUsage =>
  async (batch) => {
    const url = `${accountUrl.replace(/\/+$/, '')}${routes.gatewayUsage.path}`;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: gatewaySecret },
        body: JSON.stringify(batch),
        signal: AbortSignal.timeout(REPORT_TIMEOUT_MS),
      });
      if (!response.ok) {
        await response.body?.cancel();
        return err(appError('usage-report-refused', 'errorUsageReport', [String(response.status)]));
      }
      // A 2xx is the acknowledgement; the body only adds which devices the service now sees at their limit.
      const answer = usageReportResponse.safeParse(await response.json().catch(() => undefined));
      return ok({ overLimitDeviceIds: answer.success ? answer.data.overLimit : [] });
    } catch (error) {
      return err(appError('usage-report-unreachable', 'errorUsageReport', [String(error)]));
    }
  };
