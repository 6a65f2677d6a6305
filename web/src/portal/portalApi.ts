// The portal's own fetch wrapper: no cookies, no CSRF, no redirect to the console's sign-in. A
// citizen's session is the token from the verification code, kept in sessionStorage with its expiry
// and sent as the x-portal-token header. Errors keep the API's single shape (ApiError).
import type { PublicPolicy, SelfCheckInput, SelfCheckResult } from '../../../contracts/policies.ts';
import type {
  MyApplication,
  NoticesView,
  PortalApplicationInput,
  PortalSession,
  PublicDivisions,
  SubmissionStatus,
} from '../../../contracts/portal.ts';
import { ApiError } from '../api/client.ts';
import type { ApplicationBody } from './model.ts';

export type {
  MyApplication,
  NoticesView,
  PortalApplicationInput,
  PortalSession,
  PublicDivisions,
  PublicPolicy,
  SelfCheckInput,
  SelfCheckResult,
  SubmissionStatus,
};

export const PORTAL_API = '/api/public/v1';
/** contracts/portal.ts PORTAL_TOKEN_HEADER (not imported: that module pulls zod into the bundle). */
export const TOKEN_HEADER = 'x-portal-token';
const SESSION_KEY = 'huijiu.portal.session';

export type OtpSent = { sent: true; resendAfterSeconds: number };
export type PortalUpload = { attachmentId: string; fileName: string; bytes: number };
export type ApplicationCreated = { id: string; caseNo: string; state: string };
export type SubmissionReceipt = { trackingNo: string; queryCode: string; feedbackDueOn: string };
export type ObjectionInput = {
  noticeId: string;
  content: string;
  contactName?: string;
  contactPhone?: string;
};
export type ComplaintInput = {
  villageCode?: string;
  category: string;
  content: string;
  contactName?: string;
  contactPhone?: string;
};

/** An API error of the portal, with the seconds to wait that a 429 names (retry-after). */
export class PortalApiError extends ApiError {
  readonly retryAfterSeconds: number | null;
  constructor(init: ConstructorParameters<typeof ApiError>[0] & { retryAfterSeconds?: number | null }) {
    super(init);
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** retry-after is either seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (!value) return null;
  const s = value.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const at = Date.parse(s);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** The API's error body (or anything else a proxy answers) as a PortalApiError. */
export function toPortalError(
  status: number,
  body: unknown,
  header: (name: string) => string | null,
  nowMs: number,
): PortalApiError {
  const retryAfterSeconds = parseRetryAfter(header('retry-after'), nowMs);
  const e = (body as { error?: Record<string, unknown> } | null)?.error;
  if (e && typeof e.code === 'string') {
    return new PortalApiError({
      status,
      code: e.code,
      message: typeof e.message === 'string' ? e.message : e.code,
      messageEn: typeof e.messageEn === 'string' ? e.messageEn : e.code,
      details: e.details,
      requestId: typeof e.requestId === 'string' ? e.requestId : header('x-request-id'),
      retryAfterSeconds,
    });
  }
  return new PortalApiError({
    status,
    code: `http.${status}`,
    message: status === 429 ? '操作过于频繁，请稍后再试' : `服务暂时不可用（HTTP ${status}），请稍后再试`,
    messageEn:
      status === 429
        ? 'Too many requests: please try again later'
        : `The service is unavailable (HTTP ${status}); please try again later`,
    requestId: header('x-request-id'),
    retryAfterSeconds,
  });
}

export function withQuery(path: string, query?: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

// ── The citizen's session ────────────────────────────────────────────────────────────────────────

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStore(): KeyValueStore | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled: the session lasts as long as the page
  }
}

let memorySession: PortalSession | null = null;

/** The stored session if it has not expired (an expired one is removed). */
export function readSession(
  store: KeyValueStore | null = browserStore(),
  nowMs = Date.now(),
): PortalSession | null {
  let s: PortalSession | null = null;
  try {
    const raw = store?.getItem(SESSION_KEY);
    s = raw ? (JSON.parse(raw) as PortalSession) : null;
  } catch {
    s = null;
  }
  s ??= memorySession;
  if (!s || typeof s.token !== 'string' || typeof s.expiresAt !== 'string') return null;
  const expires = Date.parse(s.expiresAt);
  if (Number.isNaN(expires) || expires <= nowMs) {
    clearSession(store);
    return null;
  }
  return s;
}

/** Keeps the session with its expiry on this device's clock (the server's may differ by hours). */
export function saveSession(
  session: PortalSession,
  store: KeyValueStore | null = browserStore(),
  nowMs = Date.now(),
) {
  const s = { ...session, expiresAt: new Date(nowMs + session.expiresInSeconds * 1000).toISOString() };
  memorySession = s;
  try {
    store?.setItem(SESSION_KEY, JSON.stringify(s));
  } catch {
    // quota or private mode: the in-memory copy serves this page
  }
}

export function clearSession(store: KeyValueStore | null = browserStore()) {
  memorySession = null;
  try {
    store?.removeItem(SESSION_KEY);
  } catch {
    // nothing to clear
  }
}

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

type Options = { signal?: AbortSignal; withToken?: boolean };

export async function portalRequest<T>(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  opts: Options = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  const session = opts.withToken ? readSession() : null;
  if (session) headers[TOKEN_HEADER] = session.token;
  let res: Response;
  try {
    res = await fetch(`${PORTAL_API}${path}`, {
      method,
      headers,
      credentials: 'omit',
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new PortalApiError({
      status: 0,
      code: 'network',
      message: '无法连接服务器，请检查网络后重试',
      messageEn: 'Cannot reach the server; check the network and retry',
    });
  }
  if (!res.ok) {
    let parsed: unknown = null;
    try {
      parsed = await res.json();
    } catch {
      // not JSON
    }
    const err = toPortalError(res.status, parsed, (n) => res.headers.get(n), Date.now());
    // The token expired or was revoked: forget it so that the page asks for the code again.
    if (res.status === 401 && session) clearSession();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;
const get = <T>(path: string, opts?: Options) => portalRequest<T>('GET', path, undefined, opts);
const post = <T>(path: string, body: unknown, opts?: Options) => portalRequest<T>('POST', path, body, opts);

export const portalApi = {
  divisions: (signal?: AbortSignal) => get<PublicDivisions>('/divisions', { signal }),
  policies: (q: { q?: string; departmentCode?: string; category?: string }, signal?: AbortSignal) =>
    get<{ items: PublicPolicy[] }>(withQuery('/policies', q), { signal }),
  policy: (code: string, signal?: AbortSignal) => get<PublicPolicy>(`/policies/${enc(code)}`, { signal }),
  selfCheck: (body: SelfCheckInput) => post<SelfCheckResult>('/self-check', body),
  notices: (villageCode: string, q: string | undefined, signal?: AbortSignal) =>
    get<NoticesView>(withQuery('/notices', { villageCode, q }), { signal }),
  requestOtp: (body: { idNumber: string; phone: string }) => post<OtpSent>('/otp', body),
  createSession: (body: { idNumber: string; phone: string; code: string }) =>
    post<PortalSession>('/sessions', body),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return post<PortalUpload>('/uploads', form, { withToken: true });
  },
  apply: (body: ApplicationBody) => post<ApplicationCreated>('/applications', body, { withToken: true }),
  myApplications: (signal?: AbortSignal) =>
    get<{ items: MyApplication[] }>('/my/applications', { signal, withToken: true }),
  objection: (body: ObjectionInput) => post<SubmissionReceipt>('/objections', body),
  complaint: (body: ComplaintInput) => post<SubmissionReceipt>('/complaints', body),
  submission: (trackingNo: string, queryCode: string, signal?: AbortSignal) =>
    get<SubmissionStatus>(withQuery(`/submissions/${enc(trackingNo)}`, { queryCode }), { signal }),
};
