import type { FastifyInstance, RouteHandlerMethod, RouteShorthandOptions } from 'fastify';
import type { ApiRoute } from '../../src/api/route';

export type DeclaredRoute = {
  (route: ApiRoute, handler: RouteHandlerMethod): void;
  (route: ApiRoute, options: RouteShorthandOptions, handler: RouteHandlerMethod): void;
};

/**
 * Registers a handler for an entry of the API's route table (`src/api/routes`), with the entry's method and
 * path, so the service answers on exactly the paths its clients call.
 */
export function declaredRoutes(app: FastifyInstance): DeclaredRoute {
  return (route: ApiRoute, ...rest: [RouteHandlerMethod] | [RouteShorthandOptions, RouteHandlerMethod]) => {
    const [options, handler] = rest.length === 1 ? [{}, rest[0]] : rest;
    app.route({ ...options, method: route.method, url: route.path, handler });
  };
}
