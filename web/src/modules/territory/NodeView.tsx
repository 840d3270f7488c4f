import { useEffect, useState } from 'react';
import { Breadcrumb, Card, Descriptions, Statistic, Tabs, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useFetch } from '../../app/useFetch';
import { ErrorState, Loading } from '../../app/ui/States';
import type { TerritoryDetail } from '../../app/types';
import { PeopleTable } from '../people/PeopleTable';
import { PersonDrawer } from '../people/PersonDrawer';
import { BodiesTable } from '../bodies/BodiesTable';
import { ChildrenTable } from './ChildrenTable';
import { HouseholdsTable } from './HouseholdsTable';
import { NodeActions } from './NodeActions';

interface Props {
  id: string;
  onPath: (ids: string[]) => void;
  onTreeChanged: () => void;
}

export function NodeView({ id, onPath, onTreeChanged }: Props) {
  const { t, tx } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { data: node, error, loading, reload } = useFetch<TerritoryDetail>(`/api/territories/${id}`);
  const [tab, setTab] = useState('children');
  const [personId, setPersonId] = useState<string | null>(null);
  const [childVersion, setChildVersion] = useState(0);

  useEffect(() => {
    if (node && node.id === id) onPath([...node.ancestors.map((a) => a.id), node.id]);
  }, [node, id, onPath]);
  useEffect(() => setTab('children'), [id]);

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading && !node) return <Loading />;
  if (!node) return null;

  const changed = (goTo?: string) => {
    onTreeChanged();
    setChildVersion((v) => v + 1);
    if (goTo && goTo !== id) navigate(`/console/territory/${goTo}`);
    else reload();
  };

  const isBuilding = node.kind === 'building';
  const tabs = [
    { key: 'children', label: <span data-testid="tab-children">{t('territory.tab.children')}</span>, children: <ChildrenTable parentId={node.id} version={childVersion} /> },
    ...(can('body.read')
      ? [{ key: 'bodies', label: <span data-testid="tab-bodies">{t('territory.tab.bodies')}</span>, children: <BodiesTable territoryId={node.id} /> }]
      : []),
    ...(can('person.read')
      ? [{ key: 'people', label: <span data-testid="tab-people">{t('territory.tab.people')}</span>, children: <PeopleTable filter={{ territoryId: node.id }} onOpen={setPersonId} /> }]
      : []),
    ...(isBuilding && can('person.read')
      ? [{ key: 'households', label: <span data-testid="tab-households">{t('territory.tab.households')}</span>, children: <HouseholdsTable territoryId={node.id} onOpen={setPersonId} /> }]
      : []),
  ];

  return (
    <div data-testid="territory-node">
      <Breadcrumb
        data-testid="territory-breadcrumb"
        style={{ marginBottom: 12 }}
        items={[
          ...node.ancestors.map((a) => ({ key: a.id, title: <Link to={`/console/territory/${a.id}`}>{a.name}</Link> })),
          { key: node.id, title: node.name },
        ]}
      />
      <Card
        style={{ marginBottom: 16 }}
        title={
          <span style={{ whiteSpace: 'normal' }}>
            <span data-testid="territory-name">{node.name}</span>{' '}
            <Tag color="red" style={{ marginInlineStart: 8 }}>{tx('kind', node.kind)}</Tag>
            {node.retired && <Tag>{t('territory.retired')}</Tag>}
          </span>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('territory.code')}>
            <span className="gz-mono" data-testid="territory-code">{node.code ?? t('common.none')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('territory.kind')}>{tx('kind', node.kind)}</Descriptions.Item>
        </Descriptions>
        <div className="gz-stats" style={{ marginBottom: can('territory.write') ? 16 : 0 }}>
          <Statistic title={t('territory.counts.children')} value={node.counts.children} />
          <Statistic title={t('territory.counts.bodies')} value={node.counts.bodies} />
          <Statistic title={t('territory.counts.people')} value={node.counts.people} />
          <Statistic title={t('territory.counts.households')} value={node.counts.households} />
        </div>
        {can('territory.write') && <NodeActions node={node} onChanged={changed} />}
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} onChange={setTab} items={tabs} destroyOnHidden />
      </Card>
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />
    </div>
  );
}
