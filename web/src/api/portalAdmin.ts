// Staff side of the portal 码上通 (§9.5): objections and 12349 complaints with their feedback, the SMS
// outbox (verification codes staff relay without a gateway), and the printable QR posters and policy
// leaflet, downloaded as files.
import type { z } from 'zod';
import type { PolicyDepartmentCode } from '../../../contracts/policies.ts';
import type {
  feedbackInput,
  posterInput,
  SubmissionView,
  smsOutboxItem,
  smsOutboxPage,
  submissionPage,
} from '../../../contracts/portal.ts';
import { dispositionFilename } from './bankfiles.ts';
import { ApiError, apiGet, apiPost, type Query, withQuery } from './client.ts';

export type { SubmissionView };
export type SubmissionPage = z.infer<typeof submissionPage>;
export type SmsOutboxItem = z.infer<typeof smsOutboxItem>;
export type SmsOutboxPage = z.infer<typeof smsOutboxPage>;
export type FeedbackInput = z.input<typeof feedbackInput>;
export type PosterInput = z.input<typeof posterInput>;
export type SubmissionQuery = {
  kind?: SubmissionView['kind'];
  state?: SubmissionView['state'];
  overdue?: boolean;
  page: number;
  pageSize: number;
};

export type DownloadedFile = { blob: Blob; filename: string };

function csrfFromCookie(): string | null {
  const m = /(?:^|;\s*)hj_csrf=([^;]+)/.exec(document.cookie);
  return m?.[1] ? decodeURIComponent(m[1]) : null;
}

/**
 * A file the server renders (PDF), fetched with the session cookie so that an error comes back in the
 * API's shape instead of a broken download. Writes carry the CSRF header like every other write.
 */
export async function fetchFile(
  method: 'GET' | 'POST',
  path: string,
  fallbackName: string,
  body?: unknown,
): Promise<DownloadedFile> {
  const headers: Record<string, string> = { accept: 'application/pdf, application/json' };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    const token = csrfFromCookie();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network',
      message: '无法连接服务器，请检查网络后重试',
      messageEn: 'Cannot reach the server; check the network and retry',
    });
  }
  if (!res.ok) {
    const parsed = (await res.json().catch(() => null)) as { error?: Record<string, unknown> } | null;
    const e = parsed?.error;
    const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
    throw new ApiError({
      status: res.status,
      code: str(e?.code, `http.${res.status}`),
      message: str(e?.message, `服务器返回错误（HTTP ${res.status}）`),
      messageEn: str(e?.messageEn, `The server answered HTTP ${res.status}`),
      details: e?.details,
      requestId: str(e?.requestId, res.headers.get('x-request-id') ?? ''),
    });
  }
  return {
    blob: await res.blob(),
    filename: dispositionFilename(res.headers.get('content-disposition'), fallbackName),
  };
}

const enc = encodeURIComponent;

export const portalAdminApi = {
  submissions: (q: SubmissionQuery) =>
    apiGet<SubmissionPage>('/api/v1/portal/submissions', q as unknown as Query),
  feedback: (id: string, body: FeedbackInput) =>
    apiPost<SubmissionView>(`/api/v1/portal/submissions/${enc(id)}/feedback`, body),
  smsOutbox: (q: { page: number; pageSize: number }) => apiGet<SmsOutboxPage>('/api/v1/portal/sms-outbox', q),
  villagePoster: (villageCode: string) =>
    fetchFile('GET', `/api/v1/portal/posters/village/${enc(villageCode)}`, `poster-${villageCode}.pdf`),
  townPosters: (townCode: string) =>
    fetchFile('GET', withQuery('/api/v1/portal/posters/villages', { townCode }), `posters-${townCode}.pdf`),
  locationPoster: (body: PosterInput) => fetchFile('POST', '/api/v1/portal/posters', 'poster.pdf', body),
  leaflet: (departmentCode?: PolicyDepartmentCode) =>
    fetchFile(
      'GET',
      withQuery('/api/v1/policies/leaflet.pdf', { departmentCode }),
      `leaflet${departmentCode ? `-${departmentCode}` : ''}.pdf`,
    ),
};
