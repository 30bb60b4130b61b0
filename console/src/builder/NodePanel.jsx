// The side panel: everything the canvas does, as forms and buttons a keyboard reaches
// (add, select, edit, connect, disconnect, delete), plus the compiler's complaints.
import { useEffect, useRef, useState } from 'react';
import { KIND_ORDER, NODE_KINDS, describeNode } from './canvas.js';
import { NodeFields } from './nodes.jsx';

export function NodePanel({ nodes, edges, selectedId, focusTick, claimFocus, problems, onAdd, onSelect, onChange, onDelete, onConnect, onDisconnect }) {
  const selected = nodes.find((node) => node.id === selectedId) || null;
  const general = Object.entries(problems).filter(([id]) => !nodes.some((node) => node.id === id));
  const nodeProblems = nodes.filter((node) => problems[node.id]?.length);
  return (
    <aside className="bpanel" aria-label="Canvas editor panel">
      <section aria-labelledby="badd-title">
        <h2 id="badd-title">Add a node</h2>
        <div className="bbuttons">
          {KIND_ORDER.map((kind) => (
            <button key={kind} type="button" className="secondary" onClick={() => onAdd(kind)}>
              Add {NODE_KINDS[kind].label.toLowerCase()}
            </button>
          ))}
        </div>
      </section>

      {(nodeProblems.length > 0 || general.length > 0) && (
        <section aria-labelledby="bproblems-title" className="bproblems">
          <h2 id="bproblems-title">Does not compile</h2>
          <ul>
            {nodeProblems.map((node) => problems[node.id].map((message) => (
              <li key={`${node.id}-${message}`}>
                <button type="button" className="blink" onClick={() => onSelect(node.id)}>{node.id}</button>: {message}
              </li>
            )))}
            {general.map(([id, messages]) => messages.map((message) => (
              <li key={`${id}-${message}`}>{id}: {message}</li>
            )))}
          </ul>
        </section>
      )}

      <section aria-labelledby="bnodes-title">
        <h2 id="bnodes-title">Nodes</h2>
        {nodes.length === 0 && <p className="muted">The canvas is empty: add a variable to start.</p>}
        <ul className="bnodelist">
          {nodes.map((node) => (
            <li key={node.id}>
              <button type="button" className={`blink ${node.id === selectedId ? 'bcurrent' : ''}`}
                aria-pressed={node.id === selectedId} onClick={() => onSelect(node.id)}>
                {node.id}: {describeNode(node)}
              </button>
            </li>
          ))}
        </ul>
      </section>

      {selected && (
        <NodeForm key={selected.id} node={selected} nodes={nodes} edges={edges} focusTick={focusTick} claimFocus={claimFocus}
          onChange={onChange} onDelete={onDelete} onConnect={onConnect} onDisconnect={onDisconnect} />
      )}
    </aside>
  );
}

function NodeForm({ node, nodes, edges, focusTick, claimFocus, onChange, onDelete, onConnect, onDisconnect }) {
  const form = useRef(null);
  useEffect(() => {
    // Added or picked from the panel: typing goes straight into its first field.
    if (claimFocus(node.id)) form.current?.querySelector('input, select, textarea')?.focus();
  }, [focusTick, claimFocus, node.id]);
  const others = nodes.filter((other) => other.id !== node.id);
  const [target, setTarget] = useState(others[0]?.id || '');
  const mine = edges.filter((edge) => edge.source === node.id || edge.target === node.id);
  return (
    <section className="bnodeform" aria-label={`Edit node ${node.id}`} ref={form}>
      <h2>Edit {NODE_KINDS[node.type]?.label.toLowerCase() || node.type} {node.id}</h2>
      <NodeFields node={node} onChange={(data) => onChange(node.id, data)} />
      {node.type !== 'note' && (
        <>
          <h3>Connections</h3>
          {mine.length === 0 && <p className="muted">Not connected.</p>}
          <ul className="bedges">
            {mine.map((edge) => (
              <li key={edge.id}>
                {edge.source} → {edge.target}{' '}
                <button type="button" className="secondary" onClick={() => onDisconnect(edge.id)}
                  aria-label={`Remove connection ${edge.source} to ${edge.target}`}>Remove</button>
              </li>
            ))}
          </ul>
          {others.length > 0 && (
            <div className="bconnect">
              <label className="bfield">
                <span>Connect to</span>
                <select aria-label="Connect to" value={target} onChange={(event) => setTarget(event.target.value)}>
                  {others.map((other) => <option key={other.id} value={other.id}>{other.id}: {describeNode(other)}</option>)}
                </select>
              </label>
              <button type="button" className="secondary" onClick={() => target && onConnect(node.id, target)}>Connect</button>
            </div>
          )}
        </>
      )}
      <p><button type="button" className="danger" onClick={() => onDelete(node.id)}>Delete node {node.id}</button></p>
    </section>
  );
}
