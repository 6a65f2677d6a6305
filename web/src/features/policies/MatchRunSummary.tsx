// The figures of a finished matching run (matchRunResult) and the policies whose expression failed at
// run time for some subject, with a count and a sample message.
import { Alert, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MatchRunResult } from '../../api/policies.ts';

export function MatchRunSummary({ result }: { result: MatchRunResult }) {
  const { t } = useTranslation();
  type Figure = 'policies' | 'subjects' | 'matched' | 'newMatches' | 'lapsed' | 'referrals';
  const figures: [Figure, number][] = [
    ['policies', result.policies],
    ['subjects', result.subjectsEvaluated],
    ['matched', result.matched],
    ['newMatches', result.newMatches],
    ['lapsed', result.lapsed],
    ['referrals', result.referralsCreated],
  ];
  return (
    <div data-testid="match-run-result">
      <Typography.Text strong>{t('policies.matching.done')}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 8 }}>
        {figures.map(([k, v]) => (
          <Col key={k} xs={12} md={4}>
            <Statistic title={t(`policies.matching.${k}`)} value={v} data-testid={`match-run-${k}`} />
          </Col>
        ))}
      </Row>
      {result.evaluationErrors.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          title={t('policies.matching.errorsTitle')}
          description={
            <>
              <Typography.Paragraph type="secondary">
                {t('policies.matching.errorsHint')}
              </Typography.Paragraph>
              <Table
                rowKey="policyCode"
                size="small"
                pagination={false}
                dataSource={result.evaluationErrors}
                data-testid="match-run-errors"
                columns={[
                  {
                    title: t('policies.col.code'),
                    dataIndex: 'policyCode',
                    render: (v: string) => <code>{v}</code>,
                  },
                  {
                    title: t('policies.matching.errorCount'),
                    dataIndex: 'count',
                    align: 'right',
                    width: 100,
                  },
                  { title: t('policies.matching.errorSample'), dataIndex: 'sample' },
                ]}
              />
            </>
          }
        />
      )}
    </div>
  );
}
