// Versions of one builder document (/builder/:documentId/versions): the timeline with each
// change_summary, promote, restore (and the safety checkpoint it made), two versions side
// by side (and run both: POST /executions/compare), and a version run with parameters.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api.js';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';
import { describeNode, diffCanvases, parameterDefaults } from '../builder/canvas.js';
import { CanvasPreview } from '../builder/CanvasPreview.jsx';
import { ParameterForm } from '../builder/ParameterForm.jsx';
import { ResultView, formatNumber } from '../builder/ResultView.jsx';
import '../builder/builder.css';

const CURRENT = 'current';

export function versionLabel(version) {
  if (!version) return '';
  const name = version.version_name ? ` “${version.version_name}”` : '';
  return `#${version.sequence}${name}`;
}

export default function VersionsPage() {
  const { documentId } = useParams();
  const path = `/builder/${encodeURIComponent(documentId)}`;
  const [document, setDocument] = useState(null);
  const [versions, setVersions] = useState(null);
  const [error, setError] = useState(null);
  const [restored, setRestored] = useState(null);

  const reload = useCallback(async () => {
    const [loaded, history] = await Promise.all([api.get(path), api.get(`${path}/versions`, { query: { limit: 100 } })]);
    setDocument(loaded);
    setVersions(history);
    return { loaded, history };
  }, [path]);

  useEffect(() => { reload().catch(setError); }, [reload]);

  const restore = async (version) => {
    setError(null);
    setRestored(null);
    try {
      const current = await api.get(path);
      const answer = await api.post(`${path}/versions/${encodeURIComponent(version.id)}/restore`, { current_canvas_json: current.canvas_json });
      const { history } = await reload();
      const safety = history.find((item) => item.id === answer.checkpoint_id) || { id: answer.checkpoint_id };
      setRestored({ version, safety, document: answer.document });
    } catch (failure) {
      setError(failure);
    }
  };

  if (!document && !error) return <Loading what="versions" />;
  return (
    <section className="bpage">
      <PageTitle title={`Versions: ${document?.name || documentId}`}>Versions: {document?.name || documentId}</PageTitle>
      <nav aria-label="Document" className="bdocnav">
        <Link to="/builder">All documents</Link>
        <Link to={path}>Open the canvas</Link>
      </nav>
      <ErrorLine error={error} />
      {restored && <RestoreNotice restored={restored} path={path} onDismiss={() => setRestored(null)} />}
      {versions && (
        <>
          <Timeline versions={versions} path={path} onRestore={restore} onChanged={() => reload().catch(setError)} />
          <SideBySide versions={versions} documentId={documentId} path={path} />
          <RunVersion versions={versions} path={path} />
        </>
      )}
    </section>
  );
}

function RestoreNotice({ restored, path, onDismiss }) {
  const nodes = restored.document.canvas_json?.nodes || [];
  return (
    <section className="panel bnotice" role="status" aria-labelledby="brestored-title">
      <h2 id="brestored-title">Restored {versionLabel(restored.version)}</h2>
      <p data-testid="safety-checkpoint">
        The canvas you had before is kept as safety checkpoint {restored.safety.sequence ? `#${restored.safety.sequence}` : ''}{' '}
        (<code>{restored.safety.id}</code>): restore it to undo.
      </p>
      <h3>The canvas now</h3>
      <ul aria-label="Restored canvas">
        {nodes.map((node) => <li key={node.id}>{node.id}: {describeNode(node)}</li>)}
      </ul>
      <p>
        <Link to={path}>Open the restored canvas</Link>{' '}
        <button type="button" className="secondary" onClick={onDismiss}>Dismiss</button>
      </p>
    </section>
  );
}

function Timeline({ versions, path, onRestore, onChanged }) {
  const [promoting, setPromoting] = useState(null);
  return (
    <section className="panel" aria-labelledby="btimeline-title">
      <h2 id="btimeline-title">Timeline</h2>
      {versions.length === 0 && <p className="muted">No checkpoints yet: the builder makes one 2 s after each change.</p>}
      <ol className="btimeline" aria-label="Versions, newest first">
        {versions.map((version) => (
          <li key={version.id} className={version.is_named ? 'bversion bversion-named' : 'bversion'} data-testid="version">
            <div className="bversion-head">
              <strong>#{version.sequence}</strong>
              {version.is_named ? <span className="tag">named: {version.version_name}</span> : <span className="muted">checkpoint</span>}
              <time dateTime={version.created_at} className="muted">{version.created_at.replace('T', ' ').replace('Z', ' UTC')}</time>
            </div>
            <p className="bsummary">{version.change_summary}</p>
            {version.version_description && <p className="muted">{version.version_description}</p>}
            <div className="bactions">
              <button type="button" className="secondary" onClick={() => setPromoting(promoting === version.id ? null : version.id)}
                aria-expanded={promoting === version.id} aria-label={`${version.is_named ? 'Rename' : 'Promote'} version #${version.sequence}`}>
                {version.is_named ? 'Rename' : 'Promote to named version'}
              </button>
              <button type="button" className="secondary" onClick={() => onRestore(version)} aria-label={`Restore version #${version.sequence}`}>Restore</button>
            </div>
            {promoting === version.id && (
              <PromoteForm version={version} path={path} onDone={() => { setPromoting(null); onChanged(); }} onCancel={() => setPromoting(null)} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function PromoteForm({ version, path, onDone, onCancel }) {
  const [name, setName] = useState(version.version_name || '');
  const [description, setDescription] = useState(version.version_description || '');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = { version_name: name.trim() };
      if (description.trim()) body.version_description = description.trim();
      await api.patch(`${path}/versions/${encodeURIComponent(version.id)}`, body);
      onDone();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form className="bpromote" onSubmit={submit} aria-label={`Name version #${version.sequence}`}>
      <label className="bfield"><span>Version name</span>
        <input type="text" value={name} required maxLength={200} onChange={(event) => setName(event.target.value)} autoFocus />
      </label>
      <label className="bfield"><span>Description (optional)</span>
        <input type="text" value={description} maxLength={2000} onChange={(event) => setDescription(event.target.value)} />
      </label>
      <ErrorLine error={error} />
      <div className="bactions">
        <button type="submit" disabled={busy || !name.trim()}>Save name</button>
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}

function VersionSelect({ label, value, onChange, versions, withCurrent = true }) {
  return (
    <label className="bfield">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(event) => onChange(event.target.value)}>
        {withCurrent && <option value={CURRENT}>The saved canvas (current)</option>}
        {versions.map((version) => (
          <option key={version.id} value={version.id}>{versionLabel(version)}: {version.change_summary}</option>
        ))}
      </select>
    </label>
  );
}

async function loadCanvas(path, versionId) {
  if (versionId === CURRENT) return (await api.get(path)).canvas_json;
  return (await api.get(`${path}/versions/${encodeURIComponent(versionId)}`)).canvas_json;
}

function SideBySide({ versions, documentId, path }) {
  const [left, setLeft] = useState(versions[1]?.id || versions[0]?.id || CURRENT);
  const [right, setRight] = useState(versions.length > 1 ? versions[0].id : CURRENT);
  const [shown, setShown] = useState(null);
  const [error, setError] = useState(null);
  const [comparison, setComparison] = useState(null);
  const [running, setRunning] = useState(false);

  const show = async () => {
    setError(null);
    setComparison(null);
    try {
      const [a, b] = await Promise.all([loadCanvas(path, left), loadCanvas(path, right)]);
      setShown({ left, right, a, b, diff: diffCanvases(a, b) });
    } catch (failure) {
      setError(failure);
    }
  };

  const nameOf = (id) => (id === CURRENT ? 'the saved canvas' : versionLabel(versions.find((version) => version.id === id)));
  const changed = useMemo(() => new Set((shown?.diff.rows || []).filter((row) => row.change !== 'same').map((row) => row.id)), [shown]);
  const parameters = useMemo(() => {
    if (!shown) return [];
    // Blank fields: each version keeps its own value (shown as the placeholder).
    const own = (canvas) => new Map(parameterDefaults(canvas).map((parameter) => [parameter.name, parameter.expression ?? parameter.value]));
    const [a, b] = [own(shown.a), own(shown.b)];
    return [...new Set([...a.keys(), ...b.keys()])].map((name) => ({
      name, hint: `A: ${a.get(name) ?? '—'} · B: ${b.get(name) ?? '—'}`,
    }));
  }, [shown]);

  const runBoth = async ({ parameters: values, options }) => {
    setRunning(true);
    setError(null);
    setComparison(null);
    try {
      setComparison(await api.post('/executions/compare', {
        document_id: documentId, version_ids: [shown.left, shown.right], parameters: values, options,
      }));
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="bside-title">
      <h2 id="bside-title">Side by side</h2>
      <div className="bpick">
        <VersionSelect label="Version A" value={left} onChange={setLeft} versions={versions} />
        <VersionSelect label="Version B" value={right} onChange={setRight} versions={versions} />
        <button type="button" onClick={show} disabled={left === right}>Show side by side</button>
      </div>
      {left === right && <p className="muted">Pick two different versions.</p>}
      <ErrorLine error={error} />
      {shown && (
        <>
          <div className="grid2 bpreviews">
            <div><h3>A: {nameOf(shown.left)}</h3><CanvasPreview canvas={shown.a} marked={changed} label={`Canvas of ${nameOf(shown.left)}`} /></div>
            <div><h3>B: {nameOf(shown.right)}</h3><CanvasPreview canvas={shown.b} marked={changed} label={`Canvas of ${nameOf(shown.right)}`} /></div>
          </div>
          <DiffTable diff={shown.diff} />
          <h3>Run both</h3>
          <p className="muted">Both versions run now, each charged and recorded like any run; a value typed here is given to both, a blank one leaves each version its own.</p>
          <ParameterForm parameters={parameters} onRun={runBoth} busy={running} label="Run both and compare" idPrefix="compare" prefill={false} />
          {comparison && <ComparisonView comparison={comparison} />}
        </>
      )}
    </section>
  );
}

const CHANGE_WORDS = { added: 'added in B', removed: 'removed in B', changed: 'changed', same: 'same' };

function DiffTable({ diff }) {
  const differing = diff.rows.filter((row) => row.change !== 'same');
  return (
    <div className="scroll">
      <p data-testid="diff-summary">
        {differing.length === 0 && diff.edgesAdded.length === 0 && diff.edgesRemoved.length === 0
          ? 'The two canvases hold the same model (layout aside).'
          : `${differing.length} node${differing.length === 1 ? ' differs' : 's differ'}; ${diff.edgesAdded.length} connection${diff.edgesAdded.length === 1 ? '' : 's'} added, ${diff.edgesRemoved.length} removed.`}
      </p>
      <table className="bdiff">
        <caption>Nodes of A and B</caption>
        <thead><tr><th scope="col">Node</th><th scope="col">Kind</th><th scope="col">A</th><th scope="col">B</th><th scope="col">Change</th></tr></thead>
        <tbody>
          {diff.rows.map((row) => (
            <tr key={row.id} className={`bdiff-${row.change}`} data-testid={`diff-${row.id}`}>
              <th scope="row">{row.id}</th>
              <td>{row.type}</td>
              <td>{row.a ?? '—'}</td>
              <td>{row.b ?? '—'}</td>
              <td>{CHANGE_WORDS[row.change]}{row.change === 'changed' && row.fields.length ? `: ${row.fields.join(', ')}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(diff.edgesAdded.length > 0 || diff.edgesRemoved.length > 0) && (
        <ul aria-label="Connection changes">
          {diff.edgesAdded.map((edge) => <li key={`+${edge}`}>connection {edge} added in B</li>)}
          {diff.edgesRemoved.map((edge) => <li key={`-${edge}`}>connection {edge} removed in B</li>)}
        </ul>
      )}
    </div>
  );
}

function ComparisonView({ comparison }) {
  const { objective } = comparison;
  const relative = objective.relative_delta === null || objective.relative_delta === undefined
    ? '' : ` (${(objective.relative_delta * 100).toFixed(2)}%)`;
  return (
    <section className="bcompare" aria-label="Comparison of the two runs">
      <p data-testid="comparison-summary">{comparison.summary}</p>
      <table>
        <caption>Objective</caption>
        <thead><tr><th scope="col">A</th><th scope="col">B</th><th scope="col">B − A</th></tr></thead>
        <tbody>
          <tr>
            <td data-testid="objective-a">{formatNumber(objective.a)} ({comparison.a.solve_status})</td>
            <td data-testid="objective-b">{formatNumber(objective.b)} ({comparison.b.solve_status})</td>
            <td data-testid="objective-delta">{formatNumber(objective.delta)}{relative}</td>
          </tr>
        </tbody>
      </table>
      {comparison.solution_changes?.changes?.length > 0 && (
        <ul aria-label="What changed in the solution">
          {comparison.solution_changes.changes.map((change) => <li key={`${change.change}-${change.subject}`}>{change.description}</li>)}
        </ul>
      )}
      <p className="muted">Runs: <Link to={`/runs/${comparison.execution_ids[0]}`}>A</Link>, <Link to={`/runs/${comparison.execution_ids[1]}`}>B</Link></p>
    </section>
  );
}

function RunVersion({ versions, path }) {
  const [versionId, setVersionId] = useState(versions[0]?.id || '');
  const [parameters, setParameters] = useState([]);
  const [result, setResult] = useState(null);
  const [error, setError] = useState(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    if (!versionId) return;
    let live = true;
    loadCanvas(path, versionId).then((canvas) => { if (live) setParameters(parameterDefaults(canvas)); }).catch(setError);
    return () => { live = false; };
  }, [path, versionId]);

  if (!versions.length) return null;
  const run = async ({ parameters: values, options }) => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.post(`${path}/execute`, { version_id: versionId, parameters: values, options }));
    } catch (failure) {
      setError(failure);
    } finally {
      setRunning(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="brunversion-title">
      <h2 id="brunversion-title">Run a version</h2>
      <VersionSelect label="Version to run" value={versionId} onChange={setVersionId} versions={versions} withCurrent={false} />
      <ParameterForm parameters={parameters} onRun={run} busy={running} label="Run this version" idPrefix="version" />
      <ErrorLine error={error} />
      <ResultView result={result} title="Result of the version" />
    </section>
  );
}
