// 银行代发与对账 (M5) for an approved run: download the bank file (xlsx / csv, with its control
// total), import the bank's return (a refused file lists every problem by line), and the
// reconciliation of approved vs sent vs paid vs failed, with each failed line's reissue month.
import {
  Alert,
  App,
  Button,
  Card,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import { type BankFileFormat, bankFilesApi, type Reconciliation, saveBlob } from '../../api/bankfiles.ts';
import { isApiError } from '../../api/client.ts';
import type { PayrollRunView } from '../../api/payroll.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan, formatDateTime } from '../../lib/format.ts';
import { BankLayoutEditor } from './BankLayoutEditor.tsx';
import { type ReturnIssue, returnIssues } from './bankFileModel.ts';
import { monthOf } from './payrollModel.ts';

type FailedLine = Reconciliation['failedLines'][number];
type TownRow = Reconciliation['towns'][number];

export function BankFilePanel({ run, reloadKey }: { run: PayrollRunView; reloadKey: number }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const actor = useActor();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const mayManage = can(actor.role, 'payroll.manage');
  const [rec, setRec] = useState<Reconciliation | null>(null);
  const [busy, setBusy] = useState<BankFileFormat | 'upload' | null>(null);
  const [issues, setIssues] = useState<ReturnIssue[]>([]);
  const [editing, setEditing] = useState(false);

  const load = useCallback(async () => {
    try {
      setRec(await bankFilesApi.reconciliation(run.id));
    } catch (e) {
      notifyError(e);
    }
  }, [run.id, notifyError]);
  useEffect(() => {
    void reloadKey;
    void load();
  }, [load, reloadKey]);

  const download = async (format: BankFileFormat) => {
    setBusy(format);
    try {
      const f = await bankFilesApi.download(run.id, format);
      saveBlob(f.blob, f.filename);
      message.success(t('bankfiles.downloaded', { count: f.count, total: fenToYuan(f.totalFen) }));
      await load();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const upload = async (file: File) => {
    setBusy('upload');
    setIssues([]);
    try {
      const out = await bankFilesApi.uploadReturn(run.id, file);
      message.success(t('bankfiles.imported', { paid: out.paid, failed: out.failed }));
      await load();
    } catch (e) {
      if (isApiError(e) && e.status === 400 && e.fieldIssues.length > 0)
        setIssues(returnIssues(e.fieldIssues));
      else notifyError(e);
    } finally {
      setBusy(null);
    }
  };

  const pair = (v: { count: number; amountFen: number }) => `${v.count} / ${fenToYuan(v.amountFen)}`;
  const townColumns: TableColumnsType<TownRow> = [
    { title: t('bankfiles.town'), dataIndex: 'townName', render: (v: string | null, r) => v ?? r.townCode },
    { title: t('bankfiles.approved'), align: 'right', render: (_, r) => pair(r.approved) },
    { title: t('bankfiles.paid'), align: 'right', render: (_, r) => pair(r.paid) },
    { title: t('bankfiles.failed'), align: 'right', render: (_, r) => pair(r.failed) },
    { title: t('bankfiles.pending'), align: 'right', render: (_, r) => pair(r.pending) },
  ];
  const failedColumns: TableColumnsType<FailedLine> = [
    { title: t('bankfiles.caseNo'), dataIndex: 'caseNo', width: 160 },
    {
      title: t('bankfiles.payee'),
      dataIndex: 'payeeNameMask',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('payroll.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (v: FailedLine['kind']) => t(`payroll.kinds.${v}`),
    },
    {
      title: t('bankfiles.amount'),
      dataIndex: 'netFen',
      align: 'right',
      width: 110,
      render: (v: number) => fenToYuan(v),
    },
    { title: t('bankfiles.reason'), dataIndex: 'bankReason' },
    {
      title: t('bankfiles.reissue'),
      dataIndex: 'reissueMonth',
      width: 200,
      render: (_, r) =>
        r.reissue ? (
          <Tag color="success">{t('bankfiles.reissued', { month: monthOf(r.reissue.month) })}</Tag>
        ) : (
          <Tag color="warning">{t('bankfiles.willReissue', { month: monthOf(r.reissueMonth) })}</Tag>
        ),
    },
  ];
  const issueColumns: TableColumnsType<ReturnIssue> = [
    { title: t('bankfiles.line'), dataIndex: 'line', width: 80, render: (v: number | null) => v ?? '—' },
    {
      title: t('bankfiles.column'),
      dataIndex: 'column',
      width: 130,
      render: (v: string) => t(`bankfiles.columns.${v as 'lineRef'}`, { defaultValue: v }),
    },
    { title: t('bankfiles.problem'), render: (_, r) => (en ? r.messageEn : r.message) },
  ];

  const totals = rec?.totals;
  return (
    <Card
      size="small"
      title={t('bankfiles.title')}
      data-testid="bank-panel"
      extra={
        mayManage ? (
          <Button size="small" onClick={() => setEditing(true)} data-testid="bank-layout-open">
            {t('bankfiles.layout')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('bankfiles.intro')}
        </Typography.Paragraph>
        {mayManage ? (
          <Space wrap>
            <Button
              type="primary"
              loading={busy === 'xlsx'}
              onClick={() => void download('xlsx')}
              data-testid="bank-download-xlsx"
            >
              {t('bankfiles.downloadXlsx')}
            </Button>
            <Button
              loading={busy === 'csv'}
              onClick={() => void download('csv')}
              data-testid="bank-download-csv"
            >
              {t('bankfiles.downloadCsv')}
            </Button>
            <span data-testid="bank-upload">
              <Upload
                accept=".xlsx,.csv"
                showUploadList={false}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button loading={busy === 'upload'}>{t('bankfiles.uploadReturn')}</Button>
              </Upload>
            </span>
            <Typography.Text type="secondary">{t('bankfiles.uploadHint')}</Typography.Text>
          </Space>
        ) : null}
        {issues.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="bank-return-errors"
            title={t('bankfiles.returnRefused')}
            description={
              <Table<ReturnIssue>
                size="small"
                rowKey={(r, i) => `${r.line}-${r.column}-${i}`}
                columns={issueColumns}
                dataSource={issues}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
              />
            }
          />
        ) : null}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('bankfiles.reconciliation')}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {rec?.lastExportedAt
              ? t('bankfiles.lastExported', { at: formatDateTime(rec.lastExportedAt) })
              : t('bankfiles.notExported')}
          </Typography.Text>
        </Typography.Title>
        {totals ? (
          <Space size="large" wrap data-testid="bank-totals">
            {(['approved', 'exported', 'paid', 'failed', 'pending'] as const).map((k) => (
              <Statistic
                key={k}
                title={t(`bankfiles.${k}`)}
                value={totals[k].count}
                suffix={`/ ${fenToYuan(totals[k].amountFen)}`}
                data-testid={`bank-total-${k}`}
              />
            ))}
          </Space>
        ) : null}
        <Table<TownRow>
          size="small"
          rowKey="townCode"
          columns={townColumns}
          dataSource={rec?.towns ?? []}
          pagination={false}
          data-testid="bank-towns"
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('bankfiles.failedLines')} {rec ? `(${rec.failedTotal})` : ''}
        </Typography.Title>
        <Table<FailedLine>
          size="small"
          rowKey="lineRef"
          columns={failedColumns}
          dataSource={rec?.failedLines ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('bankfiles.noFailed') }}
          data-testid="bank-failed"
        />
      </Space>
      {mayManage ? (
        <BankLayoutEditor open={editing} scheme={run.scheme} onClose={() => setEditing(false)} />
      ) : null}
    </Card>
  );
}
