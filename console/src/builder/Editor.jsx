// The canvas editor of one builder document: draw, edit, save, checkpoint, run.
//
// Every change is compiled 0.6 s after it (the errors land on the node at fault) and, 2 s
// after the last change, saved (PUT /builder/{id}) and checkpointed (POST .../versions).
// Only the API's canvas counts as a change (not selection or measured sizes), and the API
// answers a canvas equal to its latest checkpoint with that checkpoint: no empty versions.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { addEdge, Background, Controls, ReactFlow, useEdgesState, useNodesState } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { api, ApiError, errorMessage } from '../api.js';
import { ErrorLine, Loading, PageTitle } from '../ui.jsx';
import { NODE_KINDS, canvasExtras, describeNode, nextEdgeId, nextNodeId, parameterDefaults, placeNode, toCanvas, toFlow } from './canvas.js';
import { CanvasContext, nodeTypes } from './nodes.jsx';
import { NodePanel } from './NodePanel.jsx';
import { ParameterForm } from './ParameterForm.jsx';
import { ResultView } from './ResultView.jsx';
import { isCompileError, problemsFrom } from './problems.js';

export const COMPILE_DELAY_MS = 600;
export const CHECKPOINT_DELAY_MS = 2000;

const withLabel = (node) => ({ ...node, ariaLabel: describeNode(node) });

export function Editor({ documentId }) {
  const path = `/builder/${encodeURIComponent(documentId)}`;
  const [document, setDocument] = useState(null);
  const [loadError, setLoadError] = useState(null);
  const [nodes, setNodes, onNodesChange] = useNodesState([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState([]);
  const [selectedId, setSelectedId] = useState(null);
  // A node added or picked in the panel hands the focus to its form (keyboard use); one
  // chosen on the canvas does not (the focus stays there for the arrow keys and Delete).
  const pendingFocus = useRef(null);
  const [focusTick, setFocusTick] = useState(0);
  const requestFocus = useCallback((id) => {
    pendingFocus.current = id;
    setFocusTick((tick) => tick + 1);
  }, []);
  const claimFocus = useCallback((id) => {
    if (pendingFocus.current !== id) return false;
    pendingFocus.current = null;
    return true;
  }, []);
  const [problems, setProblems] = useState({});
  const [conflicts, setConflicts] = useState(() => new Set());
  const [status, setStatus] = useState({ phase: 'loading' });
  const [checkpoint, setCheckpoint] = useState(null);
  const [result, setResult] = useState(null);
  const [running, setRunning] = useState(false);
  const [actionError, setActionError] = useState(null);
  const loadedKey = useRef(null);   // set once the document is on the canvas
  const savedKey = useRef(null);    // the canvas the document holds
  const checkpointKey = useRef(null); // the canvas of the latest checkpoint this editor made or found
  const queue = useRef(Promise.resolve());
  const compileRound = useRef(0);
  const flow = useRef(null);

  const extras = useRef({});
  const canvas = useMemo(() => ({ ...extras.current, ...toCanvas(nodes, edges) }), [nodes, edges]);
  const canvasKey = useMemo(() => JSON.stringify(canvas), [canvas]);
  const latestKey = useRef(canvasKey);
  latestKey.current = canvasKey;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const loaded = await api.get(path);
        const history = await api.get(`${path}/versions`, { query: { limit: 1 } });
        if (!live) return;
        const flowState = toFlow(loaded.canvas_json);
        extras.current = canvasExtras(loaded.canvas_json);
        const key = JSON.stringify({ ...extras.current, ...toCanvas(flowState.nodes, flowState.edges) });
        setDocument(loaded);
        setNodes(flowState.nodes.map(withLabel));
        setEdges(flowState.edges);
        setCheckpoint(history[0] || null);
        loadedKey.current = key;
        savedKey.current = key;
        checkpointKey.current = key;  // opening a document is not a change
        setStatus({ phase: 'saved' });
      } catch (error) {
        if (live) setLoadError(error);
      }
    })();
    return () => { live = false; };
  }, [path, setNodes, setEdges]);

  /** Runs API writes one after another, in the order asked. */
  const enqueue = useCallback((work) => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => {});
    return next;
  }, []);

  const save = useCallback((snapshot, key) => enqueue(async () => {
    if (savedKey.current === key) return;
    await api.put(path, { canvas_json: snapshot });
    savedKey.current = key;
  }), [enqueue, path]);

  const makeCheckpoint = useCallback(async (snapshot, key) => {
    setStatus({ phase: 'saving' });
    try {
      await save(snapshot, key);
      const version = await enqueue(() => api.post(`${path}/versions`, { canvas_json: snapshot }));
      checkpointKey.current = key;
      setCheckpoint(version);
      setStatus(latestKey.current === key ? { phase: 'saved' } : { phase: 'pending' });
      return version;
    } catch (error) {
      setStatus({ phase: 'error', message: errorMessage(error) });
      throw error;
    }
  }, [enqueue, path, save]);

  const compile = useCallback(async (snapshot) => {
    const round = ++compileRound.current;
    try {
      await api.post(`${path}/compile`, { canvas_json: snapshot });
      if (round === compileRound.current) setProblems({});
    } catch (error) {
      if (round !== compileRound.current) return;
      // A 400 is the compiler's verdict; anything else (no answer, 5xx) is not the canvas's fault.
      if (error instanceof ApiError && error.status === 400) setProblems(problemsFrom(error));
      else setActionError(error);
    }
  }, [path]);

  // Compile soon after each change; checkpoint once the changes stop. Selecting or
  // measuring nodes changes React Flow's state but not the canvas key: no timer restarts.
  const latest = useRef(canvas);
  latest.current = canvas;
  useEffect(() => {
    if (loadedKey.current === null) return undefined;
    const snapshot = latest.current;
    setConflicts((now) => (now.size ? new Set() : now));  // a run's conflict is about the canvas it ran
    const compileTimer = setTimeout(() => compile(snapshot), COMPILE_DELAY_MS);
    if (canvasKey === checkpointKey.current) return () => clearTimeout(compileTimer);
    setStatus((now) => (now.phase === 'saving' ? now : { phase: 'pending' }));
    const checkpointTimer = setTimeout(() => { makeCheckpoint(snapshot, canvasKey).catch(() => {}); }, CHECKPOINT_DELAY_MS);
    return () => {
      clearTimeout(compileTimer);
      clearTimeout(checkpointTimer);
    };
  }, [canvasKey, compile, makeCheckpoint]);

  // Leaving the editor within 2 s of a change still saves and checkpoints it.
  const flush = useRef(null);
  flush.current = () => {
    if (loadedKey.current !== null && latestKey.current !== checkpointKey.current) {
      makeCheckpoint(latest.current, latestKey.current).catch(() => {});
    }
  };
  useEffect(() => () => flush.current(), []);

  const updateData = useCallback((id, data) => {
    setNodes((current) => current.map((node) => (node.id === id ? withLabel({ ...node, data }) : node)));
  }, [setNodes]);

  const select = useCallback((id) => {
    setSelectedId(id);
    setNodes((current) => current.map((node) => (node.selected === (node.id === id) ? node : { ...node, selected: node.id === id })));
  }, [setNodes]);

  const showNode = useCallback((id) => {
    select(id);
    requestFocus(id);
    flow.current?.fitView({ nodes: [{ id }], maxZoom: 1.2, duration: 200 });
  }, [select, requestFocus]);

  const addNode = useCallback((kind) => {
    const id = nextNodeId(nodes, kind);
    const data = { ...NODE_KINDS[kind].data };
    if ('name' in data) data.name = id;
    const node = withLabel({ id, type: kind, data, position: placeNode(nodes, kind), selected: true });
    setNodes((current) => [...current.map((other) => (other.selected ? { ...other, selected: false } : other)), node]);
    setSelectedId(id);
    requestFocus(id);
    // Keep every node in view once the new one is drawn (and measured).
    setTimeout(() => flow.current?.fitView({ padding: 0.15, maxZoom: 1, duration: 150 }), 60);
  }, [nodes, setNodes, requestFocus]);

  const deleteNode = useCallback((id) => {
    setNodes((current) => current.filter((node) => node.id !== id));
    setEdges((current) => current.filter((edge) => edge.source !== id && edge.target !== id));
    setSelectedId(null);
  }, [setNodes, setEdges]);

  const connect = useCallback((source, target) => {
    if (!source || !target || source === target) return;
    setEdges((current) => addEdge({ id: nextEdgeId(current), source, target }, current));
  }, [setEdges]);

  const onConnect = useCallback((connection) => connect(connection.source, connection.target), [connect]);
  const disconnect = useCallback((id) => setEdges((current) => current.filter((edge) => edge.id !== id)), [setEdges]);
  const onSelectionChange = useCallback(({ nodes: chosen }) => {
    if (chosen.length) setSelectedId(chosen[0].id);
  }, []);

  const saveNow = async () => {
    setActionError(null);
    setStatus({ phase: 'saving' });
    try {
      await save(canvas, canvasKey);
      setStatus(canvasKey === checkpointKey.current ? { phase: 'saved' } : { phase: 'pending' });
    } catch (error) {
      setStatus({ phase: 'error', message: errorMessage(error) });
    }
  };

  const checkpointNow = async () => {
    setActionError(null);
    try {
      await makeCheckpoint(canvas, canvasKey);
    } catch (error) {
      setActionError(error);
    }
  };

  const run = async ({ parameters, options }) => {
    setRunning(true);
    setActionError(null);
    setResult(null);
    try {
      await save(canvas, canvasKey);
      const answer = await api.post(`${path}/execute`, { parameters, options });
      setResult(answer);
      setConflicts(new Set((answer.explanation?.conflicts || []).map((item) => item.node_id).filter(Boolean)));
    } catch (error) {
      if (isCompileError(error)) setProblems(problemsFrom(error));
      setConflicts(new Set());
      setActionError(error);
    } finally {
      setRunning(false);
    }
  };

  const context = useMemo(() => ({ problems, conflicts, updateData }), [problems, conflicts, updateData]);
  const parameters = useMemo(() => parameterDefaults(canvas), [canvas]);

  if (loadError) return <section><PageTitle>Builder</PageTitle><ErrorLine error={loadError} /><p><Link to="/builder">All documents</Link></p></section>;
  if (!document) return <Loading what="the canvas" />;

  const problemCount = Object.values(problems).reduce((sum, list) => sum + list.length, 0);
  return (
    <section className="bpage">
      <div className="bheader">
        <PageTitle title={`Builder: ${document.name}`}>Builder: {document.name}</PageTitle>
        <nav aria-label="Document" className="bdocnav">
          <Link to="/builder">All documents</Link>
          <Link to={`/builder/${encodeURIComponent(documentId)}/versions`}>Versions and history</Link>
        </nav>
      </div>
      <div className="btoolbar">
        <button type="button" onClick={saveNow}>Save</button>
        <button type="button" className="secondary" onClick={checkpointNow}>Checkpoint now</button>
        <p className="bstatus" role="status" aria-live="polite" data-testid="save-status">
          <SaveStatus status={status} checkpoint={checkpoint} />
        </p>
        <p className={problemCount ? 'bcompile bcompile-bad' : 'bcompile'} data-testid="compile-status">
          {problemCount ? `Does not compile: ${problemCount} problem${problemCount === 1 ? '' : 's'}` : 'Compiles'}
        </p>
      </div>
      <ErrorLine error={actionError} />
      <div className="blayout">
        <div className="bcanvas">
          <CanvasContext.Provider value={context}>
            <ReactFlow
              nodes={nodes}
              edges={edges}
              nodeTypes={nodeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onSelectionChange={onSelectionChange}
              onInit={(instance) => { flow.current = instance; }}
              deleteKeyCode={['Backspace', 'Delete']}
              fitView
              fitViewOptions={{ maxZoom: 1 }}
              minZoom={0.2}
              aria-label="Model canvas"
            >
              <Background />
              <Controls />
            </ReactFlow>
          </CanvasContext.Provider>
        </div>
        <NodePanel nodes={nodes} edges={edges} selectedId={selectedId} focusTick={focusTick} claimFocus={claimFocus} problems={problems}
          onAdd={addNode} onSelect={showNode} onChange={updateData} onDelete={deleteNode}
          onConnect={connect} onDisconnect={disconnect} />
      </div>
      <section className="panel brun" aria-labelledby="brun-title">
        <h2 id="brun-title">Run this canvas</h2>
        <p className="muted">Saves the canvas, then solves it with these parameter values (blank: the node's own value).</p>
        <ParameterForm parameters={parameters} onRun={run} busy={running} label="Run the canvas" />
        <ResultView result={result} title="Result of the canvas" onShowNode={showNode} />
      </section>
    </section>
  );
}

function SaveStatus({ status, checkpoint }) {
  const latest = checkpoint ? `checkpoint #${checkpoint.sequence}: ${checkpoint.change_summary}` : 'no checkpoint yet';
  switch (status.phase) {
    case 'pending': return <>Unsaved changes: saved and checkpointed 2 s after the last one ({latest})</>;
    case 'saving': return <>Saving…</>;
    case 'error': return <span className="error">Not saved: {status.message}</span>;
    case 'saved': return <>All changes saved · {latest}</>;
    default: return null;
  }
}
