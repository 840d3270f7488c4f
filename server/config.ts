import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  GONGZHI_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  GONGZHI_SECRET_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
    .optional(),
  GONGZHI_DEMO: z.enum(['0', '1']).optional(),
  GONGZHI_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Map tile URL template ({s} subdomain, {x} {y} {z}); the default is 高德 (AutoNavi) road tiles. */
  GONGZHI_MAP_TILES: z
    .string()
    .refine((v) => /^https?:\/\//.test(v) && ['{x}', '{y}', '{z}'].every((p) => v.includes(p)), 'must be an http(s) URL template with {x}, {y} and {z}')
    .default('https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}'),
  /** Letters or digits that replace {s} in the tile URL, comma-separated. */
  GONGZHI_MAP_SUBDOMAINS: z.string().regex(/^[a-z0-9]+(,[a-z0-9]+)*$/i, 'comma-separated letters or digits').default('1,2,3,4'),
  GONGZHI_MAP_ATTRIBUTION: z.string().max(300).default('© 高德地图 AutoNavi'),
  /** The coordinate system the tiles are drawn in: gcj02 (高德, 腾讯) or wgs84 (OpenStreetMap). Points are stored in WGS-84. */
  GONGZHI_MAP_CRS: z.enum(['gcj02', 'wgs84']).default('gcj02'),
  /** Requests a minute per instance (server/rate-limit.ts; 0 turns the limit off): logins per client address, */
  GONGZHI_RATE_LOGIN: z.coerce.number().int().min(0).optional(),
  /** the public 公示 routes per client address, */
  GONGZHI_RATE_PUBLIC: z.coerce.number().int().min(0).optional(),
  /** and the Open311 routes per api_key (per client address without one). */
  GONGZHI_RATE_OPEN311: z.coerce.number().int().min(0).optional(),
});

export type Config = z.infer<typeof schema> & { demo: boolean };

/** Parses the environment once; a bad variable stops the start with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const demo = c.GONGZHI_DEMO ? c.GONGZHI_DEMO === '1' : c.NODE_ENV !== 'production';
  return { ...c, demo };
}

/** The map's tile source as the browser needs it (GET /api/system/map). */
export function mapSettings(c: Config) {
  return {
    tiles: c.GONGZHI_MAP_TILES,
    subdomains: c.GONGZHI_MAP_SUBDOMAINS.split(','),
    attribution: c.GONGZHI_MAP_ATTRIBUTION,
    crs: c.GONGZHI_MAP_CRS,
  };
}

/** Origins the tiles come from, for the Content-Security-Policy's img-src. */
export function mapTileOrigins(c: Config): string[] {
  const subdomains = c.GONGZHI_MAP_SUBDOMAINS.split(',');
  const urls = c.GONGZHI_MAP_TILES.includes('{s}') ? subdomains.map((s) => c.GONGZHI_MAP_TILES.replaceAll('{s}', s)) : [c.GONGZHI_MAP_TILES];
  const origins = new Set<string>();
  for (const u of urls) {
    try {
      origins.add(new URL(u).origin);
    } catch {
      // A template whose host holds another placeholder cannot be listed; its tiles stay blocked.
    }
  }
  return [...origins];
}
