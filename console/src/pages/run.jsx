// Run a model: a form generated from its JSON Schema (GET /models/{id}/schema), prefilled with
// example_input, or the same input as JSON; errors shown at the field, whether the browser
// found them or the API's 400 named them; run now (wait) or queued (in the background).
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import Form, { getDefaultRegistry } from '@rjsf/core';
import { api, ApiError } from '../api.js';
import { useSession } from '../session.js';
import { detailsToErrors, formSchema } from '../form/schema.js';
import { validator } from '../form/validator.js';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';

const MAX_TIME_LIMIT_TEXT = 'The server may cap it (JAOT_MAX_TIME_LIMIT_S).';

// Two small changes to @rjsf/core's own widgets: a field the input leaves out shows the
// schema's default (a checkbox checked, a placeholder), since that is what the API will use.
const DEFAULTS = getDefaultRegistry();
const DefaultCheckbox = DEFAULTS.widgets.CheckboxWidget;
const DefaultInput = DEFAULTS.templates.BaseInputTemplate;
const WIDGETS = {
  CheckboxWidget: (props) => <DefaultCheckbox {...props} value={props.value ?? props.schema.default ?? false} />,
};
const TEMPLATES = {
  BaseInputTemplate: (props) => (
    <DefaultInput {...props} placeholder={props.placeholder || (props.schema.default !== undefined
      && typeof props.schema.default !== 'object' ? `default: ${props.schema.default}` : '')} />
  ),
};

function hasErrors(errorSchema) {
  return Boolean(errorSchema) && Object.keys(errorSchema).length > 0;
}

export default function Run() {
  const { modelId } = useParams();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const [model, setModel] = useState(null);
  const [schema, setSchema] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [formData, setFormData] = useState({});
  const [view, setView] = useState('form');
  const [jsonText, setJsonText] = useState('');
  const [jsonError, setJsonError] = useState(null);
  const [timeLimit, setTimeLimit] = useState('5');
  const [mode, setMode] = useState('now');
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState(null);
  const [apiFieldErrors, setApiFieldErrors] = useState({});
  const [apiDetails, setApiDetails] = useState([]);
  const [optionError, setOptionError] = useState(null);

  useEffect(() => {
    let live = true;
    Promise.all([api.get(`/models/${encodeURIComponent(modelId)}`), api.get(`/models/${encodeURIComponent(modelId)}/schema`)])
      .then(([found, described]) => {
        if (!live) return;
        setModel(found);
        setSchema(described);
        const example = described.example_input ?? {};
        setFormData(example);
        setJsonText(JSON.stringify(example, null, 2));
      }, (failure) => live && setLoadError(failure));
    return () => { live = false; };
  }, [modelId]);

  // The root's title is the pydantic class name (CvrpInput): say what it is instead.
  const prepared = useMemo(() => (schema ? { ...formSchema(schema.input_schema), title: 'Input' } : null), [schema]);

  const clearApiErrors = () => {
    setApiFieldErrors({});
    setApiDetails([]);
    setOptionError(null);
    setSubmitError(null);
  };

  const showForm = () => {
    try {
      setFormData(JSON.parse(jsonText));
      setJsonError(null);
      setView('form');
    } catch (failure) {
      setJsonError(`This is not valid JSON: ${failure.message}`);
    }
  };
  const showJson = () => {
    setJsonText(JSON.stringify(formData ?? {}, null, 2));
    setJsonError(null);
    setView('json');
  };

  const execute = async (input) => {
    const seconds = Number(timeLimit);
    if (!timeLimit.trim() || !Number.isFinite(seconds) || seconds <= 0) {
      setOptionError('Give a time limit in seconds, above 0.');
      return;
    }
    setBusy(true);
    clearApiErrors();
    try {
      const answer = await api.post(`/models/${encodeURIComponent(modelId)}/execute`, {
        input_data: input, options: { time_limit_s: seconds }, async: mode === 'queued' });
      refresh().catch(() => {});
      navigate(`/runs/${answer.execution_id}`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 400) {
        const { errorSchema, other } = detailsToErrors(failure.details);
        setApiFieldErrors(errorSchema);
        setApiDetails(Array.isArray(failure.details) ? failure.details : []);
        const timeError = other.find((item) => item.field === 'options.time_limit_s');
        if (timeError) setOptionError(`${failure.message}`);
        setSubmitError(hasErrors(errorSchema) ? `${failure.message} See the fields marked below.` : failure);
      } else {
        setSubmitError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const submitJson = (event) => {
    event.preventDefault();
    let input;
    try {
      input = JSON.parse(jsonText);
    } catch (failure) {
      setJsonError(`This is not valid JSON: ${failure.message}`);
      return;
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      setJsonError('The input must be a JSON object.');
      return;
    }
    setJsonError(null);
    setFormData(input);
    execute(input);
  };

  if (loadError) return <section><PageTitle>Run a model</PageTitle><ErrorLine error={loadError} /></section>;
  if (!model || !prepared) return <Loading what="the model" />;

  const options = (
    <fieldset className="run-options">
      <legend>Run</legend>
      <div className="field">
        <label htmlFor="time-limit">Time limit (seconds)</label>
        <input id="time-limit" type="number" min="0.1" step="any" inputMode="decimal" value={timeLimit}
          onChange={(event) => setTimeLimit(event.target.value)} aria-describedby="time-limit-help time-limit-error"
          aria-invalid={Boolean(optionError)} />
        <span id="time-limit-help" className="muted help">The solver stops then with the best plan found. {MAX_TIME_LIMIT_TEXT}</span>
        <div id="time-limit-error">{optionError && <p className="error">{optionError}</p>}</div>
      </div>
      <div className="field" role="radiogroup" aria-label="When to run">
        <label className="choice"><input type="radio" name="mode" value="now" checked={mode === 'now'}
          onChange={() => setMode('now')} /> Run now and wait for the result</label>
        <label className="choice"><input type="radio" name="mode" value="queued" checked={mode === 'queued'}
          onChange={() => setMode('queued')} /> Queue it (runs in the background; follow it under Runs)</label>
      </div>
      <p className="muted">{model.credits_per_execution} credits a run.</p>
      <ErrorLine error={submitError} />
      <button type="submit" disabled={busy}>{busy ? (mode === 'queued' ? 'Queuing…' : 'Running…') : 'Run model'}</button>
    </fieldset>
  );

  return (
    <section>
      <PageTitle title={`Run ${model.display_name || model.name}`}>Run {model.display_name || model.name}</PageTitle>
      <p className="muted">
        Model <code>{model.name}</code> ({model.id}). {model.description}{' '}
        <Link to={`/runs?model_id=${encodeURIComponent(model.id)}`}>Its runs</Link>
      </p>
      <div className="view-switch" role="group" aria-label="Input view">
        <button type="button" className={view === 'form' ? '' : 'secondary'} aria-pressed={view === 'form'} onClick={showForm}>Form</button>
        <button type="button" className={view === 'json' ? '' : 'secondary'} aria-pressed={view === 'json'} onClick={showJson}>JSON</button>
        <button type="button" className="secondary" onClick={() => {
          const example = schema.example_input ?? {};
          setFormData(example);
          setJsonText(JSON.stringify(example, null, 2));
          clearApiErrors();
        }}>Reset to the example</button>
      </div>
      {view === 'form' ? (
        <Form className="schema-form" schema={prepared} validator={validator} formData={formData}
          onChange={(event) => setFormData(event.formData)}
          onSubmit={(event) => execute(event.formData)}
          onError={() => setSubmitError('Some fields need attention: see the messages next to them.')}
          extraErrors={apiFieldErrors} extraErrorsBlockSubmit={false}
          showErrorList={false} noHtml5Validate disabled={busy} idPrefix="input" widgets={WIDGETS} templates={TEMPLATES}
          experimental_defaultFormStateBehavior={{ emptyObjectFields: 'populateRequiredDefaults', arrayMinItems: { populate: 'requiredOnly' } }}>
          {options}
        </Form>
      ) : (
        <form onSubmit={submitJson} noValidate className="json-form">
          <label htmlFor="input-json">Input JSON</label>
          <textarea id="input-json" rows={24} spellCheck="false" value={jsonText}
            onChange={(event) => setJsonText(event.target.value)} aria-describedby="input-json-error"
            aria-invalid={Boolean(jsonError) || apiDetails.length > 0} />
          <div id="input-json-error">
            {jsonError && <p className="error">{jsonError}</p>}
            {apiDetails.length > 0 && (
              <ul className="error">
                {apiDetails.map((item) => <li key={item.field}><code>{item.field}</code>: {item.message}</li>)}
              </ul>
            )}
          </div>
          {options}
        </form>
      )}
    </section>
  );
}

