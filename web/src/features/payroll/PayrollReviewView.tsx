// The review of one run (rule 8): totals by town, the cases new / stopped / changed against the
// previous month's run of the same scheme, and the lines, paged by the server.
import { Alert, Card, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type PayrollLineView,
  type PayrollReview,
  type PayrollRunView,
  payrollApi,
} from '../../api/payroll.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { type KINDS, pageToOffset, sumTowns } from './payrollModel.ts';

type Props = { run: PayrollRunView; reloadKey: number };
type Town = PayrollReview['towns'][number];
type Change = PayrollReview['newCases']['items'][number];

const yuan = (v: number | null) => (v === null ? '—' : fenToYuan(v));

export function PayrollReviewView({ run, reloadKey }: Props) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [review, setReview] = useState<PayrollReview | null>(null);
  const [town, setTown] = useState<string | undefined>(undefined);

  useEffect(() => {
    void reloadKey;
    let alive = true;
    payrollApi
      .review(run.id)
      .then((r) => alive && setReview(r))
      .catch((e) => alive && notifyError(e));
    return () => {
      alive = false;
    };
  }, [run.id, reloadKey, notifyError]);

  const townName = (code: string, name?: string | null) => name ?? findDivision(tree, code)?.name ?? code;
  const money = (title: string, key: keyof Town & string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    render: (v: number) => fenToYuan(v),
  });
  const townColumns: TableColumnsType<Town> = [
    { title: t('payroll.town'), dataIndex: 'townCode', render: (v: string, r) => townName(v, r.townName) },
    { title: t('payroll.lines'), dataIndex: 'lines', align: 'right' },
    money(t('payroll.gross'), 'grossFen'),
    money(t('payroll.deduction'), 'deductionFen'),
    money(t('payroll.net'), 'netFen'),
  ];
  const changeColumns: TableColumnsType<Change> = [
    { title: t('payroll.caseNo'), dataIndex: 'caseNo' },
    { title: t('payroll.town'), dataIndex: 'townCode', render: (v: string) => townName(v) },
    { title: t('payroll.previous'), dataIndex: 'previousFen', align: 'right', render: yuan },
    { title: t('payroll.current'), dataIndex: 'currentFen', align: 'right', render: yuan },
  ];
  const sum = review ? sumTowns(review.towns) : null;
  const changeTab = (key: 'newCases' | 'stoppedCases' | 'changedCases', list: PayrollReview['newCases']) => ({
    key,
    label: `${t(`payroll.${key}`)} (${list.total})`,
    children: (
      <>
        {list.total > list.items.length ? (
          <Typography.Text type="secondary">{t('payroll.firstN', { n: list.items.length })}</Typography.Text>
        ) : null}
        <Table<Change> rowKey="caseId" size="small" columns={changeColumns} dataSource={list.items} />
      </>
    ),
  });

  return (
    <>
      <Card size="small" title={t('payroll.townTotals')} data-testid="payroll-towns">
        <Table<Town>
          rowKey="townCode"
          size="small"
          pagination={false}
          columns={townColumns}
          dataSource={review?.towns ?? []}
          loading={!review}
          onRow={(r) => ({ onClick: () => setTown((c) => (c === r.townCode ? undefined : r.townCode)) })}
          summary={() =>
            sum ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('payroll.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {sum.lines}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {fenToYuan(sum.grossFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {fenToYuan(sum.deductionFen)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {fenToYuan(sum.netFen)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
        {review?.byKind.length ? (
          <Typography.Paragraph style={{ marginTop: 8 }}>
            {review.byKind.map((k) => (
              <Tag key={k.kind}>
                {t(`payroll.kinds.${k.kind}`)}: {k.lines} / {fenToYuan(k.netFen)}
              </Tag>
            ))}
          </Typography.Paragraph>
        ) : null}
      </Card>
      <Card size="small" title={t('payroll.changesTitle')} style={{ marginTop: 16 }}>
        {review && !review.previousRunId ? (
          <Alert type="info" showIcon title={t('payroll.noPrevious')} />
        ) : review ? (
          <Tabs
            items={[
              changeTab('newCases', review.newCases),
              changeTab('stoppedCases', review.stoppedCases),
              changeTab('changedCases', review.changedCases),
            ]}
          />
        ) : null}
      </Card>
      <PayrollLines run={run} town={town} reloadKey={reloadKey} townName={townName} />
    </>
  );
}

function PayrollLines({
  run,
  town,
  reloadKey,
  townName,
}: Props & { town: string | undefined; townName: (code: string) => string }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [items, setItems] = useState<PayrollLineView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    void reloadKey;
    let alive = true;
    setLoading(true);
    payrollApi
      .lines(run.id, { ...pageToOffset(page.current, page.pageSize), townCode: town })
      .then((r) => {
        if (!alive) return;
        setItems(r.items);
        setTotal(r.total);
      })
      .catch((e) => alive && notifyError(e))
      .finally(() => alive && setLoading(false));
    return () => {
      alive = false;
    };
  }, [run.id, page, town, reloadKey, notifyError]);

  const columns: TableColumnsType<PayrollLineView> = [
    { title: t('payroll.caseNo'), dataIndex: 'caseNo', width: 170 },
    {
      title: t('payroll.payee'),
      dataIndex: 'payeeNameMask',
      width: 160,
      // §5.4: centralised support goes to the institution, for the person named.
      render: (v: string | null, r) =>
        r.payee === 'INSTITUTION' ? `${r.institutionName ?? ''}（${v ?? '—'}）` : (v ?? '—'),
    },
    { title: t('payroll.town'), dataIndex: 'townCode', width: 140, render: (v: string) => townName(v) },
    {
      title: t('payroll.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: (typeof KINDS)[number]) => <Tag>{t(`payroll.kinds.${v}`)}</Tag>,
    },
    { title: t('payroll.item'), dataIndex: 'item', width: 160, render: (v: string) => v || '—' },
    { title: t('payroll.gross'), dataIndex: 'grossFen', align: 'right', render: (v: number) => fenToYuan(v) },
    {
      title: t('payroll.deduction'),
      dataIndex: 'deductionFen',
      align: 'right',
      render: (v: number) => fenToYuan(v),
    },
    { title: t('payroll.net'), dataIndex: 'netFen', align: 'right', render: (v: number) => fenToYuan(v) },
    {
      title: t('payroll.reason'),
      dataIndex: 'reason',
      render: (v: Record<string, unknown>) => (
        <Typography.Text ellipsis={{ tooltip: JSON.stringify(v) }} style={{ maxWidth: 220 }}>
          {String(v.rule ?? '')}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={town ? t('payroll.linesOfTown', { town: townName(town) }) : t('payroll.linesTitle')}
    >
      <Table<PayrollLineView>
        rowKey={(r) => `${r.caseId}|${r.kind}|${r.item}`}
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        scroll={{ x: 1200 }}
        data-testid="payroll-lines"
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total,
          showSizeChanger: true,
          onChange: (current, pageSize) => setPage({ current, pageSize }),
        }}
      />
    </Card>
  );
}
