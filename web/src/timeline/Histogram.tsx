/** Event counts per time bucket over the visible window, aligned with the timeline's plot. */
import { useElementSize } from '@mantine/hooks';
import type { HistogramQuery } from '../api/__generated__/graphql';
import { GUTTER } from './draw-timeline';
import { formatTime, timeToX, type TimeWindow } from './time-scale';

const HEIGHT = 54;

interface Props {
  buckets: HistogramQuery['histogram'] | undefined;
  bucketMs: number;
  /** The bucket size as the API spells it, e.g. 5m. */
  interval: string;
  window: TimeWindow;
  onZoom: (window: TimeWindow) => void;
}

export function Histogram({ buckets, bucketMs, interval, window, onZoom }: Props) {
  const { ref, width } = useElementSize();
  const plot = Math.max(1, width - GUTTER);
  const max = Math.max(1, ...(buckets ?? []).map((b) => b.count));
  const total = (buckets ?? []).reduce((sum, b) => sum + b.count, 0);
  return (
    <div ref={ref} className="histogram" data-testid="histogram" aria-label={`${total} events started in the window`}>
      <div className="histogram-label" style={{ width: GUTTER }}>
        <span className="histogram-total">{total.toLocaleString('en')}</span>
        <span>
          started · max {max} per {interval}
        </span>
      </div>
      <svg width={plot} height={HEIGHT} style={{ left: GUTTER }} role="presentation">
        {(buckets ?? []).map((bucket) => {
          const start = Date.parse(bucket.start);
          const x1 = timeToX(start, window, plot);
          const x2 = timeToX(start + bucketMs, window, plot);
          if (x2 < 0 || x1 > plot || bucket.count === 0) return null;
          const h = Math.max(2, (bucket.count / max) * (HEIGHT - 6));
          return (
            <rect
              key={bucket.start}
              x={x1 + 0.5}
              y={HEIGHT - h}
              width={Math.max(1, x2 - x1 - 1)}
              height={h}
              rx={1.5}
              className="histogram-bar"
              onClick={() => onZoom({ from: start, to: start + bucketMs })}
            >
              <title>{`${bucket.count} from ${formatTime(start)}: click to zoom in`}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
}
