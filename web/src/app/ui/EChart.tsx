import { useEffect, useRef } from 'react';
import type { CSSProperties } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

// The chart kinds and parts the app draws; register a new one here when a screen needs it.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type EChartOption = Parameters<echarts.ECharts['setOption']>[0];

/**
 * Draws `option` into the returned element: one chart per element, redrawn (not merged) when the
 * option changes, resized with its container, disposed on unmount. `onClickIndex` gets the data
 * index of a clicked bar or point.
 */
export function useECharts(option: EChartOption, onClickIndex?: (index: number) => void) {
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
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
    chart.current?.resize();
  }, [option]);

  return el;
}

/** A chart that follows its container's width; memoise `option` so it redraws only when the data changes. */
export function EChart({ option, height, ariaLabel, testId, onClickIndex, style }: {
  option: EChartOption;
  height: number;
  ariaLabel: string;
  testId?: string;
  onClickIndex?: (index: number) => void;
  style?: CSSProperties;
}) {
  const el = useECharts(option, onClickIndex);
  return <div ref={el} style={{ width: '100%', height, ...style }} role="img" aria-label={ariaLabel} data-testid={testId} />;
}
