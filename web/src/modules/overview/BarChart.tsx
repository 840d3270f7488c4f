import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as EBar } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([EBar, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

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
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClickIndex);
  clickRef.current = onClickIndex;

  useEffect(() => {
    const c = echarts.init(el.current!);
    chart.current = c;
    c.on('click', (p) => clickRef.current?.(p.dataIndex));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      c.dispose();
    };
  }, []);

  useEffect(() => {
    const rotate = categories.length > 6 ? 35 : 0;
    const categoryAxis = horizontal
      ? { type: 'category', data: categories, inverse: true, axisLabel: { interval: 0, width: 84, overflow: 'truncate' } }
      : { type: 'category', data: categories, axisLabel: { rotate, interval: 0, width: 90, overflow: 'truncate' } };
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
        xAxis: horizontal ? { type: 'value' } : categoryAxis,
        yAxis: horizontal ? categoryAxis : { type: 'value' },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, itemStyle: { color: s.color }, barMaxWidth: horizontal ? 10 : 28 })),
      },
      true,
    );
    chart.current?.resize();
  }, [categories, series, horizontal]);

  const height = horizontal ? Math.max(320, 60 + categories.length * 34) : 340;
  return <div ref={el} style={{ width: '100%', height }} role="img" aria-label={series.map((s) => s.name).join(' / ')} data-testid="overview-chart" />;
}
