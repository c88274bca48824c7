import { describe, expect, it } from 'vitest';
import { devicePath, matchPath, paths } from '../../../portal/paths';

const id = '0b6a3f0e-6f7e-4d55-9a43-1d2f3c4b5a69';

describe('matchPath', () => {
  it.each([
    ['/', paths.home, {}],
    ['/devices', paths.devices, {}],
    [`/devices/${id}`, paths.device, { id }],
    ['/traffic', paths.traffic, {}],
    ['/link', paths.link, {}],
  ])('%s is the page %s', (path, page, params) => {
    expect(matchPath(path)).toEqual({ path: page, params });
  });

  it.each(['/devices/', `/devices/${id}/more`, '/device', '/nope', '', '/devices/%E0%A4%A'])(
    '%s is no page',
    (path) => {
      expect(matchPath(path)).toBeNull();
    },
  );

  it('round-trips a device id through its path, escaped', () => {
    expect(devicePath(id)).toBe(`/devices/${id}`);
    expect(devicePath('a/b c')).toBe('/devices/a%2Fb%20c');
    expect(matchPath(devicePath('a/b c'))?.params).toEqual({ id: 'a/b c' });
  });
});
