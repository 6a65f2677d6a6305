// The §8.3 sections of a check report: 家庭基本情况 (members, supporters apart, integrity), 家庭财产信息
// as one table per department source with suspicious items highlighted and their reasons, and the
// summary flags. Names are masked by the server.
import { Alert, Card, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Suspicion } from '../../../../contracts/checks.ts';
import type { CheckItemView, CheckReportView, ReportSections as Sections } from '../../api/verification.ts';
import { relationLabel } from '../../lib/codes.ts';
import { fenToYuan } from '../../lib/format.ts';
import { type Lang, useLang } from '../../lib/lang.ts';
import { fieldLabel, sourceOf, valueText } from '../feeds/feedValues.ts';

export const SUSPICION_COLOR: Record<Suspicion, string> = {
  NONE: 'green',
  SUSPECT: 'orange',
  EXCLUDES: 'red',
};
const ROW_BACKGROUND: Record<Suspicion, string | undefined> = {
  NONE: undefined,
  SUSPECT: '#fff7e6',
  EXCLUDES: '#fff1f0',
};

/** A record's fields as "label: value" from the feed catalogue (money in yuan, labels for codes). */
export function recordText(source: string, raw: Record<string, unknown>, lang: Lang): string {
  const src = sourceOf(source);
  if (!src) return JSON.stringify(raw);
  return src.fields
    .filter((f) => raw[f.key] !== undefined && raw[f.key] !== null && f.key !== src.dateField)
    .map((f) => `${fieldLabel(src, f.key, lang)}: ${valueText(src, f.key, raw[f.key], lang)}`)
    .join('; ');
}

function PersonTable({ persons }: { persons: Sections['basic']['members'] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table
      rowKey="personId"
      size="small"
      pagination={false}
      dataSource={persons}
      columns={[
        { title: t('verification.col.name'), dataIndex: 'nameMask' },
        { title: t('verification.col.idNumber'), dataIndex: 'idMask' },
        {
          title: t('verification.col.relation'),
          dataIndex: 'relationCode',
          render: (c: string | null) => (c ? relationLabel(c) : '—'),
        },
        {
          title: t('verification.col.consent'),
          key: 'consent',
          render: (_, p) => `${p.consentSignedOn} ${p.consentRef}`,
        },
        {
          title: t('verification.col.household'),
          key: 'excluded',
          render: (_, p) =>
            p.excluded ? (
              <Tag color="red">
                {t('verification.excluded', { reason: lang === 'en' ? p.excluded.en : p.excluded.zh })}
              </Tag>
            ) : (
              <Tag>{t('verification.counted')}</Tag>
            ),
        },
      ]}
    />
  );
}

function SourceTable({ table, items }: { table: Sections['property'][number]; items: CheckItemView[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const w = table.window;
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`check-source-${table.source}`}
      title={`${lang === 'en' ? table.deptEn : table.deptZh} · ${lang === 'en' ? table.en : table.zh}`}
      extra={
        <Typography.Text type="secondary">
          {t(`verification.window.${w.kind}`, { from: w.from ?? '', to: w.to })} ·{' '}
          {t('verification.tableCounts', {
            count: table.count,
            suspect: table.suspect,
            excludes: table.excludes,
          })}
        </Typography.Text>
      }
    >
      <Table<CheckItemView>
        rowKey="seq"
        size="small"
        pagination={false}
        dataSource={items}
        onRow={(i) => ({ style: { background: ROW_BACKGROUND[i.suspicious] } })}
        columns={[
          {
            title: t('verification.col.name'),
            key: 'name',
            width: 110,
            render: (_, i) =>
              i.personRole === 'SUPPORTER' ? `${i.nameMask}（${t('verification.supporters')}）` : i.nameMask,
          },
          { title: t('verification.col.date'), dataIndex: 'occurredOn', width: 110 },
          {
            title: t('verification.col.record'),
            key: 'record',
            render: (_, i) => recordText(i.source, i.raw, lang),
          },
          {
            title: t('verification.col.result'),
            key: 'result',
            width: 320,
            render: (_, i) => (
              <Space orientation="vertical" size={2}>
                <Tag color={SUSPICION_COLOR[i.suspicious]}>
                  {t(`verification.suspicious.${i.suspicious}`)}
                </Tag>
                {i.suspicious !== 'NONE' && (
                  <Typography.Text type="secondary">
                    {lang === 'en' ? i.reasonEn : i.reasonZh}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
    </Card>
  );
}

export function ReportSections({ report }: { report: CheckReportView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = report.sections as unknown as Sections;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={t('verification.basic')} data-testid="check-basic">
        <Typography.Title level={5}>{t('verification.members')}</Typography.Title>
        <PersonTable persons={s.basic.members} />
        {s.basic.supporters.length > 0 && (
          <>
            <Typography.Title level={5}>{t('verification.supporters')}</Typography.Title>
            <PersonTable persons={s.basic.supporters} />
          </>
        )}
        <Typography.Title level={5}>{t('verification.integrity')}</Typography.Title>
        {s.basic.integrity.length === 0 ? (
          <Typography.Text type="secondary">{t('verification.noIntegrity')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={s.basic.integrity}
            renderItem={(i) => (
              <List.Item>
                {i.foundOn} {i.kind} {i.obtainedFen ? fenToYuan(i.obtainedFen) : ''} {i.note}
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card size="small" title={t('verification.property')} data-testid="check-property">
        {s.property.length === 0 ? (
          <Empty description={t('verification.noRecords')} />
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {s.property.map((table) => (
              <SourceTable
                key={table.source}
                table={table}
                items={report.items.filter((i) => i.source === table.source)}
              />
            ))}
          </Space>
        )}
      </Card>
      <Card size="small" title={t('verification.summary')} data-testid="check-summary">
        {s.summary.flags.length === 0 ? (
          <Typography.Text type="secondary">{t('verification.noFlags')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={s.summary.flags}
            renderItem={(f) => (
              <List.Item>
                <Space wrap>
                  <Tag color={SUSPICION_COLOR[f.suspicious]}>
                    {t(`verification.suspicious.${f.suspicious}`)}
                  </Tag>
                  <span>
                    {lang === 'en' ? f.en : f.zh} × {f.count}
                  </span>
                  <Typography.Text type="secondary">{f.rule}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
        {s.summary.changes && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            title={t('verification.changes', {
              from: s.summary.changes.fromVersion,
              added: s.summary.changes.added.length,
              removed: s.summary.changes.removed.length,
            })}
          />
        )}
      </Card>
      <Typography.Text type="secondary" data-testid="check-footer">
        {t('verification.footer', {
          days: s.footer.objectionDays,
          until: s.footer.objectionUntil,
          restricted: s.footer.restrictedUse,
        })}
      </Typography.Text>
    </Space>
  );
}
