// The quote per scheme: a card each with the eligible / ineligible tag, the monthly amount, the
// breakdown table and the unmet conditions. 单人保 and 特困 are per member.
import { Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  type BenefitQuote,
  type BreakdownLineView,
  type PersonSchemeResult,
  SCHEMES,
  type SchemeKey,
  type SchemeResult,
} from '../../../../contracts/benefits.ts';
import { useLang } from '../../lib/lang.ts';
import { formatYuan } from './calcForm.ts';

function SchemeBody({ r, testId }: { r: SchemeResult; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);
  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }}>
      <Space>
        <Tag color={r.eligible ? 'green' : 'default'} data-testid={`${testId}-tag`}>
          {r.eligible ? t('calc.eligible') : t('calc.ineligible')}
        </Tag>
        <Typography.Text strong data-testid={`calc-amount-${testId.replace(/^calc-result-/, '')}`}>
          {r.eligible && r.amountFen !== undefined
            ? t('calc.amount', { amount: formatYuan(r.amountFen) })
            : r.eligible
              ? t('calc.noAmount')
              : ''}
        </Typography.Text>
      </Space>
      {r.failures.length > 0 && (
        <div>
          <Typography.Text type="danger">{t('calc.failures')}</Typography.Text>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`${testId}-failures`}>
            {r.failures.map((f) => (
              <li key={`${f.rule}:${f.zh}`}>
                {text(f)} <Typography.Text type="secondary">（{f.rule}）</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Table<BreakdownLineView & { key: number }>
        size="small"
        pagination={false}
        title={() => t('calc.breakdown')}
        dataSource={r.breakdown.map((l, i) => ({ ...l, key: i }))}
        columns={[
          { title: t('calc.item'), key: 'item', render: (_, l) => text(l) },
          {
            title: t('calc.amountCol'),
            key: 'amount',
            align: 'right',
            width: 140,
            render: (_, l) => (l.amountFen === undefined ? '' : formatYuan(l.amountFen)),
          },
          { title: t('calc.rule'), dataIndex: 'rule', key: 'rule', width: 200 },
        ]}
      />
    </Space>
  );
}

function PersonSchemes({ list, scheme }: { list: PersonSchemeResult[]; scheme: SchemeKey }) {
  const { t } = useTranslation();
  if (list.length === 0) return <Empty />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {list.map((r) => (
        <Card
          key={r.memberIndex}
          size="small"
          type="inner"
          title={t('calc.member', { n: r.memberIndex + 1 })}
          data-testid={`calc-result-${scheme}-${r.memberIndex}`}
        >
          <SchemeBody r={r} testId={`calc-result-${scheme}-${r.memberIndex}`} />
        </Card>
      ))}
    </Space>
  );
}

/** The sum of the eligible members' amounts, shown on the card of a per-person scheme. */
const personTotal = (list: PersonSchemeResult[]) =>
  list.reduce((sum, r) => sum + (r.eligible ? (r.amountFen ?? 0) : 0), 0);

export function QuoteResults({ quote }: { quote: BenefitQuote }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('calc.results')}
      extra={t('calc.parametersVersion', { date: quote.parametersVersion })}
      data-testid="calc-results"
    >
      <Row gutter={[16, 16]}>
        {SCHEMES.map((scheme) => {
          const value = quote.schemes[scheme];
          const perPerson = Array.isArray(value);
          const anyEligible = perPerson ? value.some((r) => r.eligible) : value.eligible;
          return (
            <Col xs={24} xl={12} key={scheme}>
              <Card
                title={t(`calc.schemes.${scheme}`)}
                data-testid={`calc-result-${scheme}`}
                extra={
                  <Space>
                    <Tag color={anyEligible ? 'green' : 'default'}>
                      {anyEligible ? t('calc.eligible') : t('calc.ineligible')}
                    </Tag>
                    {perPerson && anyEligible && (
                      <Typography.Text strong data-testid={`calc-amount-${scheme}`}>
                        {t('calc.amount', { amount: formatYuan(personTotal(value)) })}
                      </Typography.Text>
                    )}
                  </Space>
                }
              >
                {perPerson ? (
                  <PersonSchemes list={value} scheme={scheme} />
                ) : (
                  <SchemeBody r={value} testId={`calc-result-${scheme}`} />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
