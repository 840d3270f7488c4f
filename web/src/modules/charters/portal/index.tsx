import { useState } from 'react';
import { Button, Card, Empty, Input, List, Tag, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import { DiffView } from '../shared/DiffView';
import { type Charter, type Comment, type Segment, STATE_COLOR, type Version, fmtTime } from '../shared/types';
import '../shared/charters.css';

/** The home tab's card: the community's charters, with how many wait for the resident's comments. */
export function CharterEntry() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const list = useFetch<{ items: Charter[] }>('/api/my/charters');
  const items = list.data?.items ?? [];
  if (!items.length) return null;
  const commenting = items.filter((c) => c.latest?.state === 'commenting').length;
  return (
    <Card size="small" className="gz-m-card" data-testid="m-home-charters-entry" hoverable onClick={() => navigate('/m/charters')}>
      <div className="gz-m-row">
        <strong>{t('charter.portal.title')}</strong>
        {commenting > 0 ? <Tag color="orange">{t('charter.portal.commenting', { count: commenting })}</Tag> : <Tag>{t('charter.portal.seeAll')}</Tag>}
      </div>
    </Card>
  );
}

function CharterList() {
  const { t, tx } = useI18n();
  const list = useFetch<{ items: Charter[] }>('/api/my/charters');
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <Card title={t('charter.portal.title')} size="small" className="gz-m-card">
      <List loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: <Empty description={t('charter.portal.empty')} /> }}
        renderItem={(c) => (
          <List.Item extra={<RightOutlined />}>
            <Link to={`/m/charters/${c.id}`} data-testid={`m-charter-${c.id}`} style={{ display: 'block', width: '100%' }}>
              <div><strong>{c.title}</strong></div>
              <div style={{ color: '#888', fontSize: 13 }}>
                {tx('charter.kind', c.kind)}{c.estateName ? ` · ${c.estateName}` : ''}{' '}
                {c.latest?.state === 'commenting' && <Tag color="orange">{tx('charter.state', 'commenting')}</Tag>}
              </div>
            </Link>
          </List.Item>
        )} />
    </Card>
  );
}

function CommentBox({ v, onSent }: { v: Version; onSent: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const open = !!v.commentUntil && new Date(v.commentUntil).getTime() > Date.now();
  if (!open) return <Typography.Text type="secondary" data-testid="m-charter-closed">{t('charter.portal.closed')}</Typography.Text>;
  const send = async () => {
    setBusy(true);
    try {
      await api(`/api/my/charter-versions/${v.id}/comments`, { method: 'POST', body: { text } });
      notify.success(t('charter.portal.sent'));
      setText('');
      onSent();
    } catch (err) {
      notify.error(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('charter.portal.comment')} data-testid="m-charter-comment" />
      <Button type="primary" block style={{ marginTop: 8 }} disabled={!text.trim()} loading={busy} onClick={send} data-testid="m-charter-send">{t('charter.portal.send')}</Button>
    </>
  );
}

/** The draft in comment against the text in force, word by word, so a resident sees what they are asked about. */
function DraftChanges({ charterId }: { charterId: string }) {
  const { t } = useI18n();
  const diff = useFetch<{ from: number | null; to: number; segments: Segment[] }>(`/api/my/charters/${charterId}/diff`);
  if (diff.error) return <ErrorState error={diff.error} onRetry={diff.reload} />;
  if (!diff.data) return <Loading />;
  return (
    <div data-testid="m-charter-changes" data-from={diff.data.from ?? ''}>
      {diff.data.from === null ? <Typography.Text type="secondary">{t('charter.portal.firstVersion')}</Typography.Text> : <DiffView segments={diff.data.segments} />}
    </div>
  );
}

function CharterRead() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const detail = useFetch<Charter & { versions: Version[]; myComments: Comment[] }>(`/api/my/charters/${id}`);
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  const c = detail.data;
  if (!c) return <Loading />;
  const published = c.versions.find((v) => v.state === 'published');
  const draft = c.versions.find((v) => v.state === 'commenting');
  return (
    <>
      <Card size="small" className="gz-m-card" title={<span data-testid="m-charter-title">{c.title}</span>}>
        <div style={{ color: '#888' }}>{tx('charter.kind', c.kind)} · {c.territoryName}{c.estateName ? ` · ${c.estateName}` : ''}</div>
      </Card>
      {draft && (
        <Card size="small" className="gz-m-card" title={t('charter.portal.changes')}>
          <DraftChanges charterId={c.id} />
        </Card>
      )}
      {draft && (
        <Card size="small" className="gz-m-card" data-testid="m-charter-draft"
          title={<span>{t('charter.portal.draft', { until: fmtTime(draft.commentUntil) })} <Tag color={STATE_COLOR.commenting}>{t('charter.version', { version: draft.version })}</Tag></span>}>
          <div className="gz-charter-text" data-testid="m-charter-draft-text">{draft.text}</div>
          <div style={{ marginTop: 12 }}><CommentBox v={draft} onSent={detail.reload} /></div>
        </Card>
      )}
      {c.myComments.length > 0 && (
        <Card size="small" className="gz-m-card" title={t('charter.portal.mine')}>
          <List size="small" dataSource={c.myComments} data-testid="m-charter-my-comments"
            renderItem={(m) => <List.Item><List.Item.Meta title={`${t('charter.version', { version: m.version })} · ${fmtTime(m.createdAt)}`} description={m.text} /></List.Item>} />
        </Card>
      )}
      {published && (
        <Card size="small" className="gz-m-card" data-testid="m-charter-published"
          title={<span>{t('charter.portal.current')} <Tag color="green">{t('charter.version', { version: published.version })}</Tag></span>}>
          <div className="gz-charter-text">{published.text}</div>
        </Card>
      )}
    </>
  );
}

/** /m/charters: the community's conventions to read, and the ones open for comment. */
export function CharterRoutes() {
  return (
    <Routes>
      <Route index element={<CharterList />} />
      <Route path=":id" element={<CharterRead />} />
    </Routes>
  );
}
