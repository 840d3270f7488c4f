import { useEffect, useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Empty, Form, Input, List, Modal, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useParams } from 'react-router-dom';
import { api } from '../../../app/api';
import { useAuth } from '../../../app/auth';
import { useNotify } from '../../../app/feedback';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { RemoteSelect } from '../../../app/ui/RemoteSelect';
import { ErrorState, Loading } from '../../../app/ui/States';
import { useFormSubmit } from '../../../app/ui/useFormSubmit';
import { DiffView } from '../shared/DiffView';
import { type AdoptionSource, CHARTER, type CharterDetail, type Comment, type Segment, STATE_COLOR, type Version, fmtTime } from '../shared/types';
import '../shared/charters.css';

type Run = (path: string, body?: unknown, method?: 'POST' | 'PATCH') => Promise<boolean>;

function Comments({ versionId }: { versionId: string }) {
  const { t } = useI18n();
  const list = useFetch<{ items: Comment[] }>(`/api/charter-versions/${versionId}/comments`);
  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  return (
    <List size="small" loading={list.loading} dataSource={list.data?.items ?? []} locale={{ emptyText: t('charter.noComments') }} data-testid={`charter-comments-${versionId}`}
      renderItem={(c) => <List.Item><List.Item.Meta title={`${c.authorName} · ${fmtTime(c.createdAt)}`} description={c.text} /></List.Item>} />
  );
}

function CommentPeriodDialog({ version, onClose, run }: { version: Version | null; onClose: () => void; run: Run }) {
  const { t } = useI18n();
  const [until, setUntil] = useState<Dayjs | null>(dayjs().add(14, 'day').endOf('day'));
  return (
    <Modal open={!!version} title={t('charter.openComments')} onCancel={onClose} okButtonProps={{ 'data-testid': 'charter-comment-period-submit', disabled: !until }}
      onOk={async () => { if (version && until && await run(`/api/charter-versions/${version.id}/comment-period`, { commentUntil: until.toISOString() })) onClose(); }} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t('charter.commentUntil')}>
          <DatePicker showTime value={until} onChange={setUntil} style={{ width: '100%' }} data-testid="charter-comment-until" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type AdoptBy = 'resolution' | 'matter';
interface AdoptValues {
  by: AdoptBy;
  resolutionId?: string;
  matterId?: string;
}

/** The resolution or passed owners' vote to pick, searched by title; the newest show before anything is typed. */
function SourceSelect({ versionId, by, value, onChange }: { versionId: string; by: AdoptBy; value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useI18n();
  const path = `/api/charter-versions/${versionId}/adoption-sources`;
  const newest = useFetch<{ items: AdoptionSource[] }>(path, { by });
  const find = async (q: string) => (await api<{ items: AdoptionSource[] }>(path, { query: { by, q } })).items;
  return (
    <RemoteSelect<AdoptionSource>
      value={value}
      onChange={(id) => onChange?.(id)}
      find={find}
      initial={newest.data?.items}
      loading={newest.loading}
      placeholder={t('charter.adoptSearch')}
      toOption={(s) => ({ value: s.id, label: [s.title, s.from, s.at && fmtTime(s.at)].filter(Boolean).join(' · ') })}
      testId="charter-adopt-source"
      style={{ width: '100%' }}
    />
  );
}

function AdoptDialog({ version, onClose, onDone }: { version: Version | null; onClose: () => void; onDone: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<AdoptValues>();
  const by: AdoptBy = Form.useWatch('by', form) ?? 'resolution';
  const { busy, submit } = useFormSubmit(form, async (v) => {
    await api(`/api/charter-versions/${version!.id}/adopt`, { method: 'POST', body: v.by === 'resolution' ? { resolutionId: v.resolutionId } : { matterId: v.matterId } });
    onDone();
  });
  const required = [{ required: true, message: t('charter.required') }];
  return (
    <Modal open={!!version} title={t('charter.adopt')} onCancel={onClose} onOk={submit} okButtonProps={{ 'data-testid': 'charter-adopt-submit', loading: busy }} destroyOnHidden>
      {version && (
        <Form form={form} layout="vertical" initialValues={{ by: 'resolution' }}>
          <Form.Item name="by" label={t('charter.adoptBy')}>
            <Radio.Group data-testid="charter-adopt-by">
              <Radio value="resolution" data-testid="charter-adopt-by-resolution">{t('charter.adoptedByResolution')}</Radio>
              <Radio value="matter" data-testid="charter-adopt-by-matter">{t('charter.adoptedByMatter')}</Radio>
            </Radio.Group>
          </Form.Item>
          {by === 'resolution' ? (
            <Form.Item key="resolution" name="resolutionId" label={t('charter.adoptResolution')} rules={required}>
              <SourceSelect versionId={version.id} by="resolution" />
            </Form.Item>
          ) : (
            <Form.Item key="matter" name="matterId" label={t('charter.adoptMatter')} rules={required}>
              <SourceSelect versionId={version.id} by="matter" />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}

function VersionCard({ v, manage, run, onComment, onAdopt }: { v: Version; manage: boolean; run: Run; onComment: () => void; onAdopt: () => void }) {
  const { t, tx } = useI18n();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(v.text);
  const [showComments, setShowComments] = useState(v.state === 'commenting');
  useEffect(() => setText(v.text), [v.text]);
  const actions = manage ? [
    v.state === 'draft' && !editing && <Button key="edit" onClick={() => setEditing(true)} data-testid="charter-edit">{t('charter.edit')}</Button>,
    v.state === 'draft' && <Button key="comment" onClick={onComment} data-testid="charter-open-comments">{t('charter.openComments')}</Button>,
    (v.state === 'draft' || v.state === 'commenting') && <Button key="adopt" onClick={onAdopt} data-testid="charter-adopt">{t('charter.adopt')}</Button>,
    v.state === 'adopted' && (
      <Popconfirm key="publish" title={t('charter.publishConfirm')} onConfirm={() => run(`/api/charter-versions/${v.id}/publish`)} okButtonProps={{ 'data-testid': 'charter-publish-confirm' }}>
        <Button type="primary" data-testid="charter-publish">{t('charter.publish')}</Button>
      </Popconfirm>
    ),
  ].filter(Boolean) : [];
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid={`charter-version-${v.version}`}
      title={<Space wrap><span>{t('charter.version', { version: v.version })}</span><Tag color={STATE_COLOR[v.state]} data-testid={`charter-version-${v.version}-state`}>{tx('charter.state', v.state)}</Tag></Space>}
      extra={<Space wrap>{actions}</Space>}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} style={{ marginBottom: 8 }}>
        {v.commentUntil && <Descriptions.Item label={t('charter.commentUntil')}>{fmtTime(v.commentUntil)}</Descriptions.Item>}
        {v.adoptedAt && <Descriptions.Item label={t('charter.adoptedBy')}>{v.adoptedByResolutionId ? t('charter.adoptedByResolution') : t('charter.adoptedByMatter')} · {fmtTime(v.adoptedAt)}</Descriptions.Item>}
        {v.publishedAt && <Descriptions.Item label={t('charter.publishedAt')}>{fmtTime(v.publishedAt)}</Descriptions.Item>}
      </Descriptions>
      {editing ? (
        <>
          <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 8, maxRows: 30 }} data-testid="charter-editor" />
          <Space style={{ marginTop: 8 }}>
            <Button type="primary" data-testid="charter-save" onClick={async () => { if (await run(`/api/charter-versions/${v.id}`, { text }, 'PATCH')) setEditing(false); }}>{t('charter.save')}</Button>
            <Button onClick={() => { setEditing(false); setText(v.text); }}>{t('common.cancel')}</Button>
          </Space>
        </>
      ) : <div className="gz-charter-text" data-testid={`charter-version-${v.version}-text`}>{v.text}</div>}
      {(v.commentCount > 0 || v.state === 'commenting') && (
        <div style={{ marginTop: 8 }}>
          <Button type="link" onClick={() => setShowComments(!showComments)} data-testid={`charter-version-${v.version}-comments`}>{t('charter.comments', { count: v.commentCount })}</Button>
          {showComments && <Comments versionId={v.id} />}
        </div>
      )}
    </Card>
  );
}

/** `revision` changes with every change to the charter, so the comparison is fetched again. */
function DiffPanel({ charter, revision }: { charter: CharterDetail; revision: number }) {
  const { t } = useI18n();
  const numbers = charter.versions.map((v) => v.version);
  const [to, setTo] = useState(numbers[0] ?? 1);
  const [from, setFrom] = useState(charter.publishedVersion && charter.publishedVersion !== numbers[0] ? charter.publishedVersion : numbers[1] ?? numbers[0] ?? 1);
  const diff = useFetch<{ segments: Segment[] }>(`/api/charters/${charter.id}/diff`, { from, to, revision });
  const options = numbers.map((n) => ({ value: n, label: t('charter.version', { version: n }) }));
  return (
    <Card title={t('charter.diff')} size="small" data-testid="charter-diff-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('charter.diffFrom')}</span><Select value={from} onChange={setFrom} options={options} style={{ width: 110 }} data-testid="charter-diff-from" />
        <span>{t('charter.diffTo')}</span><Select value={to} onChange={setTo} options={options} style={{ width: 110 }} data-testid="charter-diff-to" />
      </Space>
      {diff.error ? <ErrorState error={diff.error} onRetry={diff.reload} /> : diff.data ? <DiffView segments={diff.data.segments} /> : <Loading />}
    </Card>
  );
}

/** A charter with its versions: edit the draft, ask for comments, record the adoption, publish, compare. */
export function CharterPage() {
  const { id } = useParams();
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const notify = useNotify();
  const detail = useFetch<CharterDetail>(`/api/charters/${id}`);
  const [commenting, setCommenting] = useState<Version | null>(null);
  const [adopting, setAdopting] = useState<Version | null>(null);
  const [revision, setRevision] = useState(0);
  const run: Run = async (path, body, method = 'POST') => {
    try {
      await api(path, { method, body: body ?? {} });
      notify.success();
      detail.reload();
      setRevision((r) => r + 1);
      return true;
    } catch (err) {
      notify.error(err);
      return false;
    }
  };
  if (detail.error) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  const c = detail.data;
  if (!c) return <Loading />;
  const manage = can(CHARTER.manage);
  const open = c.versions.some((v) => ['draft', 'commenting', 'adopted'].includes(v.state));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={16}>
      <Card title={<Typography.Text data-testid="charter-page-title">{c.title}</Typography.Text>}
        extra={manage && !open && <Button type="primary" onClick={() => run(`/api/charters/${c.id}/drafts`)} data-testid="charter-next-draft">{t('charter.nextDraft')}</Button>}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
          <Descriptions.Item label={t('charter.kind')}>{tx('charter.kind', c.kind)}</Descriptions.Item>
          <Descriptions.Item label={t('charter.node')}>{c.estateName ? `${c.territoryName} · ${c.estateName}` : c.territoryName}</Descriptions.Item>
          <Descriptions.Item label={t('charter.published')}>{c.publishedVersion ? t('charter.version', { version: c.publishedVersion }) : t('charter.none')}</Descriptions.Item>
        </Descriptions>
      </Card>
      {c.versions.length > 1 && <DiffPanel charter={c} revision={revision} />}
      <div>
        <Typography.Title level={5}>{t('charter.versions')}</Typography.Title>
        {c.versions.length ? c.versions.map((v) => (
          <VersionCard key={v.id} v={v} manage={manage} run={run} onComment={() => setCommenting(v)} onAdopt={() => setAdopting(v)} />
        )) : <Empty />}
      </div>
      <CommentPeriodDialog version={commenting} onClose={() => setCommenting(null)} run={run} />
      <AdoptDialog version={adopting} onClose={() => setAdopting(null)} onDone={() => { setAdopting(null); notify.success(); detail.reload(); setRevision((r) => r + 1); }} />
    </Space>
  );
}
