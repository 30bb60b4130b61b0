// One run: its status (polled live while queued or running), cancel, the model or builder
// version that produced it, and the result as drawings, tables and downloads.
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.js';
import { usePolled } from '../polling.js';
import { useSession } from '../session.js';
import ResultView from '../results/ResultView.jsx';
import { LIVE_STATUSES, StatusBadge, when } from '../status.jsx';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';

const POLL_MS = 1000;

export function Provenance({ execution }) {
  const parts = [];
  if (execution.model_id) {
    parts.push(<span key="model">Model <Link to={`/models/${encodeURIComponent(execution.model_id)}/run`}>{execution.template || execution.model_id}</Link></span>);
  }
  if (execution.document_id) {
    const versions = `/builder/${encodeURIComponent(execution.document_id)}/versions`;
    parts.push(<span key="doc">Canvas <Link to={`/builder/${encodeURIComponent(execution.document_id)}`}>{execution.document_id}</Link></span>);
    parts.push(execution.version_id
      ? <span key="ver">version <Link to={`${versions}?version=${encodeURIComponent(execution.version_id)}`}>{execution.sequence ? `#${execution.sequence}` : execution.version_id}</Link></span>
      : <span key="ver">unsaved canvas</span>);
  }
  if (execution.trigger_id) parts.push(<span key="trg">trigger <Link to="/triggers">{execution.trigger_id}</Link></span>);
  if (!parts.length) parts.push(<span key="kind">{execution.kind === 'solve' ? 'POST /solve' : execution.kind}</span>);
  return <span className="provenance">{parts.reduce((all, part, index) => (index ? [...all, ', ', part] : [part]), [])}</span>;
}

export default function Result() {
  const { executionId } = useParams();
  const { refresh } = useSession();
  const [cancelError, setCancelError] = useState(null);
  const [canceling, setCanceling] = useState(false);

  const load = useCallback(() => api.get(`/executions/${encodeURIComponent(executionId)}`), [executionId]);
  const [execution, setExecution, error] = usePolled(load, {
    everyMs: POLL_MS, outageRetryMs: POLL_MS * 3, isLive: (found) => LIVE_STATUSES.includes(found.status),
    onEnded: () => refresh().catch(() => {}), // the balance: a refund may have come with the end
  });

  const cancel = async () => {
    setCanceling(true);
    setCancelError(null);
    try {
      setExecution(await api.post(`/executions/${encodeURIComponent(executionId)}/cancel`));
    } catch (failure) {
      setCancelError(failure);
    } finally {
      setCanceling(false);
    }
  };

  if (!execution) {
    return <section><PageTitle>Run {executionId}</PageTitle>{error ? <ErrorLine error={error} /> : <Loading what="the run" />}</section>;
  }
  const moving = LIVE_STATUSES.includes(execution.status);
  return (
    <section>
      <PageTitle title={`Run ${executionId}`}>Run <code>{executionId}</code></PageTitle>
      <div className="panel run-head">
        <p>
          <span aria-live="polite" data-testid="run-status">Status: <StatusBadge status={execution.status} />
            {execution.cancel_requested && moving ? ' (cancel requested)' : ''}</span>
          {' · '}<Provenance execution={execution} />
        </p>
        <p className="muted">
          Created {when(execution.created_at)}{execution.started_at ? `, started ${when(execution.started_at)}` : ''}
          {execution.finished_at ? `, finished ${when(execution.finished_at)}` : ''}; {execution.credits_used} credits
          {execution.is_async ? '; queued run' : ''}.
        </p>
        {moving && (
          <p>
            <span className="muted">{execution.status === 'queued' ? 'Waiting for a worker…' : 'Solving…'} (updates by itself) </span>
            <button type="button" className="danger" onClick={cancel} disabled={canceling || execution.cancel_requested}>
              {canceling ? 'Canceling…' : 'Cancel run'}
            </button>
          </p>
        )}
        <ErrorLine error={cancelError} />
        <ErrorLine error={error} />
        {execution.failure_reason && <p className="error">{execution.failure_reason}</p>}
        <details>
          <summary>Status history</summary>
          <ol>
            {execution.status_history.map((change, index) => (
              <li key={index}>{change.status} at {when(change.at)}{change.reason ? `: ${change.reason}` : ''}</li>
            ))}
          </ol>
        </details>
      </div>
      {execution.result && <ResultView execution={execution} />}
      <p><Link to="/runs">All runs</Link></p>
    </section>
  );
}
