/* The builder canvas (chalicelib/engine/canvas.py) and React Flow's nodes and edges.

The API keeps {"nodes": [{id, type, data, position}], "edges": [{id, source, target}]}.
React Flow adds selection, measured sizes and drag state to its nodes: none of that is
sent, so a click never changes what is saved and checkpointed. */

export const NODE_KINDS = {
  variable: { label: 'Variable', prefix: 'v', data: { name: '', type: 'continuous' } },
  parameter: { label: 'Parameter', prefix: 'p', data: { name: '', value: 0 } },
  constraint: { label: 'Constraint', prefix: 'c', data: { name: '', expression: '' } },
  objective: { label: 'Objective', prefix: 'o', data: { sense: 'maximize', expression: '' } },
  note: { label: 'Note', prefix: 'n', data: { text: '' } },
};

export const KIND_ORDER = ['variable', 'parameter', 'constraint', 'objective', 'note'];

/** The canvas the API stores, from React Flow's state. */
export function toCanvas(nodes, edges) {
  return {
    nodes: nodes.map((node) => ({
      id: node.id,
      type: node.type,
      data: cleanData(node.data),
      position: { x: Math.round(node.position?.x ?? 0), y: Math.round(node.position?.y ?? 0) },
    })),
    edges: edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
  };
}

/** The canvas's other keys (viewport, ...), saved back as they came. */
export function canvasExtras(canvas) {
  const { nodes, edges, ...extras } = canvas || {};
  return extras;
}

/** React Flow's nodes and edges from a stored canvas (nodes without a position get one on a grid). */
export function toFlow(canvas) {
  const nodes = (canvas?.nodes || []).map((node, index) => ({
    id: node.id,
    type: node.type,  // kept as it is: a `group` (or a type this editor does not know) is saved back unchanged
    data: { ...(node.data || {}) },
    position: node.position && Number.isFinite(node.position.x) ? node.position : gridPosition(index),
    ariaLabel: describeNode(node),
  }));
  const edges = (canvas?.edges || []).map((edge, index) => ({
    id: edge.id || `e${index + 1}`, source: edge.source, target: edge.target,
  }));
  return { nodes, edges };
}

function cleanData(data) {
  const clean = {};
  for (const [key, value] of Object.entries(data || {})) {
    if (value !== undefined) clean[key] = value;
  }
  return clean;
}

export function gridPosition(index) {
  return { x: 40 + (index % 4) * 240, y: 40 + Math.floor(index / 4) * 170 };
}

/** Where a new node goes: a column per kind, read left to right as the model reads
 * (variables and parameters, constraints, the objective, notes), below its kind's last node. */
const COLUMNS = { variable: 0, parameter: 0, constraint: 1, objective: 2, note: 3 };

export function placeNode(nodes, kind) {
  const column = COLUMNS[kind] ?? 3;
  const x = 40 + column * 250;
  const below = nodes.filter((node) => Math.abs((node.position?.x ?? 0) - x) < 120);
  const y = below.length ? Math.max(...below.map((node) => node.position.y)) + 150 : 40;
  return { x, y };
}

/** An id not yet used on the canvas: v1, v2, ... for variables, c1, ... for constraints. */
export function nextNodeId(nodes, kind) {
  const prefix = NODE_KINDS[kind].prefix;
  const used = new Set(nodes.map((node) => node.id));
  let number = 1;
  while (used.has(`${prefix}${number}`)) number += 1;
  return `${prefix}${number}`;
}

export function nextEdgeId(edges) {
  const used = new Set(edges.map((edge) => edge.id));
  let number = 1;
  while (used.has(`e${number}`)) number += 1;
  return `e${number}`;
}

/** A node's one-line description, for screen readers and lists. */
export function describeNode(node) {
  const data = node.data || {};
  const kind = NODE_KINDS[node.type]?.label || node.type;
  switch (node.type) {
    case 'variable': return `${kind} ${data.name || '(unnamed)'}`;
    case 'parameter': return `${kind} ${data.name || '(unnamed)'} = ${data.expression ?? data.value ?? ''}`;
    case 'constraint': return `${kind} ${data.name || node.id}: ${data.expression || '(empty)'}`;
    case 'objective': return `${kind}: ${data.sense || 'minimize'} ${data.expression || '(empty)'}`;
    default: return `${kind}: ${data.text || ''}`;
  }
}

/** A typed bound or value: '' → undefined (omitted), a number → the number, anything else
 * kept as typed so the compiler names it on the node. */
export function numberOrText(text) {
  const trimmed = String(text).trim();
  if (trimmed === '') return undefined;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

/** A parameter's field: a number is its `value`, anything else its `expression`. */
export function parameterData(data, text) {
  const { value, expression, ...rest } = data;
  const parsed = numberOrText(text);
  if (parsed === undefined) return rest;
  return typeof parsed === 'number' ? { ...rest, value: parsed } : { ...rest, expression: parsed };
}

/** Parameter nodes' names and values (a form's defaults for an execution). */
export function parameterDefaults(canvas) {
  return (canvas?.nodes || [])
    .filter((node) => node.type === 'parameter' && node.data?.name)
    .map((node) => ({ name: node.data.name, value: node.data.value ?? null, expression: node.data.expression ?? null }));
}

const FIELD_ORDER = ['name', 'type', 'lower', 'upper', 'value', 'expression', 'sense', 'text'];

function fieldText(data) {
  return Object.keys(data || {})
    .sort((a, b) => (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99))
    .map((key) => `${key}: ${JSON.stringify(data[key])}`).join(', ');
}

/** Two canvases node by node: what the side-by-side view lists (positions are layout, not model). */
export function diffCanvases(left, right) {
  const before = new Map((left?.nodes || []).map((node) => [node.id, node]));
  const after = new Map((right?.nodes || []).map((node) => [node.id, node]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  const rows = ids.map((id) => {
    const a = before.get(id);
    const b = after.get(id);
    let change = 'same';
    if (!a) change = 'added';
    else if (!b) change = 'removed';
    else if (a.type !== b.type || fieldText(a.data) !== fieldText(b.data)) change = 'changed';
    const fields = [...new Set([...Object.keys(a?.data || {}), ...Object.keys(b?.data || {})])]
      .filter((key) => JSON.stringify(a?.data?.[key]) !== JSON.stringify(b?.data?.[key]));
    return { id, type: (b || a).type, a: a ? fieldText(a.data) : null, b: b ? fieldText(b.data) : null, change, fields };
  });
  const edgeKey = (edge) => `${edge.source} → ${edge.target}`;
  const edgesA = new Set((left?.edges || []).map(edgeKey));
  const edgesB = new Set((right?.edges || []).map(edgeKey));
  return {
    rows,
    edgesAdded: [...edgesB].filter((key) => !edgesA.has(key)),
    edgesRemoved: [...edgesA].filter((key) => !edgesB.has(key)),
  };
}
