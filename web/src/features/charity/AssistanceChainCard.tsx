// 一户一条救助链 (§7.3): everything every department gave the household, in date order, with the
// county's rule on whether charity money counts as income (§9.2). Kinds added later (care services,
// department referrals) show through the common fields.
import { Alert, Card, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type AssistanceChain, type ChainLink, charityApi } from '../../api/charity.ts';
import { errorText } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { NEED_NAMES, SCHEME_LABELS } from './charityLabels.ts';

const SOURCE_COLOR: Record<ChainLink['source'], string> = {
  CIVIL_AFFAIRS: 'blue',
  CHARITY: 'magenta',
  CARE: 'green',
  DEPARTMENT: 'orange',
};

function detail(l: ChainLink, lang: 'zh' | 'en', t: (k: string) => string) {
  const pick = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  switch (l.kind) {
    case 'CASE':
      return (
        <Link to={`/cases/${l.refId}`}>
          {l.caseNo} {SCHEME_LABELS[l.scheme] ? pick(SCHEME_LABELS[l.scheme]!) : l.scheme}
          {l.decidedOn ? ` · ${l.decidedOn}` : ''}
        </Link>
      );
    case 'PAYMENT':
    case 'FIRST_AID':
      return <Link to={`/cases/${l.caseId}`}>{l.caseNo}</Link>;
    case 'CHARITY_REFERRAL':
      return `${l.orgName}${l.projectName ? ` · ${l.projectName}` : ''} · ${pick(NEED_NAMES[l.need])}${
        l.declineReason ? ` · ${l.declineReason}` : ''
      }`;
    case 'CHARITY_DISBURSEMENT':
      return (
        <>
          {l.orgName} · {l.projectName}
          {l.itemDescription ? ` · ${l.itemDescription}` : ''}{' '}
          <Tag color={l.countsAsIncome ? 'gold' : 'default'}>
            {l.countsAsIncome ? t('charity.chain.counts') : t('charity.chain.notCounted')}
          </Tag>
        </>
      );
    default:
      return lang === 'en' ? l.titleEn : l.title;
  }
}

export function AssistanceChainCard({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [chain, setChain] = useState<AssistanceChain | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    charityApi.chain(householdId).then(setChain, setError);
  }, [householdId]);

  if (error) return <Alert type="warning" showIcon title={errorText(error, lang)} />;
  const columns: TableColumnsType<ChainLink> = [
    { title: t('charity.col.on'), dataIndex: 'on', width: 110 },
    {
      title: t('charity.col.source'),
      key: 'source',
      width: 90,
      render: (_, l) => <Tag color={SOURCE_COLOR[l.source]}>{t(`charity.chain.sources.${l.source}`)}</Tag>,
    },
    { title: t('charity.col.kind'), key: 'kind', render: (_, l) => t(`charity.chain.kinds.${l.kind}`) },
    { title: t('charity.col.person'), dataIndex: 'personName', render: (v: string | null) => v ?? '—' },
    {
      title: '',
      key: 'detail',
      render: (_, l) => detail(l, lang === 'en' ? 'en' : 'zh', t as (k: string) => string),
    },
    { title: t('charity.col.state'), dataIndex: 'state', render: (v: string | null) => v ?? '' },
    {
      title: t('charity.col.value'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (v: number | null) => (v === null ? '' : fenToYuan(v)),
    },
  ];
  const inc = chain?.charityIncome;
  return (
    <Card size="small" title={t('charity.chain.title')} data-testid="assistance-chain" loading={!chain}>
      {chain && inc && (
        <>
          <Typography.Paragraph>
            {t('charity.chain.totals', {
              civil: fenToYuan(chain.totals.civilAffairsFen),
              charity: fenToYuan(chain.totals.charityFen),
              other: fenToYuan(chain.totals.otherFen),
            })}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" data-testid="chain-income">
            {t('charity.chain.income', {
              yes: inc.countsAsIncome ? t('charity.chain.yes') : t('charity.chain.no'),
              rule: inc.rule,
              from: inc.window.from,
              to: inc.window.to,
              counted: fenToYuan(inc.countedFen),
            })}
          </Typography.Paragraph>
          <Table
            rowKey={(l) => `${l.kind}:${l.refId}`}
            size="small"
            pagination={false}
            dataSource={chain.links}
            columns={columns}
            locale={{ emptyText: t('charity.chain.empty') }}
          />
        </>
      )}
    </Card>
  );
}
