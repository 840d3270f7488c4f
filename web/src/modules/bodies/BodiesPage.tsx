import { useState } from 'react';
import { Card, Empty } from 'antd';
import { useSession } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import type { TerritoryNode } from '../../app/types';
import { TerritorySelect } from '../territory/TerritorySelect';
import { BodiesTable } from './BodiesTable';

/** All bodies in a chosen subtree; starts at the caller's first grant node. */
export default function BodiesPage() {
  const { t } = useI18n();
  const session = useSession();
  const grantNodes: TerritoryNode[] = session.grants.map((g) => ({
    id: g.territoryId, parentId: null, code: g.territoryCode, name: g.territoryName, kind: g.territoryKind, retired: false, hasChildren: true,
  }));
  const [territoryId, setTerritoryId] = useState<string | undefined>(grantNodes[0]?.id);

  return (
    <div>
      <h1 className="gz-page-title">{t('bodies.title')}</h1>
      <Card>
        <div className="gz-toolbar">
          <TerritorySelect
            value={territoryId}
            onChange={(id) => setTerritoryId(id)}
            initial={grantNodes}
            allowClear={false}
            testId="bodies-territory"
            style={{ width: 300 }}
          />
        </div>
        {territoryId ? <BodiesTable territoryId={territoryId} subtree /> : <Empty description={t('territory.pick')} />}
      </Card>
    </div>
  );
}
