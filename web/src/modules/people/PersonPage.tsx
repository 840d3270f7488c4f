import { Card } from 'antd';
import { useParams } from 'react-router-dom';
import { useI18n } from '../../app/i18n';
import { PersonView } from './PersonView';

export default function PersonPage() {
  const { id } = useParams();
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 760 }}>
      <h1 className="gz-page-title">{t('people.detail')}</h1>
      <Card>{id && <PersonView personId={id} />}</Card>
    </div>
  );
}
