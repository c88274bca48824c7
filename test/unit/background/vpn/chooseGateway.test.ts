import { describe, expect, it } from 'vitest';
import { chooseGateway, type ServiceGateway } from '../../../../background/vpn/gateway';

const gw = (id: string, region: string, load: number): ServiceGateway => ({
  id,
  region,
  city: `${region}-city`,
  host: `${id}.test`,
  port: 8443,
  load,
});
const LIST = [gw('de-1', 'de', 0.5), gw('de-2', 'de', 0.2), gw('nl-1', 'nl', 0.1), gw('nl-2', 'nl', 0.1)];
const optimal = { region: 'optimal', selfHostedGateway: null };

describe('choosing the gateway', () => {
  it.each<[string, { region: string }, string[], string | null]>([
    ['Optimal: the least loaded of all, ties by id', optimal, [], 'nl-1'],
    ['a region: its least loaded', { region: 'de' }, [], 'de-2'],
    ['Optimal skips a gateway whose check failed', optimal, ['nl-1'], 'nl-2'],
    ['… and the next one too', optimal, ['nl-1', 'nl-2'], 'de-2'],
    ['a region skips its failed gateway for its other one', { region: 'de' }, ['de-2'], 'de-1'],
    [
      'a region never moves to another region: all failed, its least loaded',
      { region: 'de' },
      ['de-1', 'de-2'],
      'de-2',
    ],
    ['all failed: still the least loaded, rather than none', optimal, LIST.map((g) => g.id), 'nl-1'],
    ['a region that is not listed: none', { region: 'fr' }, [], null],
  ])('%s', (_, settings, unreachable, expected) => {
    const chosen = chooseGateway({ selfHostedGateway: null, ...settings }, LIST, new Set(unreachable));
    expect(chosen?.id ?? null).toBe(expected);
  });

  it('a listed gateway is used over HTTPS, from the service', () => {
    expect(chooseGateway(optimal, LIST)).toEqual({
      id: 'nl-1',
      scheme: 'HTTPS',
      host: 'nl-1.test',
      port: 8443,
      region: 'nl',
      city: 'nl-city',
      source: 'service',
    });
  });

  it("the self-hosted region uses the user's own gateway, whatever the list and the checks say", () => {
    const own = { scheme: 'PROXY' as const, host: '127.0.0.1', port: 3128, username: 'u', password: 'p' };
    expect(
      chooseGateway({ region: 'self-hosted', selfHostedGateway: own }, LIST, new Set(['self-hosted'])),
    ).toEqual({
      id: 'self-hosted',
      scheme: 'PROXY',
      host: '127.0.0.1',
      port: 3128,
      region: 'self-hosted',
      city: '127.0.0.1',
      source: 'selfHosted',
    });
    expect(chooseGateway({ region: 'self-hosted', selfHostedGateway: null }, LIST)).toBeNull();
  });
});
