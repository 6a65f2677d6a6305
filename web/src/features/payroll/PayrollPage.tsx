// 保障金发放 (M5): the county's monthly payroll runs and, for the chosen run, its review. A run is
// started per scheme and month by a district officer, computed as a job (progress bar), reviewed
// (totals by town, changes against last month, lines) and approved with a note; an approved run is
// fixed and corrections go into the next month.

import { App, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { can } from '../../../../contracts/roles.ts';
import { type PayrollRunView, type PayrollSchemeCode, payrollApi } from '../../api/payroll.ts';
import { RunJobProgress } from '../../components/RunJobProgress.tsx';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan, formatDateTime, todayInShanghai } from '../../lib/format.ts';
import { BankFilePanel } from './BankFilePanel.tsx';
import { PayrollLedgerCard } from './PayrollLedgerCard.tsx';
import { PayrollApproveModal, PayrollStartModal } from './PayrollModals.tsx';
import { PayrollReviewView } from './PayrollReviewView.tsx';
import {
  canApprove,
  canRecompute,
  isComputing,
  monthOf,
  RUN_STATUS_COLORS,
  selectedRun,
} from './payrollModel.ts';

export function PayrollPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const mayManage = can(actor.role, 'payroll.manage');
  const [params, setParams] = useSearchParams();
  const [runs, setRuns] = useState<PayrollRunView[]>([]);
  const [loading, setLoading] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const [starting, setStarting] = useState(false);
  const [approving, setApproving] = useState(false);

  const load = useCallback(
    async (quiet = false) => {
      if (!quiet) setLoading(true);
      try {
        setRuns((await payrollApi.runs()).items);
      } catch (e) {
        if (!quiet) notifyError(e);
      } finally {
        if (!quiet) setLoading(false);
      }
    },
    [notifyError],
  );
  useEffect(() => {
    void load();
  }, [load]);

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

  const start = async (scheme: PayrollSchemeCode, month: string) => {
    try {
      const out = await payrollApi.start(scheme, month);
      message.success(t('payroll.started', { month: monthOf(month) }));
      select(out.runId);
      await load(true);
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    }
  };
  const approve = async (note: string) => {
    if (!run) return false;
    try {
      await payrollApi.approve(run.id, note);
      message.success(t('payroll.approved'));
      reload();
      return true;
    } catch (e) {
      notifyError(e);
      return false;
    }
  };
  const recompute = async () => {
    if (!run) return;
    try {
      await payrollApi.recompute(run.id);
      await load(true);
    } catch (e) {
      notifyError(e);
    }
  };

  const columns: TableColumnsType<PayrollRunView> = [
    { title: t('payroll.month'), dataIndex: 'month', width: 100, render: (v: string) => monthOf(v) },
    {
      title: t('payroll.scheme'),
      dataIndex: 'scheme',
      width: 120,
      render: (v: PayrollSchemeCode) => t(`payroll.schemes.${v}`),
    },
    {
      title: t('payroll.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: PayrollRunView['status']) => (
        <Tag color={RUN_STATUS_COLORS[v]}>{t(`payroll.statuses.${v}`)}</Tag>
      ),
    },
    { title: t('payroll.lines'), dataIndex: 'lineCount', align: 'right', width: 90 },
    { title: t('payroll.gross'), dataIndex: 'grossFen', align: 'right', render: (v: number) => fenToYuan(v) },
    {
      title: t('payroll.deduction'),
      dataIndex: 'deductionFen',
      align: 'right',
      render: (v: number) => fenToYuan(v),
    },
    { title: t('payroll.net'), dataIndex: 'netFen', align: 'right', render: (v: number) => fenToYuan(v) },
    { title: t('payroll.approvedBy'), dataIndex: 'approvedByName', render: (v: string | null) => v ?? '—' },
    {
      title: t('payroll.approvedAt'),
      dataIndex: 'approvedAt',
      render: (v: string | null) => formatDateTime(v),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('payroll.title')}
        extra={
          <Space>
            <Button onClick={reload} loading={loading}>
              {t('common.refresh')}
            </Button>
            {mayManage ? (
              <Button type="primary" onClick={() => setStarting(true)} data-testid="payroll-start">
                {t('payroll.start')}
              </Button>
            ) : null}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('payroll.intro')}</Typography.Paragraph>
        <Table<PayrollRunView>
          rowKey="id"
          size="small"
          loading={loading}
          columns={columns}
          dataSource={runs}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('payroll.noRuns') }}
          data-testid="payroll-runs"
          rowSelection={{
            type: 'radio',
            selectedRowKeys: run ? [run.id] : [],
            onChange: (keys) => keys[0] && select(String(keys[0])),
          }}
          onRow={(r) => ({ onClick: () => select(r.id) })}
        />
      </Card>
      {run ? (
        <Card
          data-testid="payroll-detail"
          title={
            <Space>
              <span>
                {t('payroll.runTitle', {
                  month: monthOf(run.month),
                  scheme: t(`payroll.schemes.${run.scheme}`),
                })}
              </span>
              <Tag color={RUN_STATUS_COLORS[run.status]}>{t(`payroll.statuses.${run.status}`)}</Tag>
            </Space>
          }
          extra={
            <Space>
              {canRecompute(run, mayManage) ? (
                <Button onClick={() => void recompute()} data-testid="payroll-recompute">
                  {t('payroll.recompute')}
                </Button>
              ) : null}
              {canApprove(run, mayManage) ? (
                <Button type="primary" onClick={() => setApproving(true)} data-testid="payroll-approve">
                  {t('payroll.approve')}
                </Button>
              ) : null}
            </Space>
          }
        >
          {run.status === 'COMPUTING' ? (
            <RunJobProgress
              key={run.id}
              jobId={run.jobId}
              onDone={() => void load(true)}
              testId="payroll-progress"
              computingText={t('payroll.computing')}
            />
          ) : run.status === 'FAILED' ? (
            <Typography.Text type="danger">{t('payroll.failed')}</Typography.Text>
          ) : (
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              {run.status === 'APPROVED' ? (
                <BankFilePanel key={`bank-${run.id}`} run={run} reloadKey={reloadKey} />
              ) : null}
              <PayrollReviewView key={run.id} run={run} reloadKey={reloadKey} />
            </Space>
          )}
        </Card>
      ) : null}
      <PayrollLedgerCard defaultYear={Number(todayInShanghai().slice(0, 4))} />
      <PayrollStartModal open={starting} onClose={() => setStarting(false)} onStart={start} />
      {run ? (
        <PayrollApproveModal
          open={approving}
          month={run.month}
          onClose={() => setApproving(false)}
          onApprove={approve}
        />
      ) : null}
    </Space>
  );
}
