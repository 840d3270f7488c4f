import { useState } from 'react';
import { Card, Empty, List, Pagination, Segmented } from 'antd';
import { useSession } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useFetch } from '../../../app/useFetch';
import { ErrorState, Loading } from '../../../app/ui/States';
import type { Page } from '../../../app/types';
import { currentPeriod, fmtTime, PERIOD_KINDS, type PeriodKind } from '../shared/periods';
import { Stars } from '../shared/Stars';
import type { LedgerEntry, MyPoints, MyRank, Rankings } from '../shared/types';

type Level = 'community' | 'street' | 'district';
const LEVELS: Level[] = ['community', 'street', 'district'];

function RankCell({ level, rank, onOpen, active }: { level: Level; rank: MyRank | null; onOpen: () => void; active: boolean }) {
  const { t } = useI18n();
  return (
    <button type="button" className={`gz-m-rank ${active ? 'active' : ''}`} onClick={onOpen} data-testid={`m-rank-${level}`}>
      <span className="gz-m-rank-label">{t(`m.points.rank.${level}`)}</span>
      <strong className="gz-m-rank-value" data-testid={`m-rank-${level}-value`}>{rank?.rank ?? '—'}</strong>
      <span className="gz-m-rank-of">{rank ? t('m.points.rankOf', { total: rank.total }) : ''}</span>
    </button>
  );
}

function Leaderboard({ nodeId, period }: { nodeId: string; period: string }) {
  const { t } = useI18n();
  const me = useSession().account.personId;
  const { data, error, loading, reload } = useFetch<Rankings>('/api/points/rankings', { territoryId: nodeId, period, pageSize: 10 });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data?.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('points.noRanking')} />;
  return (
    <List
      size="small"
      data-testid="m-leaderboard"
      header={<span style={{ color: '#888' }}>{t('m.points.top', { name: data.node.name })}</span>}
      dataSource={data.items}
      renderItem={(r) => (
        <List.Item style={{ paddingInline: 0, fontWeight: r.personId === me ? 700 : undefined }} data-testid={r.personId === me ? 'm-leaderboard-me' : undefined}>
          <span><span className="gz-m-rank-no">{r.rank}</span>{r.name}{r.personId === me ? ` ${t('m.points.me')}` : ''} <span style={{ color: '#999', fontSize: 12 }}>{r.community.name}</span></span>
          <strong>{r.points}</strong>
        </List.Item>
      )}
    />
  );
}

function History() {
  const { t, tx } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useFetch<Page<LedgerEntry>>('/api/points/me/history', { page, pageSize: 10 });
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data?.items.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('m.points.noHistory')} />;
  return (
    <>
      <List
        size="small"
        data-testid="m-points-history"
        dataSource={data.items}
        renderItem={(e) => (
          <List.Item style={{ paddingInline: 0 }} data-testid={`m-points-entry-${e.id}`}>
            <div style={{ minWidth: 0 }}>
              <div>{tx('points.rule', e.ruleCode)}{e.reversesId ? ` · ${t('points.reversal')}` : ''}</div>
              <div style={{ color: '#999', fontSize: 12 }}>{fmtTime(e.at)}{e.note ? ` · ${e.note}` : ''}</div>
            </div>
            <strong style={{ color: e.points < 0 ? '#999' : '#b7181f' }}>{e.points > 0 ? `+${e.points}` : e.points}</strong>
          </List.Item>
        )}
      />
      {data.total > data.pageSize && (
        <Pagination simple size="small" current={page} pageSize={data.pageSize} total={data.total} onChange={setPage} style={{ marginTop: 8, textAlign: 'center' }} />
      )}
    </>
  );
}

/** 我的积分: balance, star level, rank in community / street / district for a period, history. */
export default function PointsTab() {
  const { t } = useI18n();
  const [kind, setKind] = useState<PeriodKind>('year');
  const [board, setBoard] = useState<Level>('community');
  const period = currentPeriod(kind);
  const { data, error, loading, reload } = useFetch<MyPoints>('/api/points/me', { period });

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !data) return <Loading />;
  if (!data) return null;
  const boardNode = data.ranks[board];
  return (
    <>
      <Card size="small" className="gz-m-card gz-m-points" data-testid="m-points">
        <div className="gz-m-points-top">
          <div>
            <div className="gz-m-points-label">{t(`m.points.balance.${kind}`)}</div>
            <div className="gz-m-points-value" data-testid="m-points-value">{data.points}</div>
          </div>
          <Stars level={data.level} testId="m-points-level" />
        </div>
        <div className="gz-m-points-sub">
          <span>{t('m.points.all')} <strong data-testid="m-points-all">{data.balances.all}</strong></span>
          <span>{t('m.points.valid')} <strong>{data.validPoints}</strong></span>
          <span>{t('m.points.month')} <strong>{data.balances.month}</strong></span>
        </div>
      </Card>
      <Segmented<PeriodKind>
        block
        value={kind}
        onChange={setKind}
        className="gz-m-segmented"
        data-testid="m-points-period"
        options={PERIOD_KINDS.map((k) => ({ value: k, label: <span data-testid={`m-period-${k}`}>{t(`points.period.${k}`)}</span> }))}
      />
      <Card size="small" className="gz-m-card" title={t('m.points.myRank')}>
        <div className="gz-m-ranks" data-testid="m-ranks">
          {LEVELS.map((l) => <RankCell key={l} level={l} rank={data.ranks[l]} active={board === l} onOpen={() => setBoard(l)} />)}
        </div>
        {boardNode && <Leaderboard nodeId={boardNode.id} period={period} />}
      </Card>
      <Card size="small" className="gz-m-card" title={t('m.points.history')}>
        <History />
      </Card>
    </>
  );
}
