// 批量导入: upload a sheet, follow the import job every second, then show counts or row errors.
import { App, Card, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { IMPORT_TEMPLATE_URL, importsApi } from '../../api/ops.ts';
import type { JobView } from '../../api/types.ts';
import { JobProgress } from '../../components/JobProgress.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { ImportResultView } from './ImportResultView.tsx';

const FINISHED = new Set(['succeeded', 'failed']);
const ACCEPT = /\.(xlsx|csv)$/i;

export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const [job, setJob] = useState<JobView | null>(null);
  const [uploading, setUploading] = useState(false);

  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return;
    }
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await importsApi.job(jobId);
        if (!alive) return;
        setJob(j);
        if (!FINISHED.has(j.status)) timer = setTimeout(poll, 1000);
      } catch (e) {
        if (alive) notifyError(e);
      }
    };
    void poll();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId, notifyError]);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const out = await importsApi.upload(file);
      setJob(null);
      setParams({ job: out.jobId });
    } catch (e) {
      notifyError(e);
    } finally {
      setUploading(false);
    }
  };

  const filename = (job?.result as { filename?: string } | null)?.filename;
  return (
    <Card
      title={t('imports.title')}
      extra={
        <a href={IMPORT_TEMPLATE_URL} download data-testid="import-template">
          {t('imports.template')}
        </a>
      }
    >
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      {!jobId ? (
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={uploading}
          data-testid="import-upload"
          beforeUpload={(file) => {
            if (!ACCEPT.test(file.name)) {
              message.error(t('imports.badType'));
              return Upload.LIST_IGNORE;
            }
            void upload(file);
            return false;
          }}
        >
          <p style={{ fontSize: 16, margin: '16px 0 4px' }}>
            {uploading ? t('imports.uploading') : t('imports.drop')}
          </p>
          <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('imports.dropHint')}</p>
        </Upload.Dragger>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-job">
          {filename && <Typography.Text>{t('imports.file', { name: filename })}</Typography.Text>}
          {job && <JobProgress job={job} />}
          {job && !FINISHED.has(job.status) && (
            <Typography.Text type="secondary" data-testid="import-progress-message">
              {job.progressMessage ?? (job.status === 'queued' ? t('imports.queued') : t('imports.running'))}
            </Typography.Text>
          )}
          {job && FINISHED.has(job.status) && <ImportResultView job={job} onAgain={() => setParams({})} />}
        </Space>
      )}
    </Card>
  );
}
