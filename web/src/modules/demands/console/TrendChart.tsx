import { useMemo } from 'react';
import { EChart } from '../../../app/ui/EChart';

export interface Line {
  name: string;
  values: number[];
  color: string;
}

/** Lines over weeks that follow the container's width. */
export function TrendChart({ weeks, lines }: { weeks: string[]; lines: Line[] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const, confine: true },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category' as const, data: weeks, boundaryGap: false },
      yAxis: { type: 'value' as const, minInterval: 1 },
      series: lines.map((l) => ({ type: 'line' as const, name: l.name, data: l.values, smooth: true, itemStyle: { color: l.color } })),
    }),
    [weeks, lines],
  );
  return <EChart option={option} height={300} ariaLabel={lines.map((l) => l.name).join(' / ')} testId="demand-trend-chart" />;
}
