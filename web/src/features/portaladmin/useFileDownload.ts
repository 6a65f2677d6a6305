// Downloading a PDF the server renders: one button busy at a time, the file saved under the server's
// name, errors in the API's shape notified.
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../api/bankfiles.ts';
import type { DownloadedFile } from '../../api/portalAdmin.ts';
import { useErrorNotifier } from '../../lib/errors.ts';

export function useFileDownload() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [busy, setBusy] = useState<string | null>(null);
  const download = useCallback(
    async (key: string, fetchFile: () => Promise<DownloadedFile>) => {
      setBusy(key);
      try {
        const f = await fetchFile();
        saveBlob(f.blob, f.filename);
        message.success(t('portalAdmin.posters.downloaded', { name: f.filename }));
      } catch (e) {
        notifyError(e);
      } finally {
        setBusy(null);
      }
    },
    [message, notifyError, t],
  );
  return { busy, download };
}
