import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fillPath, routePath, routes, type ApiRoute } from '../../../src/api';

const entries = Object.entries(routes) as [string, ApiRoute][];
const paramNames = (path: string) => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);

describe('the API route table', () => {
  it('declares each method and path once', () => {
    const keys = entries.map(([, route]) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(43);
  });

  it('gives every path parameter a schema, and no schema to a route without parameters', () => {
    for (const [name, route] of entries) {
      const declared = route.params instanceof z.ZodObject ? Object.keys(route.params.shape).sort() : [];
      expect(declared, name).toEqual(paramNames(route.path).sort());
    }
  });

  it('takes a request body only on writes', () => {
    const writes = new Set(['POST', 'PATCH']);
    const getsWithBody = entries.filter(([, route]) => !writes.has(route.method) && route.request);
    expect(getsWithBody.map(([name]) => name)).toEqual([]);
  });

  it('fills path parameters, URI-encoded', () => {
    expect(routePath(routes.revokeSession, { id: 'a/b c' })).toBe('/api/v1/sessions/a%2Fb%20c');
    expect(routePath(routes.sendCommand, { id: '42' })).toBe('/api/v1/account/devices/42/commands');
    expect(routePath(routes.gateways)).toBe('/api/v1/gateways');
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => fillPath(routes.deviceDetail.path, {})).toThrow(':id');
  });
});
