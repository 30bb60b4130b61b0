// The canvas's node components: each kind edits its fields in place and shows the compiler's
// complaints about it (and, after an infeasible run, that it is part of the conflict).
import { createContext, memo, useContext } from 'react';
import { Handle, Position } from '@xyflow/react';
import { NODE_KINDS } from './canvas.js';
import { NumberField, ParameterField, TextField, withField, withParameter } from './fields.jsx';

/** { problems: {node id: [message]}, conflicts: Set of node ids, updateData(id, data) } */
export const CanvasContext = createContext({ problems: {}, conflicts: new Set(), updateData: () => {} });

export const VARIABLE_TYPES = ['continuous', 'integer', 'binary'];
export const SENSES = ['maximize', 'minimize'];

/** The fields of one node as inputs: on the canvas (`inline`, labelled "Name of v1" for screen
 * readers) or in the side panel (visible labels). */
export function NodeFields({ node, onChange, inline = false }) {
  const { id, type, data } = node;
  const set = (key) => (value) => onChange(withField(data, key, value));
  // Inline inputs carry their node in the label ("name of v1"); the panel's have visible labels.
  const field = (label, input) => (
    inline ? input(`${label} of ${id}`) : (
      <label className="bfield">
        <span>{label}</span>
        {input(label)}
      </label>
    )
  );
  const cls = inline ? 'nodrag' : undefined;
  switch (type) {
    case 'variable':
      return (
        <>
          {field('Name', (aria) => <TextField aria-label={aria} className={cls} value={data.name} onChange={set('name')} />)}
          {field('Type', (aria) => (
            <select aria-label={aria} className={cls} value={data.type || 'continuous'} onChange={(e) => set('type')(e.target.value)}>
              {VARIABLE_TYPES.map((kind) => <option key={kind} value={kind}>{kind}</option>)}
            </select>
          ))}
          <div className="bfield-row">
            {field('Lower bound', (aria) => <NumberField aria-label={aria} className={cls} placeholder="0" value={data.lower} onChange={set('lower')} />)}
            {field('Upper bound', (aria) => <NumberField aria-label={aria} className={cls} placeholder="none" value={data.upper} onChange={set('upper')} />)}
          </div>
        </>
      );
    case 'parameter':
      return (
        <>
          {field('Name', (aria) => <TextField aria-label={aria} className={cls} value={data.name} onChange={set('name')} />)}
          {field('Value', (aria) => (
            <ParameterField aria-label={aria} className={cls} placeholder="number or expression"
              value={{ ...(data.value !== undefined ? { value: data.value } : {}), ...(data.expression !== undefined ? { expression: data.expression } : {}) }}
              onChange={(part) => onChange(withParameter(data, part))} />
          ))}
        </>
      );
    case 'constraint':
      return (
        <>
          {field('Name', (aria) => <TextField aria-label={aria} className={cls} value={data.name} onChange={set('name')} />)}
          {field('Expression', (aria) => <TextField aria-label={aria} className={`${cls || ''} bexpr`} placeholder="x + y <= 10" value={data.expression} onChange={set('expression')} />)}
        </>
      );
    case 'objective':
      return (
        <>
          {field('Sense', (aria) => (
            <select aria-label={aria} className={cls} value={data.sense || 'minimize'} onChange={(e) => set('sense')(e.target.value)}>
              {SENSES.map((sense) => <option key={sense} value={sense}>{sense}</option>)}
            </select>
          ))}
          {field('Expression', (aria) => <TextField aria-label={aria} className={`${cls || ''} bexpr`} placeholder="3*x + 2*y" value={data.expression} onChange={set('expression')} />)}
        </>
      );
    default:
      return field('Text', (aria) => (
        <textarea aria-label={aria} className={cls} rows={3} value={data.text ?? ''} onChange={(e) => set('text')(e.target.value)} />
      ));
  }
}

function ModelNode({ id, type, data, selected }) {
  const { problems, conflicts, updateData } = useContext(CanvasContext);
  const mine = problems[id] || [];
  const classes = ['bnode', `bnode-${type}`];
  if (mine.length) classes.push('bnode-invalid');
  if (conflicts.has(id)) classes.push('bnode-conflict');
  if (selected) classes.push('bnode-selected');
  return (
    <div className={classes.join(' ')} data-node-id={id}>
      {type !== 'note' && <Handle type="target" position={Position.Left} />}
      <div className="bnode-head">
        <span className="bnode-kind">{NODE_KINDS[type]?.label || type}</span>
        <span className="bnode-id">{id}</span>
      </div>
      <NodeFields node={{ id, type, data }} inline onChange={(next) => updateData(id, next)} />
      {conflicts.has(id) && <p className="bnode-flag">In the conflict: it cannot hold with the others marked.</p>}
      {mine.map((message) => <p key={message} className="bnode-problem" role="status">{message}</p>)}
      {type !== 'note' && <Handle type="source" position={Position.Right} />}
    </div>
  );
}

const Node = memo(ModelNode);
/** Every kind the compiler knows; `group` (ignored, like a note) is drawn as a note. */
export const nodeTypes = Object.fromEntries([...Object.keys(NODE_KINDS), 'group'].map((kind) => [kind, Node]));
