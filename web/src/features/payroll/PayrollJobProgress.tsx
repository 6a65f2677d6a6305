// The progress bar of a payroll run still computing: follows its job every second and tells the
// page when the job has finished, so that the run and its review are read again.
import { Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jobsApi } from '../../api/ops.ts';
import type { JobView } from '../../api/types.ts';
import { JobProgress } from '../../components/JobProgress.tsx';

const FINISHED = new Set(['succeeded', 'failed']);

const WAITING: JobView = {
  id: '',
  name: '',
  status: 'queued',
  progressDone: 0,
  progressTotal: 0,
  progressMessage: null,
  result: null,
  error: null,
  attempts: 0,
  createdAt: '',
  startedAt: null,
  finishedAt: null,
};

export function PayrollJobProgress({ jobId, onDone }: { jobId: string | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [job, setJob] = useState<JobView | null>(null);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const j = await jobsApi.get(jobId);
        if (!alive) return;
        setJob(j);
        if (FINISHED.has(j.status)) {
          done.current();
          return;
        }
      } catch {
        if (!alive) return;
      }
      timer = setTimeout(poll, 1000);
    };
    void poll();
    return () => {
      alive = false;
      if (timer) clearTimeout(timer);
    };
  }, [jobId]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="payroll-progress">
      <JobProgress job={job ?? WAITING} />
      <Typography.Text type="secondary">{job?.progressMessage ?? t('payroll.computing')}</Typography.Text>
    </Space>
  );
}
