// Fetch wrapper for the Huijiu API: JSON in and out, the CSRF header on every write, and the API's
// single error shape { error: { code, message, messageEn, details?, requestId } } turned into ApiError.

export type FieldIssue = { field: string; message: string; messageEn: string; expected?: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    messageEn: string;
    details?: unknown;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.messageEn = init.messageEn;
    this.details = init.details;
    this.requestId = init.requestId ?? null;
  }

  /** Per-field problems of a validation error (`validation.failed`); empty otherwise. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue =>
        typeof d === 'object' && d !== null && typeof (d as FieldIssue).field === 'string',
    );
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

/** The token from login or /auth/me; the readable hj_csrf cookie is the fallback after a reload. */
function currentCsrf(): string | null {
  if (csrfToken) return csrfToken;
  const m = /(?:^|;\s*)hj_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

type Handlers = { unauthorized: () => void; mustChangePassword: () => void };
const handlers: Handlers = {
  unauthorized: () => {
    if (window.location.pathname !== '/login') window.location.assign('/login');
  },
  mustChangePassword: () => {
    if (window.location.pathname !== '/change-password') window.location.assign('/change-password');
  },
};
/** The router installs navigation-based handlers so redirects keep the single-page state. */
export function setAuthHandlers(h: Partial<Handlers>) {
  Object.assign(handlers, h);
}

export type RequestOptions = {
  /** Do not redirect on 401 (login itself, the session probe). */
  allowUnauthorized?: boolean;
  signal?: AbortSignal;
};

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: a proxy error page or an empty body
  }
  const e = (body as { error?: Record<string, unknown> } | null)?.error;
  if (e && typeof e.code === 'string') {
    return new ApiError({
      status: res.status,
      code: e.code,
      message: typeof e.message === 'string' ? e.message : e.code,
      messageEn: typeof e.messageEn === 'string' ? e.messageEn : e.code,
      details: e.details,
      requestId: typeof e.requestId === 'string' ? e.requestId : res.headers.get('x-request-id'),
    });
  }
  return new ApiError({
    status: res.status,
    code: `http.${res.status}`,
    message: `服务器返回错误（HTTP ${res.status}）`,
    messageEn: `The server answered HTTP ${res.status}`,
    requestId: res.headers.get('x-request-id'),
  });
}

export async function apiRequest<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = currentCsrf();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({
      status: 0,
      code: 'network',
      message: '无法连接服务器，请检查网络后重试',
      messageEn: 'Cannot reach the server; check the network and retry',
    });
  }
  if (!res.ok) {
    const err = await toApiError(res);
    if (err.status === 401 && !opts.allowUnauthorized) handlers.unauthorized();
    if (err.status === 403 && err.code === 'auth.must_change_password') handlers.mustChangePassword();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const apiGet = <T>(path: string, query?: Query, opts?: RequestOptions) =>
  apiRequest<T>('GET', withQuery(path, query), undefined, opts);
export const apiPost = <T>(path: string, body?: unknown, opts?: RequestOptions) =>
  apiRequest<T>('POST', path, body ?? {}, opts);
export const apiPatch = <T>(path: string, body: unknown, opts?: RequestOptions) =>
  apiRequest<T>('PATCH', path, body, opts);

/** multipart/form-data upload of one file under the field name `file`. */
export function apiUpload<T>(path: string, file: File | Blob, filename?: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, filename ?? (file instanceof File ? file.name : 'upload'));
  return apiRequest<T>('POST', path, form);
}
