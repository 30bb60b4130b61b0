// Inputs shared by the canvas nodes and the side panel: each edits one field of a node's data.
import { useEffect, useState } from 'react';
import { numberOrText } from './canvas.js';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Text parsed into what the node keeps, while the text stays as typed ("1." is not cut to "1"). */
function LooseField({ value, parse, format, onChange, ...props }) {
  const [text, setText] = useState(() => format(value));
  useEffect(() => {
    if (!same(parse(text), value)) setText(format(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <input
      {...props}
      type="text"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
    />
  );
}

const formatNumber = (value) => (value === undefined || value === null ? '' : String(value));

/** A bound: blank omits it, a number is the number, other text is kept for the compiler to name. */
export function NumberField(props) {
  return <LooseField inputMode="decimal" parse={numberOrText} format={formatNumber} {...props} />;
}

/** A parameter: {value} when a number is typed, {expression} otherwise, {} when blank. */
export function parameterPart(text) {
  const parsed = numberOrText(text);
  if (parsed === undefined) return {};
  return typeof parsed === 'number' ? { value: parsed } : { expression: parsed };
}

export function parameterText(data) {
  if (data?.expression !== undefined && data?.expression !== null) return String(data.expression);
  return formatNumber(data?.value);
}

/** value: {value} or {expression}; onChange gets the same shape. */
export function ParameterField(props) {
  return <LooseField parse={parameterPart} format={parameterText} {...props} />;
}

export function TextField({ value, onChange, ...props }) {
  return <input {...props} type="text" value={value ?? ''} onChange={(event) => onChange(event.target.value)} />;
}

/** The node's data with one field set; `undefined` removes the field. */
export function withField(data, key, value) {
  const next = { ...data };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** The parameter's data with its value or expression replaced. */
export function withParameter(data, part) {
  const { value, expression, ...rest } = data;
  return { ...rest, ...part };
}
