import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, wgs84ToGcj02 } from '../../../web/src/app/ui/gcj02.ts';
import { loadConfig, mapSettings, mapTileOrigins } from '../../config.ts';
import { createTestContext } from '../../test/harness.ts';

// Reference pairs published with the eviltransform library's tests (wgsLat, wgsLng, gcjLat, gcjLng).
const KNOWN = [
  [31.1774276, 121.5272106, 31.17530398364597, 121.531541859215], // Shanghai
  [22.543847, 113.912316, 22.540796131694766, 113.9171764808363], // Shenzhen
  [39.911954, 116.377817, 39.91334545536069, 116.38404722455657], // Beijing
] as const;

describe('the WGS-84 / GCJ-02 transform', () => {
  it('moves known points to their published GCJ-02 positions', () => {
    for (const [wLat, wLng, gLat, gLng] of KNOWN) {
      const g = wgs84ToGcj02({ lat: wLat, lng: wLng });
      expect(g.lat).toBeCloseTo(gLat, 7);
      expect(g.lng).toBeCloseTo(gLng, 7);
    }
  });

  it('brings them back to WGS-84 within a few centimetres', () => {
    for (const [wLat, wLng, gLat, gLng] of KNOWN) {
      const w = gcj02ToWgs84({ lat: gLat, lng: gLng });
      expect(Math.abs(w.lat - wLat)).toBeLessThan(1e-6);
      expect(Math.abs(w.lng - wLng)).toBeLessThan(1e-6);
    }
    // 松江区: the offset there is a few hundred metres, and the round trip removes it.
    const songjiang = { lat: 31.03, lng: 121.23 };
    const g = wgs84ToGcj02(songjiang);
    expect(Math.abs(g.lng - songjiang.lng)).toBeGreaterThan(0.003);
    const back = gcj02ToWgs84(g);
    expect(back.lat).toBeCloseTo(songjiang.lat, 7);
    expect(back.lng).toBeCloseTo(songjiang.lng, 7);
  });

  it('leaves points outside China as they are', () => {
    expect(wgs84ToGcj02({ lat: 48.8566, lng: 2.3522 })).toEqual({ lat: 48.8566, lng: 2.3522 });
    expect(gcj02ToWgs84({ lat: 48.8566, lng: 2.3522 })).toEqual({ lat: 48.8566, lng: 2.3522 });
  });
});

describe('the map settings', () => {
  it('default to 高德 tiles in GCJ-02 and list their hosts for the page security policy', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(mapSettings(c)).toMatchObject({ crs: 'gcj02', subdomains: ['1', '2', '3', '4'] });
    expect(mapTileOrigins(c)).toEqual([1, 2, 3, 4].map((n) => `https://webrd0${n}.is.autonavi.com`));
  });

  it('take another source from the environment and refuse a template without {x}/{y}/{z}', () => {
    const c = loadConfig({
      NODE_ENV: 'test', GONGZHI_MAP_TILES: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', GONGZHI_MAP_SUBDOMAINS: 'a,b,c',
      GONGZHI_MAP_ATTRIBUTION: '© OpenStreetMap', GONGZHI_MAP_CRS: 'wgs84',
    });
    expect(mapSettings(c)).toEqual({
      tiles: 'https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', subdomains: ['a', 'b', 'c'], attribution: '© OpenStreetMap', crs: 'wgs84',
    });
    expect(() => loadConfig({ NODE_ENV: 'test', GONGZHI_MAP_TILES: 'https://example.org/tiles.png' })).toThrow(/GONGZHI_MAP_TILES/);
    expect(() => loadConfig({ NODE_ENV: 'test', GONGZHI_MAP_CRS: 'bd09' })).toThrow(/GONGZHI_MAP_CRS/);
  });

  it('are served without a login, and the page lets their tiles in', async () => {
    const t = await createTestContext();
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/system/map' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ crs: 'gcj02', tiles: expect.stringContaining('autonavi.com') });
      expect(String(res.headers['content-security-policy'])).toContain('https://webrd01.is.autonavi.com');
    } finally {
      await t.close();
    }
  });
});
