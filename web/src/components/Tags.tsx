import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

export function HouseholdStatusTag({ status }: { status: 'active' | 'closed' }) {
  const { t } = useTranslation();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{t(`status.${status}`)}</Tag>;
}

const JOB_COLORS: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function JobStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = status === 'queued' || status === 'running' || status === 'succeeded' || status === 'failed';
  return (
    <Tag color={JOB_COLORS[status] ?? 'default'} data-testid="job-status">
      {known ? t(`jobs.statuses.${status}`) : status}
    </Tag>
  );
}
