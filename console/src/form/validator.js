// The generated form's validator: @cfworker/json-schema (JSON Schema 2020-12, the API's
// dialect) behind the interface @rjsf/core expects. Not @rjsf/validator-ajv8: Ajv compiles
// each schema into code with `new Function`, which the console's Content-Security-Policy
// (script-src 'self', no 'unsafe-eval') forbids; this validator interprets the schema.
// Messages follow the API's own wording ("-5 is less than the minimum of 0") so an error
// reads the same whether the browser or the API found it.
import { Validator } from '@cfworker/json-schema';
import { createErrorHandler, toErrorSchema, unwrapErrorHandler, validationDataMerge } from '@rjsf/utils';

// Keywords that only report that something below them failed: the failure itself is listed too.
const WRAPPERS = new Set(['properties', 'patternProperties', 'items', 'prefixItems', 'additionalItems', '$ref', '$dynamicRef',
  'allOf', 'if', 'then', 'else', 'dependentSchemas', 'unevaluatedItems', 'contains', 'propertyNames', 'false']);

function decodeSegment(segment) {
  let text = segment.replace(/~1/g, '/').replace(/~0/g, '~');
  try {
    text = decodeURIComponent(text);
  } catch {
    // keep it as it is
  }
  return text;
}

/** "#/customers/2/demand" -> ".customers.2.demand" (RJSF's property paths). */
function propertyOf(instanceLocation, child) {
  const parts = instanceLocation.replace(/^#\/?/, '').split('/').filter((part) => part !== '').map(decodeSegment);
  if (child !== undefined) parts.push(child);
  return parts.length ? `.${parts.join('.')}` : '';
}

function quoted(message) {
  return message.match(/"([^"]*)"/)?.[1];
}

function wording(unit) {
  const { keyword, error } = unit;
  const compared = error.match(/^(.*) is (less|greater) than (or equal to )?(.*)\.$/);
  if (compared && ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].includes(keyword)) {
    const [, value, side, orEqual, limit] = compared;
    return `${value} is ${side} than ${orEqual || ''}the ${side === 'less' ? 'minimum' : 'maximum'} of ${limit}`;
  }
  if (keyword === 'type') {
    const expected = error.match(/Expected "([^"]+)"/)?.[1];
    return expected ? `must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}` : error;
  }
  if (keyword === 'anyOf' || keyword === 'oneOf') return 'does not match any of the allowed forms';
  return error.replace(/^Instance /, '').replace(/\.$/, '');
}

function toRjsfError(unit) {
  let property = propertyOf(unit.instanceLocation);
  let message = wording(unit);
  if (unit.keyword === 'required') {
    property = propertyOf(unit.instanceLocation, quoted(unit.error));
    message = 'is required';
  } else if (unit.keyword === 'additionalProperties') {
    message = `has a field the schema does not allow: ${quoted(unit.error)}`;
  }
  return { name: unit.keyword, property, message, params: {}, stack: `${property || '(root)'} ${message}`.trim(), schemaPath: unit.keywordLocation };
}

export class SchemaValidator {
  constructor() {
    this.compiled = new WeakMap();
  }

  /** A validator of `schema`, whose `#/$defs/…` references resolve in `rootSchema`. */
  compile(schema, rootSchema) {
    const key = schema;
    const found = this.compiled.get(key);
    if (found && found.root === rootSchema) return found.validator;
    const document = rootSchema && rootSchema !== schema && (rootSchema.$defs || rootSchema.definitions)
      ? { ...schema, $defs: { ...(rootSchema.$defs || {}), ...(schema.$defs || {}) }, definitions: rootSchema.definitions }
      : schema;
    const validator = new Validator(document, '2020-12', false);
    this.compiled.set(key, { root: rootSchema, validator });
    return validator;
  }

  rawValidation(schema, formData) {
    try {
      const outcome = this.compile(schema, schema).validate(formData ?? {});
      return { errors: outcome.valid ? undefined : outcome.errors.filter((unit) => !WRAPPERS.has(unit.keyword)) };
    } catch (failure) {
      return { errors: undefined, validationError: failure };
    }
  }

  validateFormData(formData, schema, customValidate, transformErrors, uiSchema) {
    const { errors: raw, validationError } = this.rawValidation(schema, formData);
    let errors = (raw || []).map(toRjsfError);
    if (validationError) {
      errors.push({ name: 'schema', property: '', message: `The model's schema could not be read: ${validationError.message}`, params: {}, stack: validationError.message });
    }
    if (typeof transformErrors === 'function') errors = transformErrors(errors, uiSchema);
    let data = { errors, errorSchema: toErrorSchema(errors) };
    if (typeof customValidate === 'function') {
      const handler = customValidate(formData, createErrorHandler(formData), uiSchema);
      data = validationDataMerge(data, unwrapErrorHandler(handler));
    }
    return data;
  }

  /** Used by the form to pick the matching anyOf/oneOf option. */
  isValid(schema, formData, rootSchema) {
    try {
      return this.compile(schema, rootSchema).validate(formData).valid;
    } catch {
      return false;
    }
  }

  reset() {
    this.compiled = new WeakMap();
  }
}

export const validator = new SchemaValidator();
