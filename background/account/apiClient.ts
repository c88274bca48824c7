import { z } from 'zod';
import { apiErrorBody } from '../../src/api/errors';
import { fillPath, type ApiRoute, type RouteResponse } from '../../src/api/route';
import { fieldMessages, type FieldAliases } from '../../src/fieldMessages';
import { appError, err, ok, type AppError, type Result } from '../../src/result';
import type { Platform } from '../platform';

export interface ApiRequest<R extends ApiRoute> {
  /** An entry of `routes` (src/api/routes): its method and path, and the schema its answer is read with. */
  route: R;
  /** Values of the route's `:name` segments. */
  params?: Record<string, string>;
  body?: unknown;
  bearer?: string;
  /** Which form field each body field is, where its name says less (`code`), for validation messages. */
  fields?: FieldAliases;
}

/**
 * The account API as the background sees it: every answer parsed with the contract in `src/api`, every
 * failure an `AppError` whose key names the API's error code (`apiError_<code>`), so the pages can explain it;
 * invalid input is named per field instead (src/fieldMessages), never as the service's schema text.
 */
export function createApiClient(platform: Platform, baseUrl: () => Promise<string>) {
  return async <R extends ApiRoute>(
    request: ApiRequest<R>,
  ): Promise<Result<RouteResponse<R>, AppError & { status?: number }>> => {
    const { route } = request;
    let response: { status: number; body: unknown };
    try {
      response = await platform.fetchJson(`${await baseUrl()}${fillPath(route.path, request.params)}`, {
        method: route.method,
        ...(request.body === undefined ? {} : { body: request.body }),
        ...(request.bearer ? { headers: { authorization: `Bearer ${request.bearer}` } } : {}),
      });
    } catch {
      return err(appError('serviceUnreachable', 'errorReason_serviceUnreachable'));
    }
    if (response.status >= 400) {
      const body = apiErrorBody.safeParse(response.body);
      const code = body.success ? body.data.error.code : 'internal';
      const issues = issueList.safeParse(body.success ? body.data.error.details?.issues : undefined);
      const [first] = issues.success ? fieldMessages(issues.data, request.body, request.fields) : [];
      if (code === 'invalidRequest' && first) {
        return err({ ...appError(code, first.messageKey, first.substitutions), status: response.status });
      }
      return err({
        ...appError(code, `apiError_${code}`, body.success ? [body.data.error.message] : []),
        status: response.status,
      });
    }
    if (!route.response) return ok(null as RouteResponse<R>);
    const parsed = route.response.safeParse(response.body);
    return parsed.success
      ? ok(parsed.data as RouteResponse<R>)
      : err(appError('badServiceAnswer', 'errorReason_serviceUnreachable'));
  };
}
const issueList = z.array(z.object({ path: z.string(), code: z.string().optional() })).min(1);

export type ApiClient = ReturnType<typeof createApiClient>;
