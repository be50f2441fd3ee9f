// The API client: GET only, parameters dropped when empty, errors thrown
// with the server's message.
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  }
  const qs = query.toString();
  const res = await fetch(`/api/${path}${qs ? '?' + qs : ''}`, {
    headers: { Accept: 'application/json' },
  });
  let body = null;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, 'bad_response', `the server answered ${res.status}`);
  }
  if (!res.ok) {
    const e = body && body.error ? body.error : { code: 'error', message: res.statusText };
    throw new ApiError(res.status, e.code, e.message);
  }
  return body;
}

// Names of the quad classes, 1..4.
export const QUADS = [
  null,
  { name: 'Verbal cooperation', color: '#74c476' },
  { name: 'Material cooperation', color: '#238b45' },
  { name: 'Verbal conflict', color: '#fd8d3c' },
  { name: 'Material conflict', color: '#d7301f' },
];

// Period bucket -> the from/to filter that selects exactly its events.
export function periodRange(per, period) {
  if (!period) return {};
  if (per === 'week') {
    const d = new Date(period + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + 6);
    return { from: period, to: d.toISOString().slice(0, 10) };
  }
  return { from: period, to: period };
}
