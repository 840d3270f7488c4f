import { Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { type Condition, type Tally, fmtArea, fmtRatio } from '../shared/types';

const isArea = (c: Condition) => c.name.endsWith('_area');

/** The frozen verdict for a phone: one line per legal condition with its figures, then the counts. */
export function ResultList({ tally }: { tally: Tally }) {
  const { t } = useI18n();
  const num = (c: Condition, v: number) => (isArea(c) ? `${fmtArea(v)} ㎡` : `${v}`);
  const color = tally.verdict === 'passed' ? 'green' : tally.verdict === 'failed' ? 'red' : 'orange';
  return (
    <div data-testid="vote-tally">
      <Tag color={color} data-testid="vote-verdict" style={{ fontSize: 15, padding: '3px 10px', marginBottom: 6 }}>{t(`vote.verdict.${tally.verdict}`)}</Tag>
      <div style={{ color: '#888', fontSize: 13, marginBottom: 8 }}>{t(`vote.majority.${tally.majority}`)}</div>
      {tally.conditions.map((c) => (
        <div key={c.name} data-testid={`vote-condition-${c.name}`}
          style={{ background: c.met ? '#f6ffed' : '#fff1f0', borderRadius: 6, padding: '6px 10px', marginBottom: 6 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <span>{t(`vote.cond.${c.name}`)}</span>
            {c.met
              ? <span style={{ color: '#389e0d', whiteSpace: 'nowrap' }}><CheckCircleFilled /> {t('vote.met')}</span>
              : <span style={{ color: '#cf1322', whiteSpace: 'nowrap' }}><CloseCircleFilled /> {t('vote.unmet')}</span>}
          </div>
          <div style={{ fontSize: 13, color: '#555' }}>
            <span data-testid={`vote-value-${c.name}`}>{num(c, c.value)}</span> / {num(c, c.of)} = <strong>{fmtRatio(c.ratio)}</strong>
            {'  '}（{t(`vote.rule.${c.threshold.rule}`)} {c.threshold.num}/{c.threshold.den}）
          </div>
        </div>
      ))}
      <div style={{ marginTop: 8, color: '#555', fontSize: 13 }} data-testid="vote-breakdown">
        {t('vote.breakdown', {
          total: tally.totalOwners, totalArea: fmtArea(tally.totalArea), forOwners: tally.forOwners, forArea: fmtArea(tally.forArea),
          againstOwners: tally.againstOwners, againstArea: fmtArea(tally.againstArea), abstainOwners: tally.abstainOwners, abstainArea: fmtArea(tally.abstainArea),
        })}
      </div>
    </div>
  );
}
