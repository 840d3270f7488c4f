import { StarFilled } from '@ant-design/icons';
import { useI18n } from '../../../app/i18n';
import type { Level } from './types';

const COUNT: Record<Level, number> = { star1: 1, star2: 2, star3: 3 };

/** 星级党员: one to three stars for the year's points. */
export function Stars({ level, testId }: { level: Level | null; testId?: string }) {
  const { t, tx } = useI18n();
  if (!level) return <span data-testid={testId} style={{ color: '#999' }}>{t('points.noLevel')}</span>;
  return (
    <span data-testid={testId} data-level={level} style={{ color: '#f5a623', whiteSpace: 'nowrap' }}>
      {Array.from({ length: COUNT[level] }, (_, i) => <StarFilled key={i} />)} <span style={{ color: '#b7181f' }}>{tx('points.level', level)}</span>
    </span>
  );
}
