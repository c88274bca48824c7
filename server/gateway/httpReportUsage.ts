import { GATEWAY_SECRET_HEADER } from '../../src/api/proxyCredential';
import { usageReportResponse } from '../../src/api/vpn';
import { appError, err, ok } from '../../src/result';
import { routes } from '../../src/api/routes';
import { USAGE_REPORT_REJECTED, type ReportUsage } from './usageReporter';

const REPORT_TIMEOUT_MS = 10_000;

/** Statuses a retry of the same request may well change: the rest of 4xx will not. */
const RETRYABLE_CLIENT_ERRORS = new Set([408, 425, 429]);
const isPermanentRefusal = (status: number) =>
  status >= 400 && status < 500 && !RETRYABLE_CLIENT_ERRORS.has(status);

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
        // A 4xx other than "later" (timeout, too early, too many) says the batch itself is unacceptable: the
        // same batch would be refused forever, so the reporter drops it instead of retrying.
        const code = isPermanentRefusal(response.status) ? USAGE_REPORT_REJECTED : 'usage-report-refused';
        return err(appError(code, 'errorUsageReport', [String(response.status)]));
      }
      // A 2xx is the acknowledgement; the body only adds which devices the service now sees at their limit.
      const answer = usageReportResponse.safeParse(await response.json().catch(() => undefined));
      return ok({ overLimitDeviceIds: answer.success ? answer.data.overLimit : [] });
    } catch (error) {
      return err(appError('usage-report-unreachable', 'errorUsageReport', [String(error)]));
    }
  };
