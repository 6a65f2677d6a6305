// Department data feeds (数据共享, §8.2): the catalogue's figures, one source's deliveries, the file
// upload (a refused file answers 400 with every bad row in `details`), and the department API keys.
import type {
  ApiKeyCreated,
  ApiKeyInput,
  ApiKeyView,
  FeedBatchView,
  FeedDelivery,
  FeedRowIssue,
  FeedSourceStats,
} from '../../../contracts/feeds.ts';
import { ApiError, apiGet, apiPost, apiUpload } from './client.ts';

export type {
  ApiKeyCreated,
  ApiKeyInput,
  ApiKeyView,
  FeedBatchView,
  FeedDelivery,
  FeedRowIssue,
  FeedSourceStats,
};

const src = (code: string) => `/api/v1/feeds/${encodeURIComponent(code)}`;

export const feedTemplateUrl = (code: string) => `${src(code)}/template.xlsx`;

/** The row problems of a refused delivery (feeds.invalid_records), or null for any other error. */
export function feedRowIssues(e: unknown): FeedRowIssue[] | null {
  if (!(e instanceof ApiError) || e.status !== 400 || !Array.isArray(e.details)) return null;
  const rows = e.details.filter(
    (d): d is FeedRowIssue =>
      typeof d === 'object' && d !== null && typeof (d as FeedRowIssue).row === 'number',
  );
  return rows.length > 0 ? rows : null;
}

export const feedsApi = {
  catalogue: () => apiGet<{ sources: FeedSourceStats[] }>('/api/v1/feeds'),
  batches: (code: string) => apiGet<{ batches: FeedBatchView[] }>(`${src(code)}/batches`, { limit: 50 }),
  upload: (code: string, file: File) => apiUpload<FeedDelivery>(`${src(code)}/upload`, file),
  keys: () => apiGet<{ keys: ApiKeyView[] }>('/api/v1/api-keys'),
  createKey: (input: ApiKeyInput) => apiPost<ApiKeyCreated>('/api/v1/api-keys', input),
  revokeKey: (id: string) => apiPost<ApiKeyView>(`/api/v1/api-keys/${encodeURIComponent(id)}/revoke`, {}),
};
