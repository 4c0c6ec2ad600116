// Every call to the REST API: JSON in and out, the bearer token from memory, problem+json errors.

/** The server answered with an error (application/problem+json). */
export class ProblemError extends Error {
  constructor(status, problem, headers) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.headers = headers;
  }

  /** The problem's short name: urn:care-messaging:problem:<name> → <name>. */
  get type() {
    const type = this.problem.type || '';
    return type.substring(type.lastIndexOf(':') + 1);
  }
}

/** Nothing answered: the network is down or the server is unreachable. The request may be retried. */
export class OfflineError extends Error {
}

/** The app's base path, e.g. /messaging/, from where this module is served. */
export const BASE = new URL('../../', import.meta.url).pathname;

export class Api {
  constructor({token = null, onUnauthorized = () => {}} = {}) {
    this.token = token;
    this.onUnauthorized = onUnauthorized;
  }

  get(path, options) {
    return this.call('GET', path, undefined, options);
  }

  post(path, body, options) {
    return this.call('POST', path, body ?? {}, options);
  }

  /** A body that is not JSON (a CSV file for an import), sent as it is with its media type. */
  postText(path, text, type, options = {}) {
    return this.call('POST', path, text, {...options, type});
  }

  put(path, body, options) {
    return this.call('PUT', path, body ?? {}, options);
  }

  delete(path, options) {
    return this.call('DELETE', path, undefined, options);
  }

  async call(method, path, body, {signal, type} = {}) {
    const headers = {Accept: 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = type || 'application/json';
    }
    if (this.token) {
      headers.Authorization = `Bearer ${this.token}`;
    }
    let response;
    try {
      response = await fetch(`${BASE}api/${path}`, {
        method, headers, signal, cache: 'no-store', credentials: 'omit',
        body: body === undefined || type ? body : JSON.stringify(body),
      });
    } catch (error) {
      if (error.name === 'AbortError') {
        throw error;
      }
      throw new OfflineError('The server cannot be reached');
    }
    const text = await response.text().catch(() => '');
    const json = text ? safeJson(text) : null;
    if (!response.ok) {
      const problem = new ProblemError(response.status, json, response.headers);
      if (response.status === 401 && this.token) {
        this.onUnauthorized(problem);
      }
      if (response.status === 502 || response.status === 503 || response.status === 504) {
        // A proxy in front of a node that is down: as good as offline, and worth retrying.
        throw Object.assign(new OfflineError('The server is unavailable'), {status: response.status});
      }
      throw problem;
    }
    return json;
  }
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** A v4 UUID from the platform's CSPRNG (crypto.randomUUID needs a secure context; this does not). */
export function uuid() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map(b => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
