import type { TerritoryKind } from '../../db/schema/territory.ts';

/** Which kinds may sit under which: urban neighbourhoods hold building groups, villages areas and grids. */
const allowedChildren: Record<TerritoryKind, readonly TerritoryKind[]> = {
  district: ['subdistrict', 'town', 'zone'],
  subdistrict: ['neighborhood', 'village'],
  town: ['neighborhood', 'village'],
  zone: ['neighborhood', 'village'],
  neighborhood: ['area', 'grid', 'building'],
  village: ['area', 'grid', 'building'],
  area: ['grid', 'building'],
  grid: ['building'],
  building: [],
};

export const canContain = (parent: TerritoryKind, child: TerritoryKind) => allowedChildren[parent].includes(child);

export const childPath = (parentPath: string, id: string) => `${parentPath}${id}/`;
export const rootPath = (id: string) => `/${id}/`;
export const idsOfPath = (path: string) => path.split('/').filter(Boolean);
