import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Line {
  name: string;
  values: number[];
  color: string;
}

/** Lines over weeks that follow the container's width (set up like the overview's bar chart). */
export function TrendChart({ weeks, lines }: { weeks: string[]; lines: Line[] }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', confine: true },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
        xAxis: { type: 'category', data: weeks, boundaryGap: false },
        yAxis: { type: 'value', minInterval: 1 },
        series: lines.map((l) => ({ type: 'line', name: l.name, data: l.values, smooth: true, itemStyle: { color: l.color } })),
      },
      true,
    );
    chart.current?.resize();
  }, [weeks, lines]);

  return <div ref={el} style={{ width: '100%', height: 300 }} role="img" aria-label={lines.map((l) => l.name).join(' / ')} data-testid="demand-trend-chart" />;
}
