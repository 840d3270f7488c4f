import { useMemo } from 'react';
import { EChart } from '../../app/ui/EChart';

export interface Series {
  name: string;
  values: number[];
  color: string;
}

/** A grouped bar chart that follows its container's width. */
/** On a phone the bars lie down, so long names stay readable. */
export function BarChart({ categories, series, onClickIndex, horizontal = false }: {
  categories: string[];
  series: Series[];
  onClickIndex?: (index: number) => void;
  horizontal?: boolean;
}) {
  const option = useMemo(() => {
    const rotate = categories.length > 6 ? 35 : 0;
    const categoryAxis = horizontal
      ? { type: 'category' as const, data: categories, inverse: true, axisLabel: { interval: 0, width: 84, overflow: 'truncate' as const } }
      : { type: 'category' as const, data: categories, axisLabel: { rotate, interval: 0, width: 90, overflow: 'truncate' as const } };
    return {
      tooltip: { trigger: 'axis' as const, axisPointer: { type: 'shadow' as const }, confine: true },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: horizontal ? { type: 'value' as const } : categoryAxis,
      yAxis: horizontal ? categoryAxis : { type: 'value' as const },
      series: series.map((s) => ({ type: 'bar' as const, name: s.name, data: s.values, itemStyle: { color: s.color }, barMaxWidth: horizontal ? 10 : 28 })),
    };
  }, [categories, series, horizontal]);

  const height = horizontal ? Math.max(320, 60 + categories.length * 34) : 340;
  return <EChart option={option} height={height} onClickIndex={onClickIndex} ariaLabel={series.map((s) => s.name).join(' / ')} testId="overview-chart" />;
}
