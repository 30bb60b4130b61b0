// Runs: newest first, filtered by status and model, in pages (the API's cursor); queued and
// running ones are polled until they end; each can be canceled, and links to its result and
// to the model or builder version that produced it.
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api.js';
import { usePolled } from '../polling.js';
import { Provenance } from './result.jsx';
import { LIVE_STATUSES, RUN_STATUSES, StatusBadge, when } from '../status.jsx';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';

const POLL_MS = 2000;
const PAGE_SIZES = [10, 20, 50];

export default function Runs() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') || '';
  const modelId = params.get('model_id') || '';
  const limit = Number(params.get('limit')) || 20;
  const cursor = params.get('cursor') || '';
  const [models, setModels] = useState([]);
  const [cursors, setCursors] = useState([]); // the cursors of the pages before this one
  const [actionError, setActionError] = useState(null);

  useEffect(() => {
    api.get('/models', { query: { page_size: 100 } }).then((found) => setModels(found.items), () => setModels([]));
  }, []);

  const load = useCallback(() => api.get('/executions', {
    query: { status, model_id: modelId, limit, cursor } }), [status, modelId, limit, cursor]);

  const [page, setPage, error] = usePolled(load, {
    everyMs: POLL_MS, isLive: (found) => found.items.some((run) => LIVE_STATUSES.includes(run.status)),
  });

  const setFilter = (name, value) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('cursor');
    setCursors([]);
    setParams(next);
  };
  const goTo = (nextCursor, back) => {
    const next = new URLSearchParams(params);
    if (nextCursor) next.set('cursor', nextCursor);
    else next.delete('cursor');
    setCursors(back ? cursors.slice(0, -1) : [...cursors, cursor]);
    setParams(next);
  };

  const cancel = async (run) => {
    setActionError(null);
    try {
      const updated = await api.post(`/executions/${encodeURIComponent(run.execution_id)}/cancel`);
      setPage((current) => ({ ...current, items: current.items.map((item) => (item.execution_id === run.execution_id ? { ...item, ...updated } : item)) }));
      load().then(setPage, () => {});
    } catch (failure) {
      setActionError(failure);
    }
  };

  const modelName = (id) => models.find((model) => model.id === id)?.name;

  return (
    <section>
      <PageTitle>Runs</PageTitle>
      <div className="toolbar" role="search" aria-label="Filter runs">
        <div>
          <label htmlFor="runs-status">Status</label>
          <select id="runs-status" value={status} onChange={(event) => setFilter('status', event.target.value)}>
            <option value="">Any status</option>
            {RUN_STATUSES.map((name) => <option key={name} value={name}>{name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="runs-model">Model</label>
          <select id="runs-model" value={modelId} onChange={(event) => setFilter('model_id', event.target.value)}>
            <option value="">Any model</option>
            {models.map((model) => <option key={model.id} value={model.id}>{model.custom_name || model.name}</option>)}
            {modelId && !models.some((model) => model.id === modelId) && <option value={modelId}>{modelId}</option>}
          </select>
        </div>
        <div>
          <label htmlFor="runs-limit">Per page</label>
          <select id="runs-limit" value={limit} onChange={(event) => setFilter('limit', event.target.value)}>
            {PAGE_SIZES.map((size) => <option key={size} value={size}>{size}</option>)}
          </select>
        </div>
      </div>
      <ErrorLine error={error} />
      <ErrorLine error={actionError} />
      {!page && !error && <Loading what="runs" />}
      {page && page.items.length === 0 && <p>No runs{status || modelId ? ' match these filters' : ' yet: run a model from the catalog'}.</p>}
      {page && page.items.length > 0 && (
        <div className="scroll">
          <table className="runs">
            <caption className="muted">Newest first{page.items.some((run) => LIVE_STATUSES.includes(run.status)) ? '; queued and running runs update by themselves' : ''}.</caption>
            <thead>
              <tr>
                <th scope="col">Run</th><th scope="col">Status</th><th scope="col">Result</th><th scope="col">From</th>
                <th scope="col">Created</th><th scope="col" className="num">Solve time</th><th scope="col" className="num">Credits</th><th scope="col"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((run) => (
                <tr key={run.execution_id} data-execution={run.execution_id}>
                  <td><Link to={`/runs/${run.execution_id}`}>{run.execution_id}</Link></td>
                  <td><StatusBadge status={run.status} /></td>
                  <td>{run.solve_status || '—'}</td>
                  <td><Provenance execution={{ ...run, template: run.template || modelName(run.model_id) }} /></td>
                  <td>{when(run.created_at)}</td>
                  <td className="num">{run.solve_time_ms ?? '—'}{run.solve_time_ms !== null && run.solve_time_ms !== undefined ? ' ms' : ''}</td>
                  <td className="num">{run.credits_used}</td>
                  <td>{LIVE_STATUSES.includes(run.status) && (
                    <button type="button" className="danger" onClick={() => cancel(run)}
                      aria-label={`Cancel run ${run.execution_id}`}>Cancel</button>
                  )}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && (
        <nav className="pager" aria-label="Pages of runs">
          <button type="button" className="secondary" disabled={!cursor} onClick={() => goTo(cursors[cursors.length - 1] || '', true)}>Newer</button>
          <button type="button" className="secondary" disabled={!page.has_more} onClick={() => goTo(page.next_cursor, false)}>Older</button>
        </nav>
      )}
    </section>
  );
}
