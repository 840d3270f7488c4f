import { Card, Tabs } from 'antd';
import { useI18n } from '../../../app/i18n';
import { CategoriesPanel } from './CategoriesPanel';
import { WorkCalendarPanel } from './WorkCalendarPanel';

/** 诉求设置 (district): the categories with their deadlines, and the working calendar deadlines are counted on. */
export default function DemandSettingsPage() {
  const { t } = useI18n();
  return (
    <div>
      <h1 className="gz-page-title">{t('dc.settingsTitle')}</h1>
      <Card>
        <Tabs
          items={[
            { key: 'categories', label: <span data-testid="settings-tab-categories">{t('dc.categories')}</span>, children: <CategoriesPanel /> },
            { key: 'calendar', label: <span data-testid="settings-tab-calendar">{t('dc.calendar')}</span>, children: <WorkCalendarPanel /> },
          ]}
        />
      </Card>
    </div>
  );
}
