// The month's figures of a town's reserve fund: balance, first aid paid, how many draws are
// regularised, and the draws whose paperwork is outstanding (in red, linked to their cases).
import { Card, Col, List, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReserveFundMonth } from '../../api/reserveFund.ts';
import { fenToYuan } from '../../lib/format.ts';
import { outstandingFen } from './reserveFundModel.ts';

/** Amounts are shown as fenToYuan gives them (two decimals, no grouping). */
const plain = (v: number | string) => String(v);

export function ReserveFundSummary({ view }: { view: ReserveFundMonth }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card data-testid="rf-balance">
            <Statistic
              title={t('reserveFund.balance')}
              value={fenToYuan(view.balanceFen)}
              formatter={plain}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card data-testid="rf-drawn">
            <Statistic title={t('reserveFund.drawn')} value={fenToYuan(view.drawnFen)} formatter={plain} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card data-testid="rf-regularized">
            <Statistic
              title={t('reserveFund.regularized')}
              value={t('reserveFund.regularizedOf', {
                regularized: view.regularized,
                draws: view.draws,
              })}
            />
          </Card>
        </Col>
      </Row>
      <Card
        title={t('reserveFund.outstanding')}
        size="small"
        style={{ marginTop: 16 }}
        data-testid="rf-outstanding"
      >
        {view.outstanding.length === 0 ? (
          <Typography.Text type="success">{t('reserveFund.outstandingNone')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={view.outstanding}
            header={
              <Typography.Text type="danger" strong>
                {t('reserveFund.outstandingCount', {
                  count: view.outstanding.length,
                  amount: fenToYuan(outstandingFen(view)),
                })}
              </Typography.Text>
            }
            renderItem={(o) => (
              <List.Item>
                {o.caseId ? (
                  <Link to={`/cases/${o.caseId}`} style={{ color: 'var(--ant-color-error, #cf1322)' }}>
                    {o.caseNo}
                  </Link>
                ) : (
                  <Typography.Text type="danger">{o.caseNo}</Typography.Text>
                )}
                <Typography.Text type="danger">
                  {fenToYuan(o.amountFen)} {t('common.yuan')}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
