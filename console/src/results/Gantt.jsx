// A Gantt chart: one row per machine / resource / person / vehicle, one bar per task, over the
// result's own time unit. Bars of the same job share a colour.
import { scaleBand, scaleLinear } from 'd3-scale';
import { colour } from './palette.js';

const LABEL_WIDTH = 130;
const ROW_HEIGHT = 34;
const WIDTH = 900;
const AXIS = 28;

export default function Gantt({ title, bars }) {
  const rows = [...new Set(bars.map((bar) => bar.row))];
  const labels = [...new Set(bars.map((bar) => bar.label))];
  const start = Math.min(...bars.map((bar) => bar.start));
  const end = Math.max(...bars.map((bar) => bar.end));
  const height = rows.length * ROW_HEIGHT + AXIS + 8;
  const x = scaleLinear().domain([Math.min(0, start), end || 1]).range([LABEL_WIDTH, WIDTH - 16]).nice();
  const y = scaleBand().domain(rows).range([4, rows.length * ROW_HEIGHT + 4]).padding(0.18);
  const ticks = x.ticks(Math.min(12, Math.max(2, Math.round(end - start) || 2)));
  return (
    <figure className="gantt">
      <div className="scroll">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" data-testid="gantt" style={{ minWidth: 560 }}
          aria-label={`Gantt chart of ${title}: ${bars.length} bars on ${rows.length} rows, from ${start} to ${end}`}>
          {ticks.map((tick) => (
            <g key={tick} className="tick">
              <line x1={x(tick)} x2={x(tick)} y1={4} y2={rows.length * ROW_HEIGHT + 4} stroke="#e3e7ec" />
              <text x={x(tick)} y={rows.length * ROW_HEIGHT + 20} textAnchor="middle" fontSize="11">{tick}</text>
            </g>
          ))}
          {rows.map((row) => (
            <text key={row} className="row-label" x={LABEL_WIDTH - 8} y={y(row) + y.bandwidth() / 2 + 4}
              textAnchor="end" fontSize="12">{row}</text>
          ))}
          {bars.map((bar, index) => {
            const left = x(bar.start);
            const width = Math.max(1, x(bar.end) - x(bar.start));
            const fill = colour(labels.indexOf(bar.label));
            return (
              <g key={index} className="bar" data-row={bar.row} data-label={bar.label}>
                <rect x={left} y={y(bar.row)} width={width} height={y.bandwidth()} rx="3" fill={fill} />
                {width > 34 && (
                  <text x={left + width / 2} y={y(bar.row) + y.bandwidth() / 2 + 4} textAnchor="middle"
                    fontSize="11" fill="#fff">{bar.label}</text>
                )}
                <title>{`${bar.label} on ${bar.row}: ${bar.start} to ${bar.end}`}</title>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="muted">{title}: {rows.length} rows, {bars.length} bars, {start} to {end}.</figcaption>
    </figure>
  );
}
