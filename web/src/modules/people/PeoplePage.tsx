import { useState } from 'react';
import { Button, Card, Checkbox, Input } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useAuth } from '../../app/auth';
import { withQuery } from '../../app/api';
import { useI18n } from '../../app/i18n';
import { TerritorySelect } from '../territory/TerritorySelect';
import { PeopleTable, type PeopleFilter } from './PeopleTable';
import { PersonDrawer } from './PersonDrawer';

export default function PeoplePage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [filter, setFilter] = useState<PeopleFilter>({});
  const [personId, setPersonId] = useState<string | null>(null);

  const exportHref = withQuery('/api/people/export.xlsx', {
    territoryId: filter.territoryId,
    q: filter.q,
    partyMember: filter.partyMember ? 'true' : undefined,
  });

  return (
    <div>
      <h1 className="gz-page-title">{t('people.title')}</h1>
      <Card>
        <div className="gz-toolbar">
          <Input.Search
            placeholder={t('people.search')}
            aria-label={t('people.search')}
            allowClear
            enterButton
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))}
            data-testid="people-search"
            style={{ width: 240 }}
          />
          <TerritorySelect
            value={filter.territoryId}
            onChange={(territoryId) => setFilter((f) => ({ ...f, territoryId }))}
            placeholder={t('people.territory')}
            testId="people-territory"
            style={{ width: 260 }}
          />
          <Checkbox
            checked={!!filter.partyMember}
            onChange={(e) => setFilter((f) => ({ ...f, partyMember: e.target.checked || undefined }))}
            data-testid="people-party-only"
          >
            {t('people.partyOnly')}
          </Checkbox>
          <div style={{ flex: 1 }} />
          {can('person.export') && (
            <Button icon={<DownloadOutlined aria-hidden />} href={exportHref} download data-testid="people-export">
              {t('people.export')}
            </Button>
          )}
        </div>
        <PeopleTable filter={filter} onOpen={setPersonId} />
      </Card>
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />
    </div>
  );
}
