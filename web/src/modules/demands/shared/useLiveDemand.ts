import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../app/api';
import type { DemandDetail } from './types';

/** How often an open demand asks for news while its page is in front of the person. */
export const LIVE_POLL_MS = 20_000;

/**
 * One demand, kept current while its page is open: asked for again every 20 s while the tab is
 * visible, and at once when the window regains focus or the tab becomes visible; a hidden tab asks
 * nothing. Background answers are quiet: no loading state, a failed one keeps what is shown, and
 * one identical to what is shown changes nothing (no re-render, the scroll stays). A change the
 * page makes itself (`setDemand`, after an action) wins over any answer still on its way.
 */
export function useLiveDemand(id: string | undefined) {
  const [demand, setShown] = useState<DemandDetail>();
  const [error, setError] = useState<unknown>();
  const shownJson = useRef('');
  /** Bumped by every change made here and every new id: answers to older requests are dropped. */
  const version = useRef(0);
  const inFlight = useRef<AbortController | null>(null);

  const show = useCallback((d: DemandDetail) => {
    const json = JSON.stringify(d);
    if (json === shownJson.current) return;
    shownJson.current = json;
    setShown(d);
  }, []);

  const load = useCallback(async (quiet: boolean) => {
    if (!id) return;
    inFlight.current?.abort();
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    const asked = version.current;
    try {
      const d = await api<DemandDetail>(`/api/demands/${id}`, { signal: ctrl.signal });
      if (asked !== version.current) return;
      setError(undefined);
      show(d);
    } catch (e) {
      if ((e as Error).name === 'AbortError' || asked !== version.current) return;
      if (!quiet) setError(e);
    }
  }, [id, show]);

  useEffect(() => {
    version.current += 1;
    shownJson.current = '';
    setShown(undefined);
    setError(undefined);
    void load(false);
    const poll = () => {
      if (document.visibilityState === 'visible') void load(true);
    };
    const timer = window.setInterval(poll, LIVE_POLL_MS);
    window.addEventListener('focus', poll);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', poll);
      document.removeEventListener('visibilitychange', poll);
      inFlight.current?.abort();
    };
  }, [load]);

  const setDemand = useCallback((d: DemandDetail) => {
    version.current += 1;
    inFlight.current?.abort();
    show(d);
  }, [show]);
  const reload = useCallback(() => {
    setError(undefined);
    void load(false);
  }, [load]);

  return { demand, error, reload, setDemand };
}
