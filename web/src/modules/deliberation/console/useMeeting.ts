import { useCallback, useEffect, useState } from 'react';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useFetch } from '../../../app/useFetch';
import type { MeetingDetail } from '../shared/types';

/**
 * The meeting being walked: every change answers the whole meeting, which replaces the one shown.
 * A refused change reloads it, since someone else may have moved it on meanwhile.
 */
export function useMeeting(id: string) {
  const notify = useNotify();
  const fetched = useFetch<MeetingDetail>(`/api/meetings/${id}`);
  const [meeting, setMeeting] = useState<MeetingDetail>();
  useEffect(() => setMeeting(fetched.data), [fetched.data]);

  const { reload } = fetched;
  const act = useCallback(
    async (path: string, body: unknown = {}, method: 'POST' | 'DELETE' | 'PATCH' | 'PUT' = 'POST', doneText?: string | null): Promise<boolean> => {
      try {
        setMeeting(await api<MeetingDetail>(`/api/meetings/${id}${path}`, { method, body: method === 'DELETE' ? undefined : body }));
        // Steps whose result shows on the page at once (a sign-in, a line of minutes) need no message.
        if (doneText !== null) notify.success(doneText);
        return true;
      } catch (err) {
        notify.error(err);
        reload();
        return false;
      }
    },
    [id, notify, reload],
  );
  /** Like act, but lets the caller place field errors (dialogs with forms). */
  const send = useCallback(
    async (path: string, body: unknown) => {
      const next = await api<MeetingDetail>(`/api/meetings/${id}${path}`, { method: 'POST', body });
      setMeeting(next);
      return next;
    },
    [id],
  );
  return { meeting: meeting?.id === id ? meeting : undefined, error: fetched.error, reload, act, send };
}

export type MeetingHandle = ReturnType<typeof useMeeting>;
