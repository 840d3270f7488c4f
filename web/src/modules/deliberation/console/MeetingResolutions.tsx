import { Card, List } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../app/i18n';
import { ResolutionStateTag } from '../shared/Tags';
import type { ResolutionOut } from '../shared/types';

/** The resolutions drafted from this meeting's decisions. */
export function MeetingResolutions({ items }: { items: ResolutionOut[] }) {
  const { t } = useI18n();
  if (!items.length) return null;
  return (
    <Card size="small" title={t('dl.resolution.ofMeeting')} data-testid="meeting-resolutions">
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item>
            <Link to={`/console/resolutions/${r.id}`} data-testid={`meeting-resolution-${r.id}`}>{r.title}</Link>
            <span><ResolutionStateTag state={r.state} overdue={r.overdue} /></span>
          </List.Item>
        )}
      />
    </Card>
  );
}
