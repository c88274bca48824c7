import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiErrorBody } from '../../src/api/errors';
import { ApiError, httpStatus } from '../errors';

const body = (error: ApiError): ApiErrorBody => ({
  error:
    error.details === undefined
      ? { code: error.code, message: error.message }
      : { code: error.code, message: error.message, details: error.details },
});

/** Fastify's own failures (body parsing, size, media type, rate limit) in the API's terms. */
function fromFramework(error: FastifyError): ApiError | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('payloadTooLarge', 'The request body is too large.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('unsupportedMediaType', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('malformedJson', 'The body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ApiError('malformedJson', 'The body is not valid JSON.');
    default:
  }
  if (error instanceof SyntaxError) return new ApiError('malformedJson', 'The body is not valid JSON.');
  const status = error.statusCode ?? 500;
  if (status === 429)
    return new ApiError('tooManyRequests', 'Too many requests. Slow down and try again shortly.');
  if (status === 413) return new ApiError('payloadTooLarge', 'The request body is too large.');
  if (status === 415) return new ApiError('unsupportedMediaType', 'Send the body as application/json.');
  if (status >= 400 && status < 500) return new ApiError('invalidRequest', error.message);
  return null;
}

/** The single place where errors become HTTP answers: `{ error: { code, message, details? } }`. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(
        body(new ApiError('notFound', `Nothing at ${request.method} ${request.url.split('?')[0] ?? ''}.`)),
      );
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped = error instanceof ApiError ? error : fromFramework(error);
    if (mapped === null) {
      request.log.error({ err: error }, 'unhandled error');
      return reply
        .code(500)
        .send(body(new ApiError('internal', 'Something went wrong on our side. Try again later.')));
    }
    const retryAfter = mapped.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    return reply.code(httpStatus[mapped.code]).send(body(mapped));
  });
}
