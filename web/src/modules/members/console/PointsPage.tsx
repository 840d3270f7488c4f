import { useState } from 'react';
import { Card, Empty, Segmented, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { TerritorySelect } from '../../territory/TerritorySelect';
import { useGrantNodes } from '../shared/grantNodes';
import { currentPeriod, PERIOD_KINDS, type PeriodKind } from '../shared/periods';
import { CommendationsPanel } from './CommendationsPanel';
import { LedgerPanel } from './LedgerPanel';
import { RankingsTable } from './RankingsTable';
import { RulesPanel } from './RulesPanel';
import './members-console.css';

/** 积分与表彰: rankings of a community, street or district by period, commendations, the ledger, the rules. */
export default function PointsPage() {
  const { t } = useI18n();
  const nodes = useGrantNodes();
  const [territoryId, setTerritoryId] = useState<string | undefined>(nodes.find((n) => n.kind !== 'grid' && n.kind !== 'building')?.id);
  const [kind, setKind] = useState<PeriodKind>('year');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') || 'rankings';
  const { can } = useAuth();
  const ledger = can('points.ledger');
  const personId = params.get('personId') ?? undefined;
  const openLedger = (id: string | undefined) => setParams(id ? { tab: 'ledger', personId: id } : { tab: 'ledger' });

  const picker = (
    <TerritorySelect value={territoryId} onChange={(id) => id && setTerritoryId(id)} initial={nodes} allowClear={false} testId="points-territory" style={{ width: 300 }} />
  );
  const items = [
    {
      key: 'rankings',
      label: <span data-testid="points-tab-rankings">{t('points.tab.rankings')}</span>,
      children: (
        <>
          <div className="gz-toolbar">
            {picker}
            <Segmented<PeriodKind> value={kind} onChange={setKind} data-testid="points-period"
              options={PERIOD_KINDS.map((k) => ({ value: k, label: <span data-testid={`points-period-${k}`}>{t(`points.period.${k}`)}</span> }))} />
          </div>
          {territoryId ? <RankingsTable territoryId={territoryId} period={currentPeriod(kind)} onPick={ledger ? openLedger : undefined} /> : <Empty description={t('territory.pick')} />}
        </>
      ),
    },
    {
      key: 'commendations',
      label: <span data-testid="points-tab-commendations">{t('points.tab.commendations')}</span>,
      children: (
        <>
          <div className="gz-toolbar">{picker}</div>
          {territoryId ? <CommendationsPanel territoryId={territoryId} /> : <Empty description={t('territory.pick')} />}
        </>
      ),
    },
    ...(ledger ? [{ key: 'ledger', label: <span data-testid="points-tab-ledger">{t('points.tab.ledger')}</span>, children: <LedgerPanel personId={personId} onPick={openLedger} /> }] : []),
    { key: 'rules', label: <span data-testid="points-tab-rules">{t('points.tab.rules')}</span>, children: <RulesPanel /> },
  ];
  return (
    <div>
      <h1 className="gz-page-title">{t('points.pageTitle')}</h1>
      <Card>
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
      </Card>
    </div>
  );
}
