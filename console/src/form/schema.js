// The model's JSON Schema, made ready for the generated form: `anyOf: [T, null]` (pydantic's
// optional fields) becomes T, a `null` default is dropped (the field is simply left empty),
// and every field's limits and unit are written into its label and description, so the form
// shows what the schema says. Nothing here changes what the API validates.

const UNIT_KEYS = ['unit', 'units', 'x-unit', 'x-units'];

function number(value) {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** "From 0 to 90", "At least 1", "1 to 200 characters", "At most 50 items": what the schema allows. */
export function limitsText(schema) {
  const parts = [];
  const low = schema.minimum ?? schema.exclusiveMinimum;
  const high = schema.maximum ?? schema.exclusiveMaximum;
  const lowWord = schema.exclusiveMinimum !== undefined && schema.minimum === undefined ? 'above' : '';
  const highWord = schema.exclusiveMaximum !== undefined && schema.maximum === undefined ? 'below' : '';
  if (typeof low === 'number' && typeof high === 'number') {
    parts.push(lowWord || highWord ? `${lowWord || 'from'} ${number(low)}, ${highWord || 'up to'} ${number(high)}` : `From ${number(low)} to ${number(high)}`);
  } else if (typeof low === 'number') {
    parts.push(lowWord ? `Above ${number(low)}` : `At least ${number(low)}`);
  } else if (typeof high === 'number') {
    parts.push(highWord ? `Below ${number(high)}` : `At most ${number(high)}`);
  }
  if (typeof schema.minLength === 'number' || typeof schema.maxLength === 'number') {
    const min = schema.minLength ?? 0;
    parts.push(schema.maxLength !== undefined ? `${min} to ${schema.maxLength} characters` : `at least ${min} characters`);
  }
  if (typeof schema.minItems === 'number' && schema.minItems > 0) parts.push(`at least ${schema.minItems} items`);
  if (typeof schema.maxItems === 'number') parts.push(`at most ${schema.maxItems} items`);
  if (!parts.length) return '';
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function unitOf(schema) {
  for (const key of UNIT_KEYS) if (typeof schema[key] === 'string' && schema[key]) return schema[key];
  return '';
}

function isNull(option) {
  return option && typeof option === 'object' && option.type === 'null';
}

function simplify(node) {
  if (Array.isArray(node)) return node.map(simplify);
  if (!node || typeof node !== 'object') return node;
  let schema = {};
  for (const [key, value] of Object.entries(node)) schema[key] = simplify(value);
  for (const combinator of ['anyOf', 'oneOf']) {
    const options = schema[combinator];
    if (!Array.isArray(options)) continue;
    const kept = options.filter((option) => !isNull(option));
    if (kept.length === 1 && kept[0] && typeof kept[0] === 'object') {
      const { [combinator]: _dropped, ...rest } = schema;
      schema = { ...kept[0], ...rest };
    }
  }
  if (schema.default === null) delete schema.default;
  const isField = 'type' in schema || '$ref' in schema || 'enum' in schema;
  if (isField) {
    const unit = unitOf(schema);
    if (unit && typeof schema.title === 'string') schema.title = `${schema.title} (${unit})`;
    const limits = limitsText(schema);
    if (limits && !String(schema.description || '').includes(limits)) {
      schema.description = schema.description ? `${schema.description} ${limits}` : limits;
    }
  }
  return schema;
}

/** A copy of `inputSchema` for the form (see the top of this file). */
export function formSchema(inputSchema) {
  const schema = simplify(inputSchema || { type: 'object' });
  // The $defs are simplified too (the walk covers them); the root keeps its own title.
  return schema;
}

/** "input_data.customers[2].demand" -> ["customers", "2", "demand"] (the API's field paths). */
export function pathParts(field) {
  const parts = [];
  for (const match of String(field).matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(match[1] ?? match[2]);
  return parts;
}

/**
 * The API's 400 details as RJSF `extraErrors`, for those under `input_data`; the others
 * (options.*, or a path the form does not show) come back in `other`.
 */
export function detailsToErrors(details) {
  const errorSchema = {};
  const other = [];
  for (const item of Array.isArray(details) ? details : []) {
    if (!item || typeof item.field !== 'string') continue;
    const parts = pathParts(item.field);
    if (parts[0] !== 'input_data') {
      other.push(item);
      continue;
    }
    let node = errorSchema;
    for (const part of parts.slice(1)) node = node[part] ??= {};
    (node.__errors ??= []).push(item.message || 'invalid');
  }
  return { errorSchema, other };
}
