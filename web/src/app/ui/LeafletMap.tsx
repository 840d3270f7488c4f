import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { CloseCircleOutlined } from '@ant-design/icons';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { useI18n } from '../i18n';
import { gcj02ToWgs84, round6, wgs84ToGcj02, type LatLng } from './gcj02';
import { loadMapSettings, mapLabel, SONGJIANG, type MapSettings } from './map-settings';

const PICK_ZOOM = 16;
const OVERVIEW_ZOOM = 13;

/** Leaflet's own marker images break once bundled; a drawn pin needs none. */
const pin = L.divIcon({ className: 'gz-map-pin', iconSize: [22, 22], iconAnchor: [11, 11] });

/** Only when the user has already allowed it: a map must not open with a permission prompt. */
async function deviceLocation(): Promise<LatLng | null> {
  if (!('geolocation' in navigator) || !navigator.permissions) return null;
  try {
    const status = await navigator.permissions.query({ name: 'geolocation' });
    if (status.state !== 'granted') return null;
  } catch {
    return null;
  }
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (pos) => resolve({ lat: pos.coords.latitude, lng: pos.coords.longitude }),
      () => resolve(null),
      { timeout: 8000, maximumAge: 300_000 },
    );
  });
}

/** The Leaflet map behind MapPointPicker and MapPointView; without onChange it only shows the point. */
export default function LeafletMap({ value, onChange, center, height, testId }: {
  value: LatLng | null;
  onChange?: (p: LatLng | null) => void;
  center: LatLng | null;
  height: number;
  testId: string;
}) {
  const { lang } = useI18n();
  const readOnly = !onChange;
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const marker = useRef<L.Marker | null>(null);
  const crs = useRef<MapSettings['crs']>('wgs84');
  const emit = useRef(onChange);
  emit.current = onChange;
  const [settings, setSettings] = useState<MapSettings | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    loadMapSettings().then((s) => live && setSettings(s), () => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  // Points come and go in WGS-84; on GCJ-02 tiles they are drawn shifted.
  const toMap = (p: LatLng): L.LatLngExpression => {
    const d = crs.current === 'gcj02' ? wgs84ToGcj02(p) : p;
    return [d.lat, d.lng];
  };
  const fromMap = (ll: L.LatLng): LatLng => {
    const w = crs.current === 'gcj02' ? gcj02ToWgs84({ lat: ll.lat, lng: ll.lng }) : { lat: ll.lat, lng: ll.lng };
    return { lat: round6(w.lat), lng: round6(w.lng) };
  };

  const place = (p: LatLng) => {
    const m = map.current;
    if (!m) return;
    if (marker.current) {
      marker.current.setLatLng(toMap(p));
      return;
    }
    const mk = L.marker(toMap(p), { icon: pin, draggable: !readOnly, keyboard: false, title: mapLabel(lang, 'marker'), alt: mapLabel(lang, 'marker') });
    mk.on('dragend', () => emit.current?.(fromMap(mk.getLatLng())));
    mk.addTo(m);
    marker.current = mk;
  };

  useEffect(() => {
    if (!settings || !box.current) return;
    crs.current = settings.crs;
    const start = value ?? center;
    const m = L.map(box.current, {
      center: toMap(start ?? SONGJIANG),
      zoom: value ? PICK_ZOOM : start ? PICK_ZOOM - 1 : OVERVIEW_ZOOM,
      attributionControl: true,
      // Leaflet ends a zoom animation on a timer that outlives map.remove(); leaving the form mid-zoom would throw.
      zoomAnimation: false,
      ...(readOnly ? { dragging: false, touchZoom: false, scrollWheelZoom: false, doubleClickZoom: false, boxZoom: false, keyboard: false } : {}),
    });
    m.attributionControl.setPrefix(false);
    L.tileLayer(settings.tiles, { subdomains: settings.subdomains, attribution: settings.attribution, maxZoom: 18, minZoom: 3 }).addTo(m);
    map.current = m;

    // The visible area in WGS-84 (south,west,north,east), for whoever needs to check a point against it.
    const markBounds = () => {
      const b = m.getBounds();
      const sw = fromMap(b.getSouthWest());
      const ne = fromMap(b.getNorthEast());
      box.current?.setAttribute('data-bounds', [sw.lat, sw.lng, ne.lat, ne.lng].join(','));
    };
    m.on('moveend zoomend resize', markBounds);
    markBounds();
    if (!readOnly) m.on('click', (e: L.LeafletMouseEvent) => emit.current?.(fromMap(e.latlng)));

    let live = true;
    if (!start && !readOnly) {
      void deviceLocation().then((here) => {
        if (live && here && !marker.current) m.setView(toMap(here), PICK_ZOOM - 1, { animate: false });
      });
    }
    const resize = new ResizeObserver(() => {
      if (live) m.invalidateSize({ pan: false, animate: false });
    });
    resize.observe(box.current);
    return () => {
      // A resize seen after removal must not reach Leaflet: its animation frame would touch removed panes.
      live = false;
      resize.disconnect();
      m.remove();
      map.current = null;
      marker.current = null;
    };
    // The map is built once per settings; later points are placed by the effect below.
  }, [settings, readOnly]);

  // Follows the value: a tap, a drag, 清除选点, or a change from outside (the phone's position).
  useEffect(() => {
    if (!map.current) return;
    if (value) {
      place(value);
      if (readOnly || !map.current.getBounds().contains(toMap(value) as L.LatLngTuple)) map.current.setView(toMap(value), undefined, { animate: false });
    } else if (marker.current) {
      marker.current.remove();
      marker.current = null;
    }
  }, [value?.lat, value?.lng, settings]);

  if (failed) return <div className="gz-map-loading" style={{ height }} data-testid={`${testId}-failed`}>{mapLabel(lang, 'failed')}</div>;
  return (
    <div className="gz-map" data-testid={testId}>
      <div ref={box} className="gz-map-canvas" style={{ height }} data-testid={`${testId}-canvas`} />
      {!readOnly && (
        <div className="gz-map-bar">
          {value ? (
            <>
              <span data-testid={`${testId}-value`} data-lat={value.lat} data-lng={value.lng}>
                {mapLabel(lang, 'picked', { lat: value.lat.toFixed(6), lng: value.lng.toFixed(6) })}
              </span>
              <Button size="small" type="link" icon={<CloseCircleOutlined />} onClick={() => emit.current?.(null)} data-testid={`${testId}-clear`}>
                {mapLabel(lang, 'clear')}
              </Button>
            </>
          ) : (
            <span className="gz-map-hint">{mapLabel(lang, 'hint')}</span>
          )}
        </div>
      )}
    </div>
  );
}
