import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { RegistrationsTable } from './RegistrationsTable';
import { UnitRegistrationsTable } from './UnitRegistrationsTable';

/** 报到管理: party members' dual registrations and resident units' organisation registrations. */
export default function RegistrationsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') || 'members';
  const items = [
    ...(can('registration.read') ? [{ key: 'members', label: <span data-testid="regs-tab-members">{t('reg.tab.members')}</span>, children: <RegistrationsTable /> }] : []),
    ...(can('unit-registration.read') ? [{ key: 'units', label: <span data-testid="regs-tab-units">{t('reg.tab.units')}</span>, children: <UnitRegistrationsTable /> }] : []),
  ];
  return (
    <div>
      <h1 className="gz-page-title">{t('reg.pageTitle')}</h1>
      <Card>
        <Tabs activeKey={items.some((i) => i.key === tab) ? tab : items[0]?.key} onChange={(k) => setParams({ tab: k }, { replace: true })} items={items} destroyOnHidden />
      </Card>
    </div>
  );
}
