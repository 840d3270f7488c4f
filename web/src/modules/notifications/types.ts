/** Shapes of the in-app notifications API (docs/api-demands.md, `notifications`). */
export interface Notice {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  params: Record<string, unknown> | null;
  createdAt: string;
  readAt: string | null;
}

export interface NoticeList {
  items: Notice[];
  unread: number;
}
