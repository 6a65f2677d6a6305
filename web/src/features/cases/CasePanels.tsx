// The case's members with their consent (授权核对书), its entitlement versions with breakdown, and the
// documents the server prints for it (each print is audited server-side).
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BreakdownLineView } from '../../../../contracts/benefits.ts';
import { type CaseDetail, caseDocuments, type EntitlementView } from '../../api/cases.ts';
import { relationLabel } from '../../lib/codes.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';

export function CaseMembers({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('cases.detail.members')} data-testid="case-members">
      <Table
        rowKey="personId"
        size="small"
        pagination={false}
        dataSource={detail.members}
        columns={[
          { title: t('cases.col.applicant'), dataIndex: 'nameMask' },
          { title: t('member.relation'), dataIndex: 'relationCode', render: (c: string) => relationLabel(c) },
          {
            title: t('cases.events.RECORD_CONSENT'),
            dataIndex: 'consentSignedOn',
            render: (d: string | null) =>
              d ? (
                <Tag color="green">{t('cases.detail.consentSigned', { date: d })}</Tag>
              ) : (
                <Tag>{t('cases.detail.consentMissing')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

function Breakdown({ lines }: { lines: unknown[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = lines.filter(
    (l): l is BreakdownLineView =>
      typeof l === 'object' && l !== null && typeof (l as BreakdownLineView).zh === 'string',
  );
  return (
    <Table<BreakdownLineView & { key: number }>
      size="small"
      pagination={false}
      dataSource={rows.map((l, i) => ({ ...l, key: i }))}
      columns={[
        { title: t('cases.detail.item'), key: 'item', render: (_, l) => (lang === 'en' ? l.en : l.zh) },
        {
          title: t('cases.detail.amount'),
          key: 'amount',
          align: 'right',
          width: 140,
          render: (_, l) => (l.amountFen === undefined ? '' : fenToYuan(l.amountFen)),
        },
        { title: t('cases.detail.rule'), dataIndex: 'rule', key: 'rule', width: 200 },
      ]}
    />
  );
}

export function CaseEntitlements({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const versions = [...detail.entitlements].sort((a, b) => b.version - a.version);
  const source = (s: string) => {
    const k = `cases.entitlementSources.${s}`;
    return i18n.exists(k) ? t(k as 'cases.title') : s;
  };
  return (
    <Card
      size="small"
      title={t('cases.detail.entitlement')}
      data-testid="case-entitlements"
      extra={
        detail.currentAmountFen !== null && (
          <Typography.Text strong data-testid="case-current-amount">
            {t('cases.detail.currentAmount', { amount: fenToYuan(detail.currentAmountFen) })}
          </Typography.Text>
        )
      }
    >
      {versions.length === 0 ? (
        <Empty description={t('cases.detail.noEntitlement')} />
      ) : (
        <Table<EntitlementView>
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={versions}
          expandable={{
            expandedRowRender: (v) => <Breakdown lines={v.breakdown} />,
            rowExpandable: (v) => v.breakdown.length > 0,
            defaultExpandedRowKeys: versions[0] ? [versions[0].version] : [],
          }}
          columns={[
            { title: t('cases.detail.version'), dataIndex: 'version', width: 80 },
            { title: t('cases.detail.effectiveFrom'), dataIndex: 'effectiveFrom' },
            {
              title: t('cases.detail.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (f: number) => fenToYuan(f),
            },
            { title: t('cases.detail.source'), dataIndex: 'source', render: source },
          ]}
        />
      )}
    </Card>
  );
}

/** Which documents apply: the decision once CONFIRM/REJECT is on the timeline, the 低保证 for an active 低保 case, the village publicity list while the case is publicised. */
export function availableDocuments(detail: CaseDetail) {
  const docs: { key: 'decision' | 'certificate' | 'publicity'; href: string }[] = [];
  if (detail.timeline.some((e) => e.type === 'CONFIRM' || e.type === 'REJECT'))
    docs.push({ key: 'decision', href: caseDocuments.decision(detail.id) });
  if (
    (detail.scheme === 'DIBAO' || detail.scheme === 'DIBAO_SINGLE') &&
    detail.stage === 'ACTIVE' &&
    detail.state !== 'STOPPED'
  )
    docs.push({ key: 'certificate', href: caseDocuments.certificate(detail.id) });
  if (detail.state === 'PUBLICIZING')
    docs.push({ key: 'publicity', href: caseDocuments.publicity(detail.villageCode) });
  return docs;
}

export function CaseDocuments({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const docs = availableDocuments(detail);
  if (docs.length === 0) return null;
  return (
    <div style={{ marginTop: 12 }} data-testid="case-documents">
      <Typography.Text strong style={{ marginInlineEnd: 12 }}>
        {t('cases.documents.title')}
      </Typography.Text>
      <Space wrap>
        {docs.map((d) => (
          <Button key={d.key} href={d.href} target="_blank" rel="noopener" data-testid={`document-${d.key}`}>
            {t(`cases.documents.${d.key}`)}
          </Button>
        ))}
      </Space>
    </div>
  );
}
