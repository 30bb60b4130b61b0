// Staff × time when the time is named (days, periods): one row per person, one column per
// period, a labelled block per assignment (several in one period stack in the cell).
import { scaleBand } from 'd3-scale';
import { colour } from './palette.js';

const LABEL_WIDTH = 130;
const ROW_HEIGHT = 40;
const WIDTH = 900;

export default function Roster({ title, rows, periods, cells }) {
  const labels = [...new Set(cells.map((cell) => cell.label))];
  const height = rows.length * ROW_HEIGHT + 30;
  const x = scaleBand().domain(periods).range([LABEL_WIDTH, WIDTH - 8]).paddingInner(0.08);
  const y = scaleBand().domain(rows).range([26, height - 4]).paddingInner(0.15);
  const stacks = new Map();
  for (const cell of cells) {
    const key = `${cell.row}|${cell.period}`;
    stacks.set(key, [...(stacks.get(key) || []), cell]);
  }
  return (
    <figure className="gantt roster">
      <div className="scroll">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" data-testid="roster" style={{ minWidth: 560 }}
          aria-label={`Roster of ${title}: ${cells.length} assignments of ${rows.length} people over ${periods.length} periods`}>
          {periods.map((period) => (
            <text key={period} className="period" x={x(period) + x.bandwidth() / 2} y={16} textAnchor="middle" fontSize="12" fontWeight="600">{period}</text>
          ))}
          {rows.map((row) => (
            <text key={row} className="row-label" x={LABEL_WIDTH - 8} y={y(row) + y.bandwidth() / 2 + 4} textAnchor="end" fontSize="12">{row}</text>
          ))}
          {[...stacks.entries()].flatMap(([key, stack]) => stack.map((cell, index) => {
            const h = y.bandwidth() / stack.length;
            const top = y(cell.row) + index * h;
            return (
              <g key={`${key}|${index}`} className="bar" data-row={cell.row} data-label={cell.label}>
                <rect x={x(cell.period)} y={top} width={x.bandwidth()} height={Math.max(1, h - 1)} rx="3" fill={colour(labels.indexOf(cell.label))} />
                <text x={x(cell.period) + x.bandwidth() / 2} y={top + h / 2 + 4} textAnchor="middle" fontSize="11" fill="#fff">{cell.label}</text>
                <title>{`${cell.row}: ${cell.label} on ${cell.period}`}</title>
              </g>
            );
          }))}
        </svg>
      </div>
      <figcaption className="muted">{title}: {rows.length} people, {periods.length} periods, {cells.length} assignments.</figcaption>
    </figure>
  );
}
