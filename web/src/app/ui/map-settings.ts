import { api } from '../api';
import type { Lang } from '../i18n';

/** The tile source the server is configured with (GET /api/system/map). */
export interface MapSettings {
  tiles: string;
  subdomains: string[];
  attribution: string;
  /** The system the tiles are drawn in; points are always given and stored in WGS-84. */
  crs: 'gcj02' | 'wgs84';
}

let cached: Promise<MapSettings> | null = null;

/** Asked once per page load; a failure is forgotten so the next map asks again. */
export function loadMapSettings(): Promise<MapSettings> {
  cached ??= api<MapSettings>('/api/system/map').catch((e: unknown) => {
    cached = null;
    throw e;
  });
  return cached;
}

/** 松江区, where a map opens when nothing better is known (WGS-84). */
export const SONGJIANG = { lat: 31.03, lng: 121.23 } as const;

const LABELS = {
  'zh-CN': {
    hint: '点击地图选择位置，拖动标记可调整',
    picked: '已选位置：{lat}, {lng}',
    clear: '清除选点',
    loading: '地图加载中…',
    failed: '地图设置读取失败',
    marker: '所选位置',
    open: '在地图上选点',
    close: '收起地图',
    where: '位置',
  },
  'en-US': {
    hint: 'Tap the map to pick the place; drag the marker to adjust',
    picked: 'Picked: {lat}, {lng}',
    clear: 'Clear point',
    loading: 'Loading map…',
    failed: 'Could not load the map settings',
    marker: 'Picked place',
    open: 'Pick on the map',
    close: 'Hide the map',
    where: 'Location',
  },
} as const;

export type MapLabel = keyof (typeof LABELS)['zh-CN'];

export function mapLabel(lang: Lang, key: MapLabel, vars?: Record<string, string>): string {
  const text: string = LABELS[lang]?.[key] ?? LABELS['zh-CN'][key];
  return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => vars[n] ?? w) : text;
}
