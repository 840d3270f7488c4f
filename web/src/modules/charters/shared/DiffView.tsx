import { Empty, Space, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';
import type { Segment } from './types';
import './charters.css';

/** Additions in green, removals struck through in red, in the text's own line breaks: readable at 375 px. */
export function DiffView({ segments }: { segments: Segment[] }) {
  const { t } = useI18n();
  if (!segments.some((s) => s.added || s.removed)) return <Empty description={t('charter.diffSame')} data-testid="charter-diff-same" />;
  return (
    <div data-testid="charter-diff">
      <Space size={4} style={{ marginBottom: 8 }}>
        <Tag color="green">{t('charter.diffAdded')}</Tag>
        <Tag color="red">{t('charter.diffRemoved')}</Tag>
      </Space>
      <div className="gz-diff">
        {segments.map((s, i) =>
          s.added ? <ins key={i} data-testid="diff-added">{s.value}</ins>
          : s.removed ? <del key={i} data-testid="diff-removed">{s.value}</del>
          : <span key={i}>{s.value}</span>)}
      </div>
    </div>
  );
}
