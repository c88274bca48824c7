import type { z } from 'zod';

/** The prefix of every account API path. */
export const API_PREFIX = '/api/v1';

/** One route of the account API: how it is called and the contracts of what goes in and comes out. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Fastify-style: a `:name` segment is a path parameter. */
  readonly path: `${typeof API_PREFIX}/${string}`;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly request?: z.ZodType;
  /** Absent when the answer has no body. */
  readonly response?: z.ZodType;
}

/** The `:name` segments of a path, e.g. `'id'` for `/api/v1/sessions/:id`. */
type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** The values `routePath` needs for a route's parameters. */
export type RouteParams<R extends ApiRoute> = Record<ParamNames<R['path']>, string>;

/** What a client reads from a route's answer: the parsed response, or null when there is no body. */
export type RouteResponse<R extends ApiRoute> = R extends { response: infer S extends z.ZodType }
  ? z.output<S>
  : null;

/** Fills the `:name` segments of `path` (each value URI-encoded); a missing value is a programming error. */
export function fillPath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${path} needs a value for :${name}`);
    return encodeURIComponent(value);
  });
}

/** The path to call for `route`, its parameters filled in (only routes with parameters take them). */
export function routePath<R extends ApiRoute>(
  route: R,
  ...[params]: [ParamNames<R['path']>] extends [never] ? [] : [RouteParams<R>]
): string {
  return fillPath(route.path, params);
}
