import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../app/api';
import type { Notice, NoticeList } from './types';

/** How often the bell asks for news while the page is in front of the person. */
export const POLL_MS = 60_000;

/**
 * The caller's latest notifications and unread count, asked for every minute while the page is
 * visible (and at once when it becomes visible or focused again); a hidden tab asks nothing.
 */
export function useNotifications() {
  const [items, setItems] = useState<Notice[]>([]);
  const [unread, setUnread] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const inFlight = useRef<AbortController | null>(null);

  const refresh = useCallback(async () => {
    inFlight.current?.abort();
    const ctrl = new AbortController();
    inFlight.current = ctrl;
    try {
      const r = await api<NoticeList>('/api/notifications', { query: { limit: 50 }, signal: ctrl.signal });
      setItems(r.items);
      setUnread(r.unread);
      setLoaded(true);
    } catch {
      // a missed poll is retried on the next tick; the bell keeps what it had
    }
  }, []);

  useEffect(() => {
    void refresh();
    const tick = () => {
      if (document.visibilityState === 'visible') void refresh();
    };
    const timer = window.setInterval(tick, POLL_MS);
    document.addEventListener('visibilitychange', tick);
    window.addEventListener('focus', tick);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
      window.removeEventListener('focus', tick);
      inFlight.current?.abort();
    };
  }, [refresh]);

  const markRead = useCallback(async (n: Notice) => {
    if (n.readAt) return;
    const now = new Date().toISOString();
    setItems((list) => list.map((x) => (x.id === n.id ? { ...x, readAt: now } : x)));
    setUnread((u) => Math.max(0, u - 1));
    await api(`/api/notifications/${n.id}/read`, { method: 'POST' }).catch(() => refresh());
  }, [refresh]);

  const markAllRead = useCallback(async () => {
    const now = new Date().toISOString();
    setItems((list) => list.map((x) => (x.readAt ? x : { ...x, readAt: now })));
    setUnread(0);
    await api('/api/notifications/read-all', { method: 'POST' }).catch(() => refresh());
  }, [refresh]);

  return { items, unread, loaded, refresh, markRead, markAllRead };
}
