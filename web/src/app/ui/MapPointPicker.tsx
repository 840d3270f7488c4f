import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n';
import { mapLabel } from './map-settings';
import type { LatLng } from './gcj02';

// Leaflet (and its CSS) load only when a form or page shows a map.
const LeafletMap = lazy(() => import('./LeafletMap'));

function Loading({ height }: { height: number }) {
  const { lang } = useI18n();
  return <div className="gz-map-loading" style={{ height }}>{mapLabel(lang, 'loading')}</div>;
}

/**
 * A map to pick one point on: a tap puts the marker, a drag moves it, 清除选点 removes it.
 * `value` and what `onChange` gives are WGS-84 with six decimals, whatever the tiles are drawn in.
 * It opens on the point, else on `center` (the place's coordinates if known), else on the
 * device's position if already allowed, else on 松江区.
 */
export function MapPointPicker({ value, onChange, center, height = 260, testId = 'map-picker' }: {
  value: LatLng | null;
  onChange: (p: LatLng | null) => void;
  center?: LatLng | null;
  height?: number;
  testId?: string;
}) {
  return (
    <Suspense fallback={<Loading height={height} />}>
      <LeafletMap value={value} onChange={onChange} center={center ?? null} height={height} testId={testId} />
    </Suspense>
  );
}

/** A small read-only map showing where a demand is. */
export function MapPointView({ point, height = 180, testId = 'map-view' }: { point: LatLng; height?: number; testId?: string }) {
  return (
    <Suspense fallback={<Loading height={height} />}>
      <LeafletMap value={point} center={null} height={height} testId={testId} />
    </Suspense>
  );
}
