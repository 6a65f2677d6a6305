// Progress of a background job; a moving full bar while the total is not known yet.
import { Progress, theme } from 'antd';
import type { JobView } from '../api/types.ts';

const FINISHED = new Set(['succeeded', 'failed']);

export function JobProgress({ job }: { job: JobView }) {
  const { token } = theme.useToken();
  const done = FINISHED.has(job.status);
  // A job can finish normally yet report a refused outcome (an import with bad rows: result.ok false).
  const bad = job.status === 'failed' || (job.result as { ok?: unknown } | null)?.ok === false;
  if (job.progressTotal > 0) {
    const pct = Math.min(100, Math.floor((job.progressDone / job.progressTotal) * 100));
    return (
      <Progress
        percent={pct}
        status={bad ? 'exception' : done ? 'success' : 'active'}
        format={() => `${job.progressDone}/${job.progressTotal}`}
      />
    );
  }
  // Total not known yet: a moving full bar says "working" without inventing a percentage.
  if (!done)
    return <Progress percent={100} status="active" showInfo={false} strokeColor={token.colorPrimaryBorder} />;
  return <Progress percent={100} status={bad ? 'exception' : 'success'} showInfo={false} />;
}
