// The reports tab: report A–E for a chosen month, as tables with the official headings, the notes on
// columns that cannot be derived yet, and the xlsx download.
import { Alert, Button, DatePicker, Segmented, Space, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATS_REPORTS, type StatsReport, type StatsReportCode, statsApi } from '../../api/stats.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { StatsReportTable } from './StatsReportTable.tsx';

type Props = {
  code: StatsReportCode;
  period: string;
  townCode?: string;
  onChange: (next: { code?: StatsReportCode; period?: string }) => void;
};

export function StatsReportsPanel({ code, period, townCode, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useErrorNotifier();
  const [report, setReport] = useState<StatsReport | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    statsApi
      .report(code, period, townCode)
      .then((r) => {
        if (live) setReport(r);
      })
      .catch((e) => {
        if (live) {
          setReport(null);
          notifyError(e);
        }
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [code, period, townCode, notifyError]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<StatsReportCode>
          value={code}
          onChange={(v) => onChange({ code: v })}
          options={STATS_REPORTS.map((c) => ({ value: c, label: t(`stats.reports.${c}`) }))}
        />
        <DatePicker
          picker="month"
          format="YYYY-MM"
          allowClear={false}
          value={dayjs(`${period}-01`)}
          onChange={(d) => d && onChange({ period: d.format('YYYY-MM') })}
          data-testid="stats-period"
        />
        <Button href={statsApi.xlsxUrl(code, period, townCode)} data-testid="stats-xlsx">
          {t('stats.downloadXlsx')}
        </Button>
      </Space>
      <Spin spinning={loading}>
        {report ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {report.tables.map((table) => (
              <StatsReportTable
                key={table.key}
                table={table}
                unitTitle={t('stats.unitColumn')}
                totalTitle={t('stats.total')}
              />
            ))}
            {report.notes.length > 0 ? (
              <Alert
                type="info"
                showIcon
                title={t('stats.notesTitle')}
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {report.notes.map((n) => (
                      <li key={`${n.column}-${n.zh}`}>{lang === 'en' ? n.en : n.zh}</li>
                    ))}
                  </ul>
                }
              />
            ) : null}
          </Space>
        ) : (
          <div style={{ minHeight: 120 }} />
        )}
      </Spin>
    </Space>
  );
}
