// 核对报告 (/checks/:id): one version of a check report with its sections, a switcher between the
// versions of the same request, the print button (the server watermarks, counts and audits each
// print) and, for the district, a re-run that produces the next version.
import { App, Button, Card, Descriptions, Result, Segmented, Space, Spin, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { type CheckReportView, verificationApi } from '../../api/verification.ts';
import { errorText, useErrorNotifier } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { ReportSections } from './ReportSections.tsx';

export function CheckReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [report, setReport] = useState<CheckReportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setReport(await verificationApi.report(id));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!report || report.id !== id) {
    if (!error) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
    return (
      <Result
        status="warning"
        title={t('verification.loadFailed')}
        subTitle={errorText(error, lang)}
        extra={<Button onClick={() => navigate(-1)}>{t('common.back')}</Button>}
      />
    );
  }

  const rerun = async () => {
    setBusy(true);
    try {
      const r = await verificationApi.rerun(report.requestId);
      message.success(t('verification.started', { version: r.report.version }));
      navigate(`/checks/${r.report.id}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <span data-testid="check-report-title">{t('verification.reportTitle')}</span>
            <Tag>{t(`verification.purpose.${report.purpose}`)}</Tag>
            {report.excludesCount > 0 && (
              <Tag color="red">{`${t('verification.suspicious.EXCLUDES')} ${report.excludesCount}`}</Tag>
            )}
            {report.suspectCount > 0 && (
              <Tag color="orange">{`${t('verification.suspicious.SUSPECT')} ${report.suspectCount}`}</Tag>
            )}
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={() => navigate(`/cases/${report.caseId}`)}>{t('common.back')}</Button>
            <Button
              href={verificationApi.pdfUrl(report.id)}
              target="_blank"
              rel="noopener"
              data-testid="check-print"
              // The count on screen follows the print the server just recorded.
              onClick={() => setTimeout(() => void load(), 1500)}
            >
              {t('verification.print')}
            </Button>
            {report.canRerun && (
              <Button type="primary" loading={busy} onClick={() => void rerun()} data-testid="check-rerun">
                {t('verification.rerun')}
              </Button>
            )}
          </Space>
        }
      >
        {report.versions.length > 1 && (
          <Segmented
            style={{ marginBottom: 12 }}
            value={report.id}
            onChange={(v) => navigate(`/checks/${String(v)}`)}
            options={report.versions.map((v) => ({
              value: v.id,
              label: t('verification.version', { version: v.version }),
            }))}
            data-testid="check-versions"
          />
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            {
              key: 'no',
              label: t('verification.reportNo'),
              children: `${report.reportNo} · ${t('verification.version', { version: report.version })}`,
            },
            {
              key: 'case',
              label: t('cases.col.caseNo'),
              children: <Link to={`/cases/${report.caseId}`}>{report.caseNo}</Link>,
            },
            { key: 'asOf', label: t('verification.asOf'), children: report.asOf },
            { key: 'gen', label: t('verification.generated'), children: formatDateTime(report.generatedAt) },
            { key: 'by', label: t('verification.generatedBy'), children: report.generatedByName },
            {
              key: 'prints',
              label: t('verification.print'),
              children: t('verification.printCount', { count: report.printCount }),
            },
          ]}
        />
      </Card>
      <ReportSections report={report} />
    </Space>
  );
}
