// Every call of the console goes through here: the public API only, same origin,
// `Authorization: Bearer <key>`, and failures turned into an ApiError whose message is words
// from the API's error envelope ({"error", "message", "details"}), never a stack.
import { getKey } from './keystore.js';

export const UNAUTHORIZED_EVENT = 'jaot:unauthorized';

/** /api/v2 next to the console's own path: /console locally, /<stage>/console on API Gateway. */
export function apiBase(pathname = window.location.pathname) {
  const at = pathname.lastIndexOf('/console');
  return `${at >= 0 ? pathname.slice(0, at) : ''}/api/v2`;
}

export class ApiError extends Error {
  /** status: HTTP status (0: no answer); code: the envelope's `error`; details: [{field, message}] or other. */
  constructor(message, { status = 0, code = 'network_error', details = null } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** The envelope's details as {field path: message} (field paths like `stops[2].demand`). */
  fieldErrors() {
    const errors = {};
    if (Array.isArray(this.details)) {
      for (const item of this.details) {
        if (item && typeof item.field === 'string') errors[item.field] = item.message || 'invalid';
      }
    }
    return errors;
  }
}

function queryString(query) {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const STATUS_WORDS = {
  400: 'The request was refused',
  401: 'The API key was not accepted',
  402: 'Not enough credits',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'The request is too large',
  429: 'Too many requests: wait a moment and try again',
  500: 'The API failed',
  502: 'The API could not be reached',
  503: 'The API is unavailable for now',
  504: 'The API took too long to answer: queue long runs instead of waiting for them',
};

async function errorFrom(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  const words = STATUS_WORDS[response.status] || `The API answered ${response.status}`;
  if (body && typeof body.message === 'string' && body.message) {
    return new ApiError(body.message, { status: response.status, code: body.error || 'error', details: body.details ?? null });
  }
  if (body && typeof body.Message === 'string') {
    return new ApiError(body.Message, { status: response.status, code: 'error' });
  }
  return new ApiError(`${words}.`, { status: response.status, code: 'error' });
}

/**
 * api(path, {method, body, query, key, signal, headers, raw}) -> parsed JSON (null for 204).
 * `key` overrides the signed-in key (sign-in checks a key before storing it).
 * `raw: true` returns the Response (for downloads and headers).
 */
export async function api(path, { method = 'GET', body, query, key, signal, headers = {}, raw = false } = {}) {
  const apiKey = key ?? getKey();
  const init = { method, signal, headers: { Accept: 'application/json', ...headers }, credentials: 'omit' };
  if (apiKey) init.headers.Authorization = `Bearer ${apiKey}`;
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`${apiBase()}${path}${queryString(query)}`, init);
  } catch (error) {
    if (error && error.name === 'AbortError') throw error;
    throw new ApiError('Cannot reach the API: check the connection and try again.');
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && key === undefined && apiKey) {
      window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
    }
    throw error;
  }
  if (raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

api.get = (path, options) => api(path, { ...options, method: 'GET' });
api.post = (path, body, options) => api(path, { ...options, method: 'POST', body });
api.put = (path, body, options) => api(path, { ...options, method: 'PUT', body });
api.patch = (path, body, options) => api(path, { ...options, method: 'PATCH', body });
api.del = (path, options) => api(path, { ...options, method: 'DELETE' });

/** The words to show for any error caught in a page. */
export function errorMessage(error) {
  if (error instanceof ApiError) return error.message;
  if (error && typeof error.message === 'string' && error.message) return `Something went wrong: ${error.message}`;
  return 'Something went wrong.';
}
