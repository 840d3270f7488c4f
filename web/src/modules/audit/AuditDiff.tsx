import { Collapse } from 'antd';
import { useI18n } from '../../app/i18n';

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Where the catalogue names the values of a field, by the record's target type (state) or the field alone. */
const STATE_LABELS: Record<string, string> = {
  demand: 'demand.state', wish: 'wish.state', activity: 'activity.state', mediation_case: 'mediation.state',
  member_registration: 'registration.state', unit_registration: 'registration.state', vote_matter: 'vote.state',
  agenda_item: 'dl.agendaState', meeting: 'dl.meetingState', resolution: 'dl.resolutionState',
  charter: 'charter.state', charter_version: 'charter.state',
};
const FIELD_LABELS: Record<string, string> = { role: 'role', channel: 'demand.channel', level: 'demand.level' };

/** The keys of a recorded state, in the order they were written, before's first. */
function keysOf(before: unknown, after: unknown): string[] {
  const keys = new Set<string>();
  for (const v of [before, after]) if (isPlain(v)) for (const k of Object.keys(v)) keys.add(k);
  return [...keys];
}

/**
 * A record's state before and after the change, field by field: labelled keys (the raw key where
 * the catalogue has none), changed fields first and marked, values written for people rather than
 * as JSON. The raw JSON stays one click away.
 */
export function AuditDiff({ id, targetType, before, after }: { id: string; targetType: string | null; before: unknown; after: unknown }) {
  const { t, tx, lang } = useI18n();
  const label = (key: string) => tx('audit.key', key);

  const show = (key: string, v: unknown): string => {
    if (v === undefined || v === null || v === '') return '—';
    if (typeof v === 'boolean') return t(v ? 'audit.yes' : 'audit.no');
    if (typeof v === 'string' && ISO_TIME.test(v)) return new Date(v).toLocaleString(lang);
    const values = key === 'state' ? STATE_LABELS[targetType ?? ''] : FIELD_LABELS[key];
    if (typeof v === 'string' && values) return tx(values, v);
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    return JSON.stringify(v);
  };

  const bothPlain = (isPlain(before) || before === null) && (isPlain(after) || after === null);
  const rows = bothPlain
    ? keysOf(before, after).map((key) => {
        const b = isPlain(before) ? before[key] : undefined;
        const a = isPlain(after) ? after[key] : undefined;
        return { key, b, a, changed: !same(b, a) };
      })
    : [];
  const changedFirst = [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
  const cell = { padding: '6px 8px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top' as const, wordBreak: 'break-word' as const };

  return (
    <div data-testid={`audit-diff-${id}`}>
      {!bothPlain ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 12 }}>
          <div><strong>{t('audit.before')}</strong><pre className="gz-json">{show('', before)}</pre></div>
          <div><strong>{t('audit.after')}</strong><pre className="gz-json">{show('', after)}</pre></div>
        </div>
      ) : rows.length === 0 ? (
        <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('audit.noChange')}</span>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: 13 }} data-testid={`audit-diff-table-${id}`}>
          <colgroup><col style={{ width: '28%' }} /><col style={{ width: '36%' }} /><col style={{ width: '36%' }} /></colgroup>
          <thead>
            <tr style={{ background: '#fafafa', textAlign: 'left' }}>
              <th style={cell}>{t('audit.field')}</th>
              <th style={cell}>{t('audit.before')}</th>
              <th style={cell}>{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changedFirst.map((r) => (
              <tr key={r.key} data-testid={`audit-diff-row-${r.key}`} data-changed={r.changed || undefined}>
                <td style={cell} title={r.key}>
                  {label(r.key)}
                  {label(r.key) !== r.key && <div className="gz-mono" style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }}>{r.key}</div>}
                </td>
                <td style={{ ...cell, color: r.changed ? '#cf1322' : undefined, textDecoration: r.changed && r.b !== undefined ? 'line-through' : undefined }}>{show(r.key, r.b)}</td>
                <td style={{ ...cell, color: r.changed ? '#389e0d' : undefined, fontWeight: r.changed ? 500 : undefined }}>
                  {show(r.key, r.a)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Collapse ghost size="small" style={{ marginTop: 8 }} items={[{
        key: 'raw',
        label: t('audit.showRaw'),
        children: (
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: 12 }}>
            <div><strong>{t('audit.before')}</strong><pre className="gz-json">{before == null ? '—' : JSON.stringify(before, null, 2)}</pre></div>
            <div><strong>{t('audit.after')}</strong><pre className="gz-json">{after == null ? '—' : JSON.stringify(after, null, 2)}</pre></div>
          </div>
        ),
      }]} />
    </div>
  );
}
