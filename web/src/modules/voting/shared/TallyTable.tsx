import { Table, Tag } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import { type Condition, type Tally, fmtArea, fmtRatio } from './types';

const isArea = (c: Condition) => c.name.endsWith('_area');

/** The verdict under art. 278 and every figure behind it, each condition green or red. */
export function TallyTable({ tally, compact }: { tally: Tally; compact?: boolean }) {
  const { t } = useI18n();
  const num = (c: Condition, v: number) => (isArea(c) ? `${fmtArea(v)} ㎡` : `${v}`);
  const color = tally.verdict === 'passed' ? 'green' : tally.verdict === 'failed' ? 'red' : 'orange';
  return (
    <div data-testid="vote-tally">
      <div style={{ marginBottom: 8 }}>
        <Tag color={color} data-testid="vote-verdict" style={{ fontSize: 14, padding: '2px 8px' }}>{t(`vote.verdict.${tally.verdict}`)}</Tag>
        <span style={{ color: '#888' }}>{t(`vote.majority.${tally.majority}`)}</span>
      </div>
      <Table<Condition>
        size="small" pagination={false} rowKey="name" dataSource={tally.conditions} scroll={compact ? { x: true } : undefined}
        rowClassName={(c) => (c.met ? 'gz-vote-met' : 'gz-vote-unmet')}
        onRow={(c) => ({ 'data-testid': `vote-condition-${c.name}`, style: { background: c.met ? '#f6ffed' : '#fff1f0' } } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('vote.col.condition'), dataIndex: 'name', render: (n: Condition['name']) => t(`vote.cond.${n}`) },
          { title: t('vote.col.value'), render: (_, c) => <span data-testid={`vote-value-${c.name}`}>{num(c, c.value)}</span> },
          { title: t('vote.col.of'), render: (_, c) => num(c, c.of) },
          { title: t('vote.col.ratio'), render: (_, c) => fmtRatio(c.ratio) },
          { title: t('vote.col.threshold'), render: (_, c) => `${t(`vote.rule.${c.threshold.rule}`)} ${c.threshold.num}/${c.threshold.den}` },
          {
            title: t('vote.col.met'),
            render: (_, c) => (c.met
              ? <span style={{ color: '#389e0d' }}><CheckCircleFilled /> {t('vote.met')}</span>
              : <span style={{ color: '#cf1322' }}><CloseCircleFilled /> {t('vote.unmet')}</span>),
          },
        ]}
      />
      <div style={{ marginTop: 8, color: '#555', fontSize: 13 }} data-testid="vote-breakdown">
        {t('vote.breakdown', {
          total: tally.totalOwners, totalArea: fmtArea(tally.totalArea), forOwners: tally.forOwners, forArea: fmtArea(tally.forArea),
          againstOwners: tally.againstOwners, againstArea: fmtArea(tally.againstArea), abstainOwners: tally.abstainOwners, abstainArea: fmtArea(tally.abstainArea),
        })}
      </div>
    </div>
  );
}
