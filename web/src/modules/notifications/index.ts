/** In-app notifications: the bell for the portal and the console headers. */
export { NotificationBell } from './NotificationBell';
export { useNotifications, POLL_MS } from './useNotifications';
export type { Notice, NoticeList } from './types';
