// Loaded on demand by the traffic page: uPlot and its stylesheet stay out of the other pages' bundle.
import type { JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TrafficReport } from '../../../src/api';
import { formatBytes } from '../../../src/format';
import { activeLanguage } from '../../i18n';
import { dayLabel, stackedTraffic } from '../../traffic';

const HEIGHT = 240;

function options(report: TrafficReport, width: number): uPlot.Options {
  const layers = stackedTraffic(report);
  const bars = uPlot.paths.bars?.({ size: [0.7, 40], gap: 1 });
  const label = (value: number) => {
    const day = report.days[Math.round(value)];
    return day === undefined || Math.round(value) !== value ? '' : dayLabel(day);
  };
  return {
    width,
    height: HEIGHT,
    // The page draws its own legend (the totals table) and the figures are in the tables: no hover legend.
    legend: { show: false },
    cursor: { show: false },
    scales: {
      x: { time: false, range: () => [-0.5, report.days.length - 0.5] },
      y: { range: (_u, _min, max) => [0, Math.max(max, 1)] },
    },
    axes: [
      { incrs: [1, 2, 3, 5, 7, 10, 15], space: 48, values: (_u, splits) => splits.map(label) },
      { size: 64, values: (_u, splits) => splits.map((value) => formatBytes(value, activeLanguage())) },
    ],
    series: [
      {},
      ...layers.map((layer) => ({
        label: layer.name,
        stroke: layer.color,
        fill: layer.color,
        width: 0,
        points: { show: false },
        ...(bars === undefined ? {} : { paths: bars }),
      })),
    ],
  };
}

/** Bytes per day, stacked by device; sized to its container, so it fits a 360 px screen. */
export function TrafficChart({ report }: { report: TrafficReport }): JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const data: uPlot.AlignedData = [
      report.days.map((_day, index) => index),
      ...stackedTraffic(report).map((layer) => layer.top),
    ];
    const plot = new uPlot(options(report, element.clientWidth), data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [report]);
  return <div ref={container} class="traffic-chart-plot" />;
}
