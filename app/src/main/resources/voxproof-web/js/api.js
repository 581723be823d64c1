// Calls to the VoxProof API from the pages: bearer secret in the Authorization header (never in
// a URL), problem+json errors (RFC 9457) turned into ApiError with the stable reason.

export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
    this.title = problem.title || (status === 0 ? 'Network error' : `HTTP ${status}`);
    this.detail = problem.detail || '';
    this.reason = reasonOf(problem.type);
    this.reasons = Array.isArray(problem.reasons) ? problem.reasons.map(String) : [];
    this.retryAfter = retryAfter;
  }

  /** One line for a person: title, status, detail and reasons. */
  describe() {
    const parts = [`${this.title}${this.status ? ` (${this.status})` : ''}`];
    if (this.detail) parts.push(this.detail);
    if (this.reasons.length) parts.push(`Reasons: ${this.reasons.join(', ')}.`);
    if (this.retryAfter) parts.push(`Try again in ${this.retryAfter} s.`);
    return parts.join(' — ');
  }
}

/** The stable reason of a problem type URI (its last path segment). */
export function reasonOf(type) {
  if (typeof type !== 'string') return '';
  return type.slice(type.lastIndexOf('/') + 1);
}

/**
 * Calls `path` on this origin. Options: method, secret (bearer), body, contentType, headers,
 * expect: 'json' | 'text' | 'none'. Returns {status, headers, body}; throws ApiError otherwise.
 */
export async function api(path, opts = {}) {
  const { method = 'GET', secret, body, contentType, headers = {}, expect = 'json' } = opts;
  const h = new Headers(headers);
  if (secret) h.set('Authorization', `Bearer ${secret}`);
  if (body !== undefined && contentType) h.set('Content-Type', contentType);
  if (expect === 'json') h.set('Accept', 'application/json, application/problem+json');
  let res;
  try {
    res = await fetch(path, {
      method,
      headers: h,
      body,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      referrerPolicy: 'no-referrer',
    });
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: 'The server could not be reached.' });
  }
  if (!res.ok) {
    let problem = {};
    try {
      if ((res.headers.get('Content-Type') || '').includes('json')) problem = await res.json();
    } catch (e) {
      problem = {};
    }
    throw new ApiError(res.status, problem, res.headers.get('Retry-After'));
  }
  let out = null;
  if (expect === 'json') out = await res.json();
  else if (expect === 'text') out = await res.text();
  return { status: res.status, headers: res.headers, body: out };
}
