// 待遇重算 (§9.4): the recalculation runs of the county and, for the chosen run, its change list.
// A computing run shows its job's progress; a pending list is approved or rejected as a whole by
// district officers, who may also recompute from a month of their choice.
import { Alert, App, Button, Card, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '../../../../contracts/roles.ts';
import { entitlementsApi, type RecalcRunView } from '../../api/entitlements.ts';
import { RunJobProgress } from '../../components/RunJobProgress.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { errorText, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { RecalcChanges } from './RecalcChanges.tsx';
import { type Decision, RecalcDecisionModal } from './RecalcDecisionModal.tsx';
import { RecalcRunsTable, RecalcStatusTag, TriggerText } from './RecalcRunsTable.tsx';
import { RecalcStartModal } from './RecalcStartModal.tsx';
import { canDecide, canRecompute, isComputing, monthOf, selectedRun } from './recalcModel.ts';

export function RecalcPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const mayApprove = can(actor.role, 'entitlements.approve');
  const townOnly = actor.jurisdictionCode.length === 9;
  const [params, setParams] = useSearchParams();
  const [runs, setRuns] = useState<RecalcRunView[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [starting, setStarting] = useState(false);

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoading(true);
      try {
        setRuns((await entitlementsApi.runs()).items);
        setFailure(null);
        setLoaded(true);
      } catch (e) {
        if (!quiet) {
          setFailure(e);
          notifyError(e);
        }
      } finally {
        if (!quiet) setLoading(false);
      }
    },
    [notifyError],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // While a run computes, the list is read again every 2 s (the job bar may finish first).
  const computing = isComputing(runs);
  useEffect(() => {
    if (!computing) return;
    const timer = setInterval(() => void load(true), 2000);
    return () => clearInterval(timer);
  }, [computing, load]);

  const run = selectedRun(runs, params.get('run'));
  const select = (id: string) => setParams({ run: id }, { replace: true });

  const reload = () => {
    void load();
    setReloadKey((k) => k + 1);
  };

  const start = async (effectiveFrom: string): Promise<boolean> => {
    try {
      const out = await entitlementsApi.start(effectiveFrom);
      message.success(t('recalc.recomputeStarted', { month: monthOf(effectiveFrom) }));
      setParams({ run: out.runId }, { replace: true });
      await load(true);
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('recalc.title')}
        extra={
          <Space>
            {computing ? <Typography.Text type="secondary">{t('recalc.autoRefresh')}</Typography.Text> : null}
            <Button onClick={reload} loading={loading}>
              {t('common.refresh')}
            </Button>
            {mayApprove ? (
              <Button type="primary" onClick={() => setStarting(true)} data-testid="recalc-manual">
                {t('recalc.manual')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('recalc.intro')}</Typography.Paragraph>
        {failure && !loaded ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('common.loadFailed')}
            description={errorText(failure, lang)}
            action={
              <Button size="small" onClick={reload}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : null}
        <RecalcRunsTable runs={runs} loading={loading} selectedId={run?.id ?? null} onSelect={select} />
      </Card>
      {run ? (
        <Card
          data-testid="recalc-detail"
          title={
            <Space>
              <span>{t('recalc.changesTitle', { month: monthOf(run.effectiveFrom) })}</span>
              <RecalcStatusTag status={run.status} />
              <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                <TriggerText trigger={run.trigger} />
              </Typography.Text>
            </Space>
          }
          extra={
            <Space>
              {canRecompute(run, mayApprove) ? (
                <Button onClick={() => void start(run.effectiveFrom)} data-testid="recalc-recompute">
                  {t('recalc.recompute')}
                </Button>
              ) : null}
              {canDecide(run, mayApprove) ? (
                <>
                  <Button danger onClick={() => setDecision('reject')} data-testid="recalc-reject">
                    {t('recalc.reject')}
                  </Button>
                  <Button type="primary" onClick={() => setDecision('approve')} data-testid="recalc-approve">
                    {t('recalc.approve')}
                  </Button>
                </>
              ) : null}
            </Space>
          }
        >
          {run.status === 'COMPUTING' ? (
            <RunJobProgress
              key={run.id}
              jobId={run.jobId}
              onDone={() => void load(true)}
              testId="recalc-progress"
              computingText={t('recalc.computing')}
            />
          ) : (
            <>
              {townOnly ? (
                <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('recalc.townOnly')} />
              ) : null}
              <RecalcChanges key={run.id} run={run} reloadKey={reloadKey} />
            </>
          )}
        </Card>
      ) : null}
      {run && mayApprove ? (
        <RecalcDecisionModal
          run={run}
          decision={decision}
          onClose={() => setDecision(null)}
          onDecided={() => {
            setDecision(null);
            reload();
          }}
          onRecompute={start}
        />
      ) : null}
      <RecalcStartModal open={starting} onClose={() => setStarting(false)} onStart={start} />
    </Space>
  );
}
