import { useState } from 'react';
import { Button, Input, Radio, TreeSelect } from 'antd';
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import type { Items, TerritoryNode } from '../../../app/types';
import { MapPointPicker } from '../../../app/ui/MapPointPicker';
import { mapLabel } from '../../../app/ui/map-settings';

export interface Place {
  /** Null: my home, which the server fills in. */
  territoryId: string | null;
  address: string;
  lat: number | null;
  lng: number | null;
}

interface TreeRow {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  isLeaf: boolean;
}

const row = (n: Pick<TerritoryNode, 'id' | 'name' | 'hasChildren'>, parent: string | null): TreeRow =>
  ({ id: n.id, pId: parent, value: n.id, title: n.name, isLeaf: !n.hasChildren });

/** Where the problem is: my home by default, or a place in my community from the tree; optionally the phone's position or a point on the map, and an address line. */
export function PlacePicker({ community, home, value, onChange }: {
  community: { id: string; name: string } | null;
  home: string | null;
  value: Place;
  onChange: (p: Place) => void;
}) {
  const { t, lang } = useI18n();
  const [mapOpen, setMapOpen] = useState(false);
  const [tree, setTree] = useState<TreeRow[]>(() => (community ? [row({ ...community, hasChildren: true }, null)] : []));
  const [locating, setLocating] = useState(false);
  const [locateError, setLocateError] = useState<string | null>(null);
  const [mode, setMode] = useState<'home' | 'other'>(value.territoryId ? 'other' : 'home');

  const loadChildren = async (node: { value?: unknown }) => {
    const id = String(node.value);
    if (tree.some((r) => r.pId === id)) return;
    const { items } = await api<Items<TerritoryNode>>(`/api/territories/${id}/children`);
    setTree((rows) => [...rows, ...items.filter((c) => !c.retired).map((c) => row(c, id))]);
  };

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocateError(t('m.demand.locateUnsupported'));
      return;
    }
    setLocating(true);
    setLocateError(null);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        onChange({ ...value, lat: Math.round(pos.coords.latitude * 1e6) / 1e6, lng: Math.round(pos.coords.longitude * 1e6) / 1e6 });
      },
      (err) => {
        setLocating(false);
        setLocateError(t('m.demand.locateFailed', { reason: err.message || String(err.code) }));
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="gz-dm-place">
      <Radio.Group
        value={mode}
        onChange={(e) => {
          setMode(e.target.value);
          if (e.target.value === 'home') onChange({ ...value, territoryId: null });
        }}
        className="gz-dm-place-mode"
      >
        <Radio value="home">
          <span data-testid="m-demand-place-home">{home ? t('m.demand.placeHome', { home }) : t('m.demand.placeHomeUnknown')}</span>
        </Radio>
        {community && <Radio value="other"><span data-testid="m-demand-place-other">{t('m.demand.placeOther')}</span></Radio>}
      </Radio.Group>
      {mode === 'other' && community && (
        <TreeSelect
          treeDataSimpleMode
          treeData={tree}
          loadData={loadChildren}
          value={value.territoryId ?? undefined}
          onChange={(id: string) => onChange({ ...value, territoryId: id ?? null })}
          placeholder={t('m.demand.placePick')}
          treeDefaultExpandedKeys={[community.id]}
          style={{ width: '100%', marginTop: 8 }}
          popupMatchSelectWidth
          size="large"
          data-testid="m-demand-place-tree"
        />
      )}
      <Input
        value={value.address}
        onChange={(e) => onChange({ ...value, address: e.target.value })}
        maxLength={200}
        placeholder={t('m.demand.addressPlaceholder')}
        aria-label={t('m.demand.address')}
        style={{ marginTop: 8 }}
        data-testid="m-demand-address"
      />
      <div className="gz-dm-locate">
        {value.lat !== null && value.lng !== null && mapOpen ? null : value.lat !== null && value.lng !== null ? (
          <>
            <span data-testid="m-demand-located">{t('m.demand.located', { lat: value.lat.toFixed(5), lng: value.lng.toFixed(5) })}</span>
            <Button type="link" size="small" onClick={() => onChange({ ...value, lat: null, lng: null })}>{t('m.demand.locateClear')}</Button>
          </>
        ) : (
          <Button icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="m-demand-locate">{t('m.demand.locate')}</Button>
        )}
        <Button icon={<EnvironmentOutlined />} onClick={() => setMapOpen((o) => !o)} aria-expanded={mapOpen} data-testid="m-demand-map-open">
          {mapLabel(lang, mapOpen ? 'close' : 'open')}
        </Button>
      </div>
      {mapOpen && (
        <div style={{ marginTop: 8 }}>
          <MapPointPicker
            value={value.lat !== null && value.lng !== null ? { lat: value.lat, lng: value.lng } : null}
            onChange={(p) => onChange({ ...value, lat: p?.lat ?? null, lng: p?.lng ?? null })}
            testId="m-demand-map"
          />
        </div>
      )}
      {locateError && <div className="gz-dm-error" data-testid="m-demand-locate-error">{locateError}</div>}
    </div>
  );
}
