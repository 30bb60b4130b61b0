// The compiler's complaints, by node: `details: [{node_id, message}]` of a 400 from
// POST /builder/{id}/compile or /execute (chalicelib/engine/canvas.py).
import { ApiError, errorMessage } from '../api.js';

/** {node id (or "(canvas)", an edge id, a field path): [message]} from an API error. */
export function problemsFrom(error) {
  const problems = {};
  const add = (where, message) => {
    (problems[where] ||= []).push(message);
  };
  if (error instanceof ApiError && Array.isArray(error.details) && error.details.length) {
    for (const item of error.details) {
      if (item && typeof item.node_id === 'string') add(item.node_id, item.message || 'invalid');
      else if (item && typeof item.field === 'string') add(item.field, item.message || 'invalid');
    }
  }
  if (!Object.keys(problems).length) add('(canvas)', errorMessage(error));
  return problems;
}

/** True when the error is the compiler's (a 400 naming nodes), not a failure to reach the API. */
export function isCompileError(error) {
  return error instanceof ApiError && error.status === 400 && Array.isArray(error.details)
    && error.details.some((item) => item && typeof item.node_id === 'string');
}
