// Bank files of an approved payroll run (M5): the county's layout, the download (a file, not
// JSON), the bank's return upload and the reconciliation.
import type {
  BankFileFormat,
  BankLayout,
  BankLayoutView,
  BankReturnResult,
  Reconciliation,
} from '../../../contracts/bankfiles.ts';
import type { PayrollSchemeCode } from '../../../contracts/payroll.ts';
import { ApiError, apiGet, apiRequest, apiUpload } from './client.ts';

export type { BankFileFormat, BankLayout, BankLayoutView, BankReturnResult, Reconciliation };

const run = (id: string) => `/api/v1/payroll-runs/${encodeURIComponent(id)}`;

export type DownloadedFile = { blob: Blob; filename: string; count: number; totalFen: number };

/** The filename of a Content-Disposition header, or the fallback. */
export function dispositionFilename(header: string | null, fallback: string): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header ?? '');
  return m?.[1] ? decodeURIComponent(m[1]) : fallback;
}

export const bankFilesApi = {
  layout: (scheme: PayrollSchemeCode) => apiGet<BankLayoutView>('/api/v1/payroll/bank-layout', { scheme }),
  saveLayout: (layout: BankLayout) =>
    apiRequest<BankLayoutView>('PUT', '/api/v1/payroll/bank-layout', layout),
  reconciliation: (id: string) => apiGet<Reconciliation>(`${run(id)}/reconciliation`),
  uploadReturn: (id: string, file: File) => apiUpload<BankReturnResult>(`${run(id)}/bank-return`, file),
  /** Fetches the bank file with the session cookie; the caller saves the blob. */
  async download(id: string, format: BankFileFormat): Promise<DownloadedFile> {
    const res = await fetch(`${run(id)}/bank-file?format=${format}`, { credentials: 'same-origin' });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: Record<string, string> } | null;
      const e = body?.error;
      throw new ApiError({
        status: res.status,
        code: e?.code ?? `http.${res.status}`,
        message: e?.message ?? `HTTP ${res.status}`,
        messageEn: e?.messageEn ?? `HTTP ${res.status}`,
        details: e?.details,
        requestId: e?.requestId ?? null,
      });
    }
    return {
      blob: await res.blob(),
      filename: dispositionFilename(res.headers.get('content-disposition'), `bank.${format}`),
      count: Number(res.headers.get('x-control-count') ?? 0),
      totalFen: Number(res.headers.get('x-control-total-fen') ?? 0),
    };
  },
};

/** Saves a blob under a name through a temporary link (the browser's download). */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
