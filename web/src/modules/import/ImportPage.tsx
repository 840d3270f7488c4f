import { Card, Tabs } from 'antd';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { RosterImport } from './RosterImport';
import { TerritoryImport } from './TerritoryImport';

export default function ImportPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const items = [
    ...(can('person.import') ? [{ key: 'roster', label: <span data-testid="import-tab-roster">{t('import.roster')}</span>, children: <RosterImport /> }] : []),
    ...(can('territory.import') ? [{ key: 'territory', label: <span data-testid="import-tab-territory">{t('import.territory')}</span>, children: <TerritoryImport /> }] : []),
  ];
  return (
    <div>
      <h1 className="gz-page-title">{t('import.title')}</h1>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs items={items} />
      </Card>
    </div>
  );
}
