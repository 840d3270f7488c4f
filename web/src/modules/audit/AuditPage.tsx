import { useState } from 'react';
import { Alert, AutoComplete, Button, Card, DatePicker, Input, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../app/api';
import { useNotify } from '../../app/feedback';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { useIsMobile } from '../../app/useIsMobile';
import { ErrorState } from '../../app/ui/States';
import type { AuditRecord } from '../../app/types';
import { auditZhCN } from '../../app/i18n/audit.zh-CN';
import { TerritorySelect } from '../territory/TerritorySelect';
import { AuditDiff } from './AuditDiff';

const ACTION_PREFIX = 'audit.action.';
/** Every audited action the catalogue names, by its code. */
const ACTIONS = Object.keys(auditZhCN).filter((k) => k.startsWith(ACTION_PREFIX)).map((k) => k.slice(ACTION_PREFIX.length));

interface Filters {
  actor?: string;
  action?: string;
  territoryId?: string;
  from?: string;
  to?: string;
}

interface Verify {
  ok: boolean;
  checked: number;
  firstBroken: null | { id: string; at: string };
}

/** The record as the log holds it, for auditors who search or cite by code: action, actor, target. */
function RawCodes({ record: r }: { record: AuditRecord }) {
  const { t } = useI18n();
  const items: [string, string | null][] = [
    [t('audit.action'), r.action], [t('audit.actor'), r.actor], [t('audit.target'), [r.targetType, r.targetId].filter(Boolean).join(' ') || null],
  ];
  return (
    <div data-testid={`audit-codes-${r.id}`} style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', marginBottom: 8, fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>
      {items.filter(([, v]) => v).map(([label, v]) => (
        <span key={label} style={{ minWidth: 0, wordBreak: 'break-all' }}>{label} <span className="gz-mono" style={{ color: 'rgba(0,0,0,0.75)' }}>{v}</span></span>
      ))}
    </div>
  );
}

export default function AuditPage() {
  const { t, tx, lang } = useI18n();
  const mobile = useIsMobile();
  const notify = useNotify();
  const [draft, setDraft] = useState<Filters>({});
  const [filters, setFilters] = useState<Filters>({});
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifying, setVerifying] = useState(false);
  // The chain runs through the whole district: only an auditor granted at the district checks it.
  const districtWide = useSession().grants.some((g) => g.role === 'auditor' && g.territoryKind === 'district');
  const { data, error, loading, reload } = useFetch<{ items: AuditRecord[]; total: number }>('/api/audit', { ...filters, page, pageSize });

  // A name typed in full without picking it from the list still searches by its code.
  const actionCode = (typed?: string) => (typed ? ACTIONS.find((code) => tx('audit.action', code) === typed) ?? typed : undefined);

  const apply = () => {
    setPage(1);
    setFilters({
      ...draft,
      actor: draft.actor?.trim() || undefined,
      action: actionCode(draft.action?.trim()),
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.endOf('day').toISOString(),
    });
  };

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await api<Verify>('/api/audit/verify'));
    } catch (err) {
      notify.error(err);
    } finally {
      setVerifying(false);
    }
  };

  const time = (s: string) => new Date(s).toLocaleString(lang);
  const typed = draft.action?.trim().toLowerCase() ?? '';
  const actionOptions = ACTIONS
    .map((code) => ({ code, label: tx('audit.action', code) }))
    .filter((a) => !typed || a.code.toLowerCase().includes(typed) || a.label.toLowerCase().includes(typed))
    .slice(0, 50)
    .map((a) => ({ value: a.code, label: <span>{a.label} <span className="gz-mono" style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>{a.code}</span></span> }));
  // Records written by the platform itself (timers, imports) carry a process name, not a person's.
  const actorLabel = (r: AuditRecord) => (r.role ? r.actor : tx('audit.system', r.actor));
  const actionTag = (a: string) => (
    <Tooltip title={<span className="gz-mono">{a}</span>}>
      <Tag data-testid="audit-action-label" style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>{tx('audit.action', a)}</Tag>
    </Tooltip>
  );
  const target = (r: AuditRecord) => (
    <span title={[r.targetType, r.targetId].filter(Boolean).join(' ') || undefined}>
      {tx('audit.targetType', r.targetType)} <span className="gz-mono">{r.targetId?.slice(0, 8)}</span>
    </span>
  );
  // On a phone one column tells the whole record, the action's name first; the raw codes are in the expanded row.
  const phoneColumns: ColumnsType<AuditRecord> = [{
    key: 'record', title: t('audit.action'),
    render: (_, r) => (
      <div style={{ display: 'grid', gap: 2, minWidth: 0, wordBreak: 'break-word' }}>
        <div>{actionTag(r.action)}</div>
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.55)' }}>{time(r.at)}</div>
        <div><span title={r.actor} data-testid="audit-actor-label">{actorLabel(r)}</span>{r.role && ` · ${tx('role', r.role)}`}</div>
        <div style={{ fontSize: 13 }}>{target(r)}{r.territoryName && ` · ${r.territoryName}`}</div>
      </div>
    ),
  }];
  const columns: ColumnsType<AuditRecord> = [
    // A fixed column makes the table keep an expanded row to the visible width, not the scrolled one.
    { title: t('audit.time'), dataIndex: 'at', width: 170, fixed: 'left', render: time },
    {
      title: t('audit.actor'), dataIndex: 'actor', width: 120,
      render: (_, r) => <span title={r.actor} data-testid="audit-actor-label">{actorLabel(r)}</span>,
    },
    { title: t('audit.role'), dataIndex: 'role', width: 110, render: (r: string | null) => tx('role', r) },
    { title: t('audit.action'), dataIndex: 'action', width: 190, render: actionTag },
    { title: t('audit.target'), key: 'target', width: 180, render: (_, r) => target(r) },
    { title: t('audit.node'), dataIndex: 'territoryName', width: 160, ellipsis: true },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => <span className="gz-mono">{ip}</span> },
  ];

  return (
    <div>
      <h1 className="gz-page-title">{t('audit.title')}</h1>
      <Card>
        <div className="gz-toolbar">
          <Input placeholder={t('audit.actor')} aria-label={t('audit.actor')} allowClear style={{ width: 150 }} data-testid="audit-actor"
            value={draft.actor} onChange={(e) => setDraft((d) => ({ ...d, actor: e.target.value }))} onPressEnter={apply} />
          <AutoComplete options={actionOptions} value={draft.action} onChange={(action: string) => setDraft((d) => ({ ...d, action }))}
            style={{ width: 240 }} popupMatchSelectWidth={300}>
            <Input placeholder={t('audit.actionPlaceholder')} aria-label={t('audit.action')} allowClear onPressEnter={apply} data-testid="audit-action" />
          </AutoComplete>
          <TerritorySelect value={draft.territoryId} onChange={(territoryId) => setDraft((d) => ({ ...d, territoryId }))}
            placeholder={t('audit.node')} testId="audit-node" style={{ width: 220 }} />
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} data-testid="audit-range" aria-label={t('audit.time')} />
          <Button type="primary" onClick={apply} data-testid="audit-apply">{t('common.search')}</Button>
          <div style={{ flex: 1 }} />
          {districtWide && (
            <Button icon={<SafetyCertificateOutlined aria-hidden />} onClick={runVerify} loading={verifying} data-testid="audit-verify">
              {t('audit.verify')}
            </Button>
          )}
        </div>
        {verify && (
          <Alert
            data-testid="audit-verify-result"
            style={{ marginBottom: 16 }}
            showIcon
            closable={{ onClose: () => setVerify(null) }}
            type={verify.ok ? 'success' : 'error'}
            title={
              verify.ok || !verify.firstBroken
                ? t('audit.verifyOk', { checked: verify.checked })
                : t('audit.verifyBroken', { id: verify.firstBroken.id, at: time(verify.firstBroken.at), checked: verify.checked })
            }
          />
        )}
        {error ? (
          <ErrorState error={error} onRetry={reload} />
        ) : (
          <Table<AuditRecord>
            data-testid="audit-table"
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={data?.items ?? []}
            columns={mobile ? phoneColumns : columns}
            scroll={mobile ? undefined : { x: 1060 }}
            expandable={{
              expandedRowRender: (r) => (
                <>
                  <RawCodes record={r} />
                  <AuditDiff id={r.id} targetType={r.targetType} before={r.before} after={r.after} />
                </>
              ),
            }}
            pagination={{
              current: page,
              pageSize,
              total: data?.total ?? 0,
              showSizeChanger: true,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); },
            }}
          />
        )}
      </Card>
    </div>
  );
}
