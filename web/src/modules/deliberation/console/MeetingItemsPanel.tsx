import { useState } from 'react';
import { Button, Card, Empty, Select, Space, Tag } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ResolutionStateTag } from '../shared/Tags';
import type { AgendaItemOut, MeetingItem, MinutesEntry, Paged, ResolutionOut } from '../shared/types';
import { DecisionDialog } from './DecisionDialog';
import { DraftResolutionDialog } from './DraftResolutionDialog';
import { MinutesForm } from './MinutesForm';
import type { MeetingHandle } from './useMeeting';

function Minutes({ entries, testId }: { entries: MinutesEntry[]; testId: string }) {
  if (!entries.length) return null;
  return (
    <ol className="dl-minutes" data-testid={testId}>
      {entries.map((m) => (
        <li key={m.id}><strong>{m.speaker}</strong>：{m.opinion}</li>
      ))}
    </ol>
  );
}

/** Scheduling an accepted item: only what the community has accepted can reach the agenda. */
function ScheduleSelect({ handle }: { handle: MeetingHandle }) {
  const { t } = useI18n();
  const meeting = handle.meeting!;
  const accepted = useFetch<Paged<AgendaItemOut>>('/api/agenda-items', { state: 'accepted', territoryId: meeting.territory.id, pageSize: 100 });
  const [picked, setPicked] = useState<string>();
  const [busy, setBusy] = useState(false);
  const schedule = async () => {
    if (!picked) return;
    setBusy(true);
    if (await handle.act('/items', { agendaItemId: picked })) {
      setPicked(undefined);
      accepted.reload();
    }
    setBusy(false);
  };
  return (
    <div className="dl-schedule">
      <Select
        value={picked}
        onChange={setPicked}
        loading={accepted.loading}
        placeholder={t('dl.items.pick')}
        notFoundContent={t('dl.items.noneAccepted')}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ flex: 1, minWidth: 0 }}
        data-testid="meeting-schedule-pick"
        options={(accepted.data?.items ?? []).map((a) => ({ value: a.id, label: a.title }))}
      />
      <Button type="primary" disabled={!picked} loading={busy} onClick={schedule} data-testid="meeting-schedule-add">{t('dl.items.schedule')}</Button>
    </div>
  );
}

/** Up and down beside an item: the whole new order is sent, so a retried click sets the same order. */
function MoveButtons({ handle, index }: { handle: MeetingHandle; index: number }) {
  const { t } = useI18n();
  const items = handle.meeting!.items;
  const [busy, setBusy] = useState(false);
  const move = async (by: -1 | 1) => {
    const ids = items.map((i) => i.id);
    [ids[index], ids[index + by]] = [ids[index + by]!, ids[index]!];
    setBusy(true);
    await handle.act('/items/order', { meetingItemIds: ids }, 'PUT', null);
    setBusy(false);
  };
  const id = items[index]!.id;
  return (
    <Space.Compact>
      <Button icon={<ArrowUpOutlined />} disabled={busy || index === 0} onClick={() => move(-1)} aria-label={t('dl.items.up')} title={t('dl.items.up')} data-testid={`meeting-item-up-${id}`} />
      <Button icon={<ArrowDownOutlined />} disabled={busy || index === items.length - 1} onClick={() => move(1)} aria-label={t('dl.items.down')} title={t('dl.items.down')} data-testid={`meeting-item-down-${id}`} />
    </Space.Compact>
  );
}

/**
 * The agenda in order; during the meeting, what each speaker said on each item and its decision.
 * `resolutions` are the meeting's resolutions (undefined while loading): an adopted item links to
 * the one drafted from it, or offers to draft it.
 */
export function MeetingItemsPanel({ handle, resolutions }: { handle: MeetingHandle; resolutions?: ResolutionOut[] }) {
  const { t, tx } = useI18n();
  const meeting = handle.meeting!;
  const [deciding, setDeciding] = useState<MeetingItem | null>(null);
  const [drafting, setDrafting] = useState<MeetingItem | null>(null);
  const canMinute = meeting.actions.includes('minutes');
  const canDecide = meeting.actions.includes('decide');
  const canReorder = meeting.actions.includes('reorder') && meeting.items.length > 1;
  const canDraft = meeting.state === 'closed' || meeting.state === 'in_progress';
  const resolutionOf = new Map((resolutions ?? []).map((r) => [r.meetingItemId, r]));
  const other = meeting.minutes.filter((m) => !m.meetingItemId);

  return (
    <Card size="small" title={t('dl.items.title', { n: meeting.items.length })} data-testid="meeting-items">
      {meeting.actions.includes('schedule') && <ScheduleSelect handle={handle} />}
      {meeting.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dl.items.none')} />}
      {meeting.items.map((item, index) => {
        const d = item.decision;
        const resolution = resolutionOf.get(item.id);
        return (
          <section key={item.id} className="dl-item" data-testid={`meeting-item-${item.id}`} data-agenda-item={item.agendaItem.id}>
            <div className="dl-item-head">
              <span className="dl-item-no">{item.position}</span>
              <div style={{ flex: 1, minWidth: 0 }}>
                <div className="dl-row-title">{item.agendaItem.title}</div>
                <div className="dl-row-meta">{tx('dl.source', item.agendaItem.source)}</div>
              </div>
              {canReorder && <MoveButtons handle={handle} index={index} />}
              {meeting.actions.includes('schedule') && meeting.state === 'draft' && (
                <Button size="small" type="text" danger onClick={() => handle.act(`/items/${item.id}`, undefined, 'DELETE')} data-testid={`meeting-item-remove-${item.id}`}>{t('dl.remove')}</Button>
              )}
            </div>
            {item.agendaItem.description && <div className="dl-row-text">{item.agendaItem.description}</div>}
            <Minutes entries={meeting.minutes.filter((m) => m.meetingItemId === item.id)} testId={`meeting-item-minutes-${item.id}`} />
            {canMinute && !d && <MinutesForm handle={handle} meetingItemId={item.id} testId={`minutes-form-${item.id}`} />}
            {d ? (
              <div className="dl-decision" data-testid={`meeting-item-decision-${item.id}`} data-outcome={d.outcome}>
                <Tag color={d.outcome === 'adopted' ? 'green' : 'red'} data-testid={`meeting-item-outcome-${item.id}`}>{tx('dl.outcome', d.outcome)}</Tag>
                {tx('dl.method', d.method)} · {t('dl.decision.preview', { for: d.for, against: d.against, abstain: d.abstain, present: d.present })}
                {d.votes.length > 0 && (
                  <div className="dl-row-meta">{d.votes.map((v) => `${v.name}（${tx('dl.choice', v.choice)}）`).join('、')}</div>
                )}
                {d.outcome === 'adopted' && canDraft && resolution && (
                  <div className="dl-item-resolution" data-testid={`meeting-item-resolution-${item.id}`}>
                    {t('dl.resolution.drafted')}
                    <Link to={`/console/resolutions/${resolution.id}`} data-testid={`meeting-item-resolution-link-${item.id}`}>{resolution.title}</Link>
                    <ResolutionStateTag state={resolution.state} overdue={resolution.overdue} />
                  </div>
                )}
                {d.outcome === 'adopted' && canDraft && resolutions && !resolution && (
                  <div style={{ marginTop: 6 }}>
                    <Button size="small" onClick={() => setDrafting(item)} data-testid={`meeting-item-draft-${item.id}`}>{t('dl.resolution.draft')}</Button>
                  </div>
                )}
              </div>
            ) : canDecide ? (
              <Space style={{ marginTop: 6 }}>
                <Button type="primary" ghost disabled={!meeting.quorum.met} onClick={() => setDeciding(item)} data-testid={`meeting-item-decide-${item.id}`}>{t('dl.decision.open')}</Button>
                {!meeting.quorum.met && <span className="dl-row-meta" data-testid={`meeting-item-no-quorum-${item.id}`}>{t('dl.decision.noQuorum')}</span>}
              </Space>
            ) : meeting.state === 'closed' ? <Tag>{t('dl.items.undecided')}</Tag> : null}
          </section>
        );
      })}
      {(other.length > 0 || canMinute) && (
        <section className="dl-item" data-testid="meeting-other-minutes">
          <div className="dl-row-title">{t('dl.minutes.other')}</div>
          <Minutes entries={other} testId="meeting-other-minutes-list" />
          {canMinute && <MinutesForm handle={handle} meetingItemId={null} testId="minutes-form-other" />}
        </section>
      )}
      <DecisionDialog key={deciding?.id ?? 'none'} handle={handle} item={deciding} onClose={() => setDeciding(null)} />
      <DraftResolutionDialog item={drafting} territoryId={meeting.territory.id} onClose={() => setDrafting(null)} />
    </Card>
  );
}
