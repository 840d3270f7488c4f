import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 768px)';

function subscribe(cb: () => void) {
  const mq = window.matchMedia(QUERY);
  mq.addEventListener('change', cb);
  return () => mq.removeEventListener('change', cb);
}

/** Phones and narrow tablets: the side menu becomes a drawer, forms stack. */
export function useIsMobile(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(QUERY).matches);
}
