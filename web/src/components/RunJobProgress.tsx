// The progress bar of a run (recalculation, payroll) that is still computing: follows its job every
// second and tells the page when the job has finished, so that the run is read again.
import { Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { jobsApi } from '../api/ops.ts';
import type { JobView } from '../api/types.ts';
import { JobProgress } from './JobProgress.tsx';

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

export function RunJobProgress({
  jobId,
  onDone,
  testId,
  computingText,
}: {
  jobId: string | null;
  onDone: () => void;
  testId: string;
  /** Shown until the job reports its own message. */
  computingText: string;
}) {
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
        // the page also re-reads the runs while one is computing; keep the moving bar
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
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={testId}>
      <JobProgress job={job ?? WAITING} />
      <Typography.Text type="secondary">{job?.progressMessage ?? computingText}</Typography.Text>
    </Space>
  );
}
