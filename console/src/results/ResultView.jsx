// A finished run's result: the numbers (objective, bound, gap, solver, time), the explanation,
// the route drawing, the Gantt charts, every table, and downloads as JSON and CSV.
import { useMemo } from 'react';
import Gantt from './Gantt.jsx';
import RouteMap from './RouteMap.jsx';
import Roster from './Roster.jsx';
import { download, fileSafe, toCsv } from './csv.js';
import { placesOf, rostersOf, routesOf, scalarsOf, schedulesOf, tablesOf } from './extract.js';

export function formatNumber(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : Number(value.toPrecision(8)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

function percent(value) {
  return value === null || value === undefined ? '—' : `${Number((value * 100).toPrecision(4))} %`;
}

function Explanation({ explanation }) {
  if (!explanation) return null;
  const binding = explanation.binding || [];
  const conflicts = explanation.conflicts || [];
  return (
    <section className="panel" aria-labelledby="explanation-title">
      <h2 id="explanation-title">Why</h2>
      {explanation.summary && <p data-testid="explanation-summary">{explanation.summary}</p>}
      {conflicts.length > 0 && (
        <>
          <h3>Conflicting constraints{explanation.conflict_is_minimal ? ' (a minimal set)' : ''}</h3>
          <ul>{conflicts.map((item, index) => <li key={index}>{item.sentence || item.name || JSON.stringify(item)}</li>)}</ul>
        </>
      )}
      {binding.length > 0 && (
        <>
          <h3>What binds</h3>
          <ul>{binding.map((item, index) => <li key={index}>{item.sentence || item.name}</li>)}</ul>
        </>
      )}
    </section>
  );
}

function Table({ table, executionId }) {
  const filename = `${executionId}-${fileSafe(table.title)}.csv`;
  return (
    <section className="panel result-table" aria-label={`Table ${table.title}`}>
      <div className="table-head">
        <h3>{table.title} <span className="muted">({table.rows.length} rows)</span></h3>
        <button type="button" className="secondary" onClick={() => download(filename, toCsv(table.columns, table.rows), 'text/csv')}>
          Download {table.title} as CSV
        </button>
      </div>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              {table.columns.map((column, index) => (
                <th key={column} scope="col" className={table.rows.length && table.rows.every((row) => typeof row[index] === 'number') ? 'num' : undefined}>{column}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index}>
                {row.map((value, column) => (
                  <td key={column} className={typeof value === 'number' ? 'num' : undefined}>
                    {typeof value === 'number' ? formatNumber(value) : String(value)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function ResultView({ execution }) {
  const { result } = execution;
  const solution = result?.solution;
  const views = useMemo(() => ({
    places: placesOf(execution.input),
    routes: routesOf(solution),
    schedules: schedulesOf(solution),
    rosters: rostersOf(solution, execution.input),
    tables: tablesOf(solution),
    scalars: scalarsOf(solution),
  }), [execution.input, solution]);
  if (!result) return null;
  const primary = views.tables[0];

  return (
    <div className="result">
      <section className="panel" aria-labelledby="numbers-title">
        <h2 id="numbers-title">Result</h2>
        <dl className="facts stats" data-testid="result-facts">
          <Fact name="Status"><span className={`status status-${result.status}`}>{result.status}</span></Fact>
          <Fact name="Objective">{formatNumber(result.objective_value)}</Fact>
          <Fact name="Best bound">{formatNumber(result.best_bound)}</Fact>
          <Fact name="Gap">{percent(result.gap)}{result.gap_tolerance !== null && result.gap_tolerance !== undefined ? ` (tolerance ${percent(result.gap_tolerance)})` : ''}</Fact>
          <Fact name="Solve time">{formatNumber(result.solve_time_ms)} ms</Fact>
          <Fact name="Credits">{result.credits_used}</Fact>
          <Fact name="Solver" wide>{result.solver}</Fact>
          {views.scalars.map(([key, value]) => (
            <Fact key={key} name={key.replace(/_/g, ' ')}>{typeof value === 'number' ? formatNumber(value) : String(value ?? '—') || '—'}</Fact>
          ))}
        </dl>
        {result.message && <p className="muted">{result.message}</p>}
        <div className="downloads">
          <button type="button" className="secondary" onClick={() => download(`${execution.execution_id}.json`,
            `${JSON.stringify(result, null, 2)}\n`, 'application/json')}>Download result as JSON</button>
          {primary && (
            <button type="button" className="secondary" onClick={() => download(`${execution.execution_id}.csv`,
              toCsv(primary.columns, primary.rows), 'text/csv')}>Download result as CSV</button>
          )}
        </div>
      </section>
      <Explanation explanation={result.explanation} />
      {views.routes.length > 0 && views.places.size > 0 && (
        <section className="panel" aria-labelledby="routes-title">
          <h2 id="routes-title">Routes</h2>
          <RouteMap routes={views.routes} places={views.places} />
        </section>
      )}
      {views.schedules.map((chart) => (
        <section className="panel" key={chart.title} aria-label={`Schedule ${chart.title}`}>
          <h2>Schedule: {chart.title}</h2>
          <Gantt title={chart.title} bars={chart.bars} />
        </section>
      ))}
      {views.rosters.map((roster) => (
        <section className="panel" key={roster.title} aria-label={`Roster ${roster.title}`}>
          <h2>Roster: {roster.title}</h2>
          <Roster {...roster} />
        </section>
      ))}
      {views.tables.map((table) => <Table key={table.title} table={table} executionId={execution.execution_id} />)}
    </div>
  );
}

function Fact({ name, wide = false, children }) {
  return (
    <div className={wide ? 'wide' : undefined}>
      <dt>{name}</dt>
      <dd>{children}</dd>
    </div>
  );
}
