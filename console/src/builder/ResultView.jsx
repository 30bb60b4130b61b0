// One run's answer, in words and numbers: status, objective, variables, and why (the explanation).

const STATUS_WORDS = {
  optimal: 'Optimal',
  feasible: 'Feasible (not proven optimal)',
  infeasible: 'Infeasible: the constraints cannot all hold',
  unbounded: 'Unbounded: the objective can improve without limit',
  time_limit: 'Stopped at the time limit without a solution',
  error: 'The solver failed',
};

export function formatNumber(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/** result: the API's OptimizationResult; onShowNode(node id) focuses that node on a canvas. */
export function ResultView({ result, title = 'Result', onShowNode }) {
  if (!result) return null;
  const variables = result.solution?.variables || {};
  const explanation = result.explanation;
  return (
    <section className="bresult" aria-label={title}>
      <h3>{title}</h3>
      <dl className="bresult-facts">
        <dt>Status</dt><dd data-testid="result-status">{STATUS_WORDS[result.status] || result.status}</dd>
        <dt>Objective</dt><dd data-testid="result-objective">{formatNumber(result.objective_value)}</dd>
        {result.best_bound !== null && result.best_bound !== undefined && (<><dt>Bound</dt><dd>{formatNumber(result.best_bound)}</dd></>)}
        {result.gap !== null && result.gap !== undefined && (<><dt>Gap</dt><dd>{formatNumber(result.gap)}</dd></>)}
        <dt>Solver</dt><dd>{result.solver}</dd>
        <dt>Time</dt><dd>{result.solve_time_ms} ms</dd>
        {result.sequence ? (<><dt>Version</dt><dd>checkpoint #{result.sequence}</dd></>) : null}
        {result.execution_id && (<><dt>Run</dt><dd><code>{result.execution_id}</code></dd></>)}
      </dl>
      {result.message && <p className="bresult-message">{result.message}</p>}
      {Object.keys(variables).length > 0 && (
        <table className="btable">
          <caption>Variable values</caption>
          <thead><tr><th scope="col">Variable</th><th scope="col">Value</th></tr></thead>
          <tbody>
            {Object.entries(variables).map(([name, value]) => (
              <tr key={name}><th scope="row">{name}</th><td>{formatNumber(value)}</td></tr>
            ))}
          </tbody>
        </table>
      )}
      {explanation && <Explanation explanation={explanation} onShowNode={onShowNode} />}
    </section>
  );
}

function Explanation({ explanation, onShowNode }) {
  return (
    <div className="bexplain">
      <h4>Why</h4>
      <p>{explanation.summary}</p>
      {explanation.conflicts?.length > 0 && (
        <>
          <p>{explanation.conflict_is_minimal ? 'These cannot all hold (drop any one and the rest can):' : 'These cannot all hold:'}</p>
          <ul aria-label="Conflicting constraints">
            {explanation.conflicts.map((conflict) => (
              <li key={`${conflict.kind}-${conflict.name}`}>
                {conflict.sentence}
                {conflict.node_id && onShowNode && (
                  <> <button type="button" className="blink" onClick={() => onShowNode(conflict.node_id)}>Show node {conflict.node_id}</button></>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {explanation.binding?.length > 0 && (
        <ul aria-label="What binds">
          {explanation.binding.slice(0, 10).map((binding) => <li key={`${binding.kind}-${binding.name}`}>{binding.sentence}</li>)}
        </ul>
      )}
    </div>
  );
}
