import type { Queryable } from '../database';

export interface GatewayRow {
  id: string;
  region: string;
  city: string;
  host: string;
  port: number;
  load: number;
}

export const gatewaysRepository = (db: Queryable) => ({
  async insert(gateway: GatewayRow & { now: Date }): Promise<void> {
    await db.query(
      'INSERT INTO gateways (id, region, city, host, port, load, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [gateway.id, gateway.region, gateway.city, gateway.host, gateway.port, gateway.load, gateway.now],
    );
  },

  async list(): Promise<GatewayRow[]> {
    const { rows } = await db.query<GatewayRow>(
      'SELECT id, region, city, host, port, load FROM gateways ORDER BY region, city, host',
    );
    return rows;
  },

  /** The regions at least one gateway serves, sorted. */
  async regions(): Promise<string[]> {
    const { rows } = await db.query<{ region: string }>(
      'SELECT DISTINCT region FROM gateways ORDER BY region',
    );
    return rows.map((row) => row.region);
  },

  /** Each region with the cities its gateways are in, both sorted: what people choose a region by. */
  async regionPlaces(): Promise<{ region: string; cities: string[] }[]> {
    const { rows } = await db.query<{ region: string; city: string }>(
      'SELECT DISTINCT region, city FROM gateways ORDER BY region, city',
    );
    const places = new Map<string, string[]>();
    for (const row of rows) places.set(row.region, [...(places.get(row.region) ?? []), row.city]);
    return [...places].map(([region, cities]) => ({ region, cities }));
  },

  async setLoad(id: string, load: number): Promise<void> {
    await db.query('UPDATE gateways SET load = $2 WHERE id = $1', [id, load]);
  },
});
