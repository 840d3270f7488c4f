import { LeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';

/** A phone page's title with the way back. */
export function BackTitle({ title, to = '/m' }: { title: string; to?: string }) {
  const navigate = useNavigate();
  return (
    <div className="dl-m-back">
      <LeftOutlined onClick={() => navigate(to)} style={{ padding: 8, margin: -8 }} role="button" aria-label="back" data-testid="m-back" />
      <span>{title}</span>
    </div>
  );
}
