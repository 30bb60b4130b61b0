// Triggers (/triggers): list, create a schedule trigger (its signing secret shown once),
// enable or disable, delete. A trigger runs a builder version (pinned) or an organization model.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api.js';
import { ConfirmInline, ErrorLine, Loading, PageTitle } from '../ui.jsx';
import { parameterDefaults } from '../builder/canvas.js';
import { OnceSecret } from '../builder/OnceSecret.jsx';
import '../builder/builder.css';

const PAGE_SIZE = 20;

export default function TriggersPage() {
  const [page, setPage] = useState(1);
  const [listing, setListing] = useState(null);
  const [error, setError] = useState(null);
  const [created, setCreated] = useState(null);
  const [confirming, setConfirming] = useState(null);

  const reload = useCallback(
    () => api.get('/triggers', { query: { page, page_size: PAGE_SIZE } }).then(setListing).catch(setError),
    [page],
  );
  useEffect(() => { reload(); }, [reload]);

  const setEnabled = async (trigger, enabled) => {
    setError(null);
    try {
      await api.patch(`/triggers/${encodeURIComponent(trigger.id)}`, { is_enabled: enabled });
      await reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const remove = async (trigger) => {
    setError(null);
    try {
      await api.del(`/triggers/${encodeURIComponent(trigger.id)}`);
      setConfirming(null);
      await reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const pages = listing ? Math.max(1, Math.ceil(listing.total / PAGE_SIZE)) : 1;
  return (
    <section className="bpage">
      <PageTitle>Triggers</PageTitle>
      <p className="muted">Runs that no person starts. A schedule runs a builder version or a model on fixed input, in UTC.</p>
      {created && (
        <OnceSecret title={`Trigger “${created.name}” created`} secret={created.secret} what="signing secret"
          onDismiss={() => setCreated(null)} />
      )}
      <CreateTrigger onCreated={(trigger) => { setCreated(trigger); reload(); }} />
      <h2>Triggers</h2>
      <ErrorLine error={error} />
      {!listing && !error && <Loading what="triggers" />}
      {listing && listing.items.length === 0 && <p className="muted">No triggers yet.</p>}
      {listing && listing.items.length > 0 && (
        <div className="scroll">
          <table>
            <caption className="sr-only">Triggers of the organization</caption>
            <thead>
              <tr>
                <th scope="col">Name</th><th scope="col">Type</th><th scope="col">Runs</th><th scope="col">Schedule</th>
                <th scope="col">Next run</th><th scope="col">State</th><th scope="col">Last fired</th><th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {listing.items.map((trigger) => (
                <tr key={trigger.id} data-testid={`trigger-${trigger.id}`}>
                  <th scope="row">{trigger.name}</th>
                  <td>{trigger.type}</td>
                  <td><Target trigger={trigger} /></td>
                  <td><code>{trigger.schedule_expression || '—'}</code></td>
                  <td>{trigger.next_run_at || '—'}</td>
                  <td data-testid="trigger-state">{trigger.is_enabled ? 'Enabled' : 'Disabled'}</td>
                  <td>
                    {trigger.last_fired_at || 'never'}
                    {trigger.last_execution_id && <> (<Link to={`/runs/${trigger.last_execution_id}`}>run</Link>)</>}
                    {trigger.last_error && <span className="error"> {trigger.last_error}</span>}
                  </td>
                  <td className="bactions">
                    <button type="button" className="secondary" onClick={() => setEnabled(trigger, !trigger.is_enabled)}
                      aria-label={`${trigger.is_enabled ? 'Disable' : 'Enable'} trigger ${trigger.name}`}>
                      {trigger.is_enabled ? 'Disable' : 'Enable'}
                    </button>
                    {confirming !== trigger.id ? (
                      <button type="button" className="danger" onClick={() => setConfirming(trigger.id)} aria-label={`Delete trigger ${trigger.name}`}>Delete</button>
                    ) : (
                      <ConfirmInline label={`Confirm deleting ${trigger.name}`} action="Yes, delete it"
                        onConfirm={() => remove(trigger)} onCancel={() => setConfirming(null)} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {listing && pages > 1 && (
        <nav aria-label="Trigger pages" className="bactions">
          <button type="button" className="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>Previous page</button>
          <span>Page {page} of {pages}</span>
          <button type="button" className="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>Next page</button>
        </nav>
      )}
    </section>
  );
}

function Target({ trigger }) {
  if (trigger.document_id) {
    return (
      <Link to={`/builder/${encodeURIComponent(trigger.document_id)}/versions`}>
        builder version #{trigger.sequence ?? '?'}
      </Link>
    );
  }
  return <Link to={`/models/${encodeURIComponent(trigger.model_id)}/run`}>model {trigger.model_id}</Link>;
}

function CreateTrigger({ onCreated }) {
  const [name, setName] = useState('');
  const [schedule, setSchedule] = useState('rate(1 hour)');
  const [targetKind, setTargetKind] = useState('builder');
  const [documents, setDocuments] = useState([]);
  const [documentId, setDocumentId] = useState('');
  const [versions, setVersions] = useState([]);
  const [versionId, setVersionId] = useState('');
  const [models, setModels] = useState([]);
  const [modelId, setModelId] = useState('');
  const [input, setInput] = useState('{}');
  const [callbackUrl, setCallbackUrl] = useState('');
  const [enabled, setEnabled] = useState(true);
  const [error, setError] = useState(null);
  const [inputProblem, setInputProblem] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.get('/builder', { query: { page_size: 100, is_active: true } }).then((page) => {
      setDocuments(page.items);
      if (page.items.length) setDocumentId((now) => now || page.items[0].id);
    }).catch(setError);
    api.get('/models', { query: { page_size: 100 } }).then((page) => {
      setModels(page.items);
      if (page.items.length) setModelId((now) => now || page.items[0].id);
    }).catch(setError);
  }, []);

  useEffect(() => {
    if (targetKind !== 'builder' || !documentId) return;
    api.get(`/builder/${encodeURIComponent(documentId)}/versions`, { query: { limit: 100 } }).then((list) => {
      setVersions(list);
      setVersionId(list[0]?.id || '');
    }).catch(setError);
  }, [targetKind, documentId]);

  // Prefill the input: a version's parameter values, or the model's example input.
  useEffect(() => {
    let live = true;
    const prefill = async () => {
      if (targetKind === 'builder' && documentId && versionId) {
        const version = await api.get(`/builder/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(versionId)}`);
        const values = Object.fromEntries(parameterDefaults(version.canvas_json)
          .filter((parameter) => typeof parameter.value === 'number').map((parameter) => [parameter.name, parameter.value]));
        if (live) setInput(JSON.stringify(values, null, 2));
      } else if (targetKind === 'model' && modelId) {
        const schema = await api.get(`/models/${encodeURIComponent(modelId)}/schema`);
        if (live) setInput(JSON.stringify(schema.example_input || {}, null, 2));
      }
    };
    prefill().catch(() => {});
    return () => { live = false; };
  }, [targetKind, documentId, versionId, modelId]);

  const submit = async (event) => {
    event.preventDefault();
    setError(null);
    let inputData;
    try {
      inputData = JSON.parse(input);
      if (!inputData || typeof inputData !== 'object' || Array.isArray(inputData)) throw new Error('not an object');
      setInputProblem('');
    } catch {
      setInputProblem('The input must be a JSON object, such as {"capacity": 14}.');
      return;
    }
    const body = { name: name.trim(), type: 'schedule', schedule_expression: schedule.trim(), input_data: inputData, is_enabled: enabled };
    if (targetKind === 'builder') Object.assign(body, { document_id: documentId, version_id: versionId });
    else body.model_id = modelId;
    if (callbackUrl.trim()) body.callback_url = callbackUrl.trim();
    setBusy(true);
    try {
      const trigger = await api.post('/triggers', body);
      setName('');
      onCreated(trigger);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel btrigger-form" onSubmit={submit} aria-labelledby="bnewtrigger-title">
      <h2 id="bnewtrigger-title">New schedule trigger</h2>
      <div className="bgrid">
        <label className="bfield"><span>Trigger name</span>
          <input type="text" required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <label className="bfield"><span>Schedule (UTC)</span>
          <input type="text" required maxLength={256} value={schedule} aria-describedby="bschedule-help" onChange={(event) => setSchedule(event.target.value)} />
          <small id="bschedule-help" className="muted">rate(15 minutes), rate(1 day) or cron(0 6 * * 1-5): five fields</small>
        </label>
        <fieldset className="bfieldset">
          <legend>What it runs</legend>
          <label className="binline"><input type="radio" name="target" value="builder" checked={targetKind === 'builder'} onChange={() => setTargetKind('builder')} /> A builder version</label>
          <label className="binline"><input type="radio" name="target" value="model" checked={targetKind === 'model'} onChange={() => setTargetKind('model')} /> An organization model</label>
        </fieldset>
        {targetKind === 'builder' ? (
          <>
            <label className="bfield"><span>Builder document</span>
              <select aria-label="Builder document" value={documentId} onChange={(event) => setDocumentId(event.target.value)}>
                {documents.length === 0 && <option value="">(no documents)</option>}
                {documents.map((document) => <option key={document.id} value={document.id}>{document.name}</option>)}
              </select>
            </label>
            <label className="bfield"><span>Version (pinned: it becomes a named version)</span>
              <select aria-label="Version (pinned: it becomes a named version)" value={versionId} onChange={(event) => setVersionId(event.target.value)}>
                {versions.length === 0 && <option value="">(no versions: checkpoint the canvas first)</option>}
                {versions.map((version) => (
                  <option key={version.id} value={version.id}>#{version.sequence}{version.version_name ? ` “${version.version_name}”` : ''}: {version.change_summary}</option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <label className="bfield"><span>Organization model</span>
            <select aria-label="Organization model" value={modelId} onChange={(event) => setModelId(event.target.value)}>
              {models.length === 0 && <option value="">(no active models: activate one in the catalog)</option>}
              {models.map((model) => <option key={model.id} value={model.id}>{model.custom_name || model.display_name}</option>)}
            </select>
          </label>
        )}
        <label className="bfield bwide"><span>{targetKind === 'builder' ? 'Parameter values (JSON)' : 'Input data (JSON)'}</span>
          <textarea rows={5} value={input} onChange={(event) => setInput(event.target.value)} aria-invalid={Boolean(inputProblem)} />
        </label>
        {inputProblem && <p className="error bwide" role="alert">{inputProblem}</p>}
        <label className="bfield"><span>Callback URL (optional)</span>
          <input type="url" value={callbackUrl} placeholder="https://example.com/jaot-results" onChange={(event) => setCallbackUrl(event.target.value)} />
        </label>
        <label className="binline"><input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} /> Enabled</label>
      </div>
      <ErrorLine error={error} />
      <button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create trigger'}</button>
    </form>
  );
}
