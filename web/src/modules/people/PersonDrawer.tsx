import { Button, Drawer } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { useIsMobile } from '../../app/useIsMobile';
import { PersonView } from './PersonView';

export function PersonDrawer({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      title={t('people.detail')}
      size={isMobile ? '100%' : 520}
      data-testid="person-drawer"
      extra={
        personId && (
          <Button type="link" onClick={() => navigate(`/console/people/${personId}`)} data-testid="person-open-page">
            {t('people.openPage')}
          </Button>
        )
      }
      destroyOnHidden
    >
      {personId && <PersonView personId={personId} />}
    </Drawer>
  );
}
