// Parameter values for a run: one field per parameter node, prefilled with the node's value.
import { useEffect, useState } from 'react';

/** parameters: [{name, value, expression, hint}]; onRun({parameters, options}) runs; busy disables.
 * `prefill`: start from each node's value (false: blank fields, each run keeps its own). */
export function ParameterForm({ parameters, onRun, busy, label = 'Run', idPrefix = 'run', prefill = true }) {
  const [values, setValues] = useState({});
  const [timeLimit, setTimeLimit] = useState('5');
  const [problem, setProblem] = useState('');
  // Refilled when a parameter node is added, renamed or given another value.
  const signature = JSON.stringify(parameters.map((parameter) => [parameter.name, parameter.value ?? null]));

  useEffect(() => {
    setValues(Object.fromEntries(parameters.map((parameter) => [parameter.name, prefill ? (parameter.value ?? '') : ''])));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);

  const submit = (event) => {
    event.preventDefault();
    const chosen = {};
    for (const parameter of parameters) {
      const text = String(values[parameter.name] ?? '').trim();
      if (text === '') continue;  // the node's own value (or expression) applies
      const number = Number(text);
      if (!Number.isFinite(number)) {
        setProblem(`The value of ${parameter.name} must be a number.`);
        return;
      }
      chosen[parameter.name] = number;
    }
    const seconds = Number(timeLimit);
    if (!Number.isFinite(seconds) || seconds <= 0) {
      setProblem('The time limit must be a positive number of seconds.');
      return;
    }
    setProblem('');
    onRun({ parameters: chosen, options: { time_limit_s: seconds } });
  };

  return (
    <form className="bparams" onSubmit={submit} aria-label={`${label}: parameter values`}>
      {parameters.length === 0 && <p className="bhint">This model has no parameter nodes.</p>}
      {parameters.map((parameter) => (
        <label key={parameter.name} className="bfield">
          <span>{parameter.name}{parameter.expression ? ` (computed: ${parameter.expression})` : ''}</span>
          <input
            type="text"
            inputMode="decimal"
            name={`${idPrefix}-${parameter.name}`}
            value={values[parameter.name] ?? ''}
            placeholder={parameter.hint ?? (parameter.expression ? 'its expression' : '')}
            onChange={(event) => setValues({ ...values, [parameter.name]: event.target.value })}
          />
        </label>
      ))}
      <label className="bfield">
        <span>Time limit (seconds)</span>
        <input type="text" inputMode="decimal" value={timeLimit} onChange={(event) => setTimeLimit(event.target.value)} />
      </label>
      {problem && <p className="berror" role="alert">{problem}</p>}
      <button type="submit" disabled={busy}>{busy ? 'Running…' : label}</button>
    </form>
  );
}
