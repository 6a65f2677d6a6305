// One run's change list, read from the server page by page: case, old → new amount, difference,
// from which month, back-pay; a case that no longer qualifies is marked for the town's review.
import { Alert, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entitlementsApi, type RecalcChangeView, type RecalcRunView } from '../../api/entitlements.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { signedYuan } from './RecalcRunsTable.tsx';
import { differenceFen, isKnownScheme, monthOf, pageToOffset, type RecalcScheme } from './recalcModel.ts';

/** Rendered with `key={run.id}`: another run starts on its first page. */
type Props = { run: RecalcRunView; reloadKey: number };

export function RecalcChanges({ run, reloadKey }: Props) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const { tree } = useDivisionTree();
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const [items, setItems] = useState<RecalcChangeView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    void reloadKey; // a reload (after a decision) asks again
    let alive = true;
    setLoading(true);
    entitlementsApi
      .changes(run.id, pageToOffset(page.current, page.pageSize))
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
  }, [run.id, page, reloadKey, notifyError]);

  const columns: TableColumnsType<RecalcChangeView> = [
    { title: t('recalc.caseNo'), dataIndex: 'caseNo', width: 180 },
    {
      title: t('recalc.scheme'),
      dataIndex: 'scheme',
      width: 110,
      render: (v: string) => (isKnownScheme(v) ? t(`recalc.schemes.${v as RecalcScheme}`) : v),
    },
    {
      title: t('recalc.village'),
      dataIndex: 'villageCode',
      width: 170,
      render: (v: string) => <span title={v}>{findDivision(tree, v)?.name ?? v}</span>,
    },
    {
      title: t('recalc.oldAmount'),
      dataIndex: 'oldFen',
      align: 'right',
      width: 130,
      render: (v: number) => fenToYuan(v),
    },
    {
      title: t('recalc.newAmount'),
      dataIndex: 'newFen',
      align: 'right',
      width: 130,
      render: (v: number, c) =>
        c.outcome === 'INELIGIBLE' ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Typography.Text strong>{fenToYuan(v)}</Typography.Text>
        ),
    },
    {
      title: t('recalc.difference'),
      key: 'difference',
      align: 'right',
      width: 130,
      render: (_, c) => {
        if (c.outcome === 'INELIGIBLE')
          return (
            <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="recalc-ineligible">
              {t('recalc.ineligible')}
            </Tag>
          );
        const d = differenceFen(c);
        return <Typography.Text type={d < 0 ? 'danger' : 'success'}>{signedYuan(d)}</Typography.Text>;
      },
    },
    {
      title: t('recalc.appliesFrom'),
      dataIndex: 'appliesFrom',
      width: 120,
      render: (v: string) => monthOf(v),
    },
    { title: t('recalc.backPayMonths'), dataIndex: 'backPayMonths', align: 'right', width: 90 },
    {
      title: t('recalc.backPayAmount'),
      dataIndex: 'backPayFen',
      align: 'right',
      width: 120,
      render: (v: number) => fenToYuan(v),
    },
  ];

  return (
    <>
      {run.status === 'FAILED' ? (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('recalc.failed')} />
      ) : null}
      {run.status === 'SUPERSEDED' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('recalc.superseded')} />
      ) : null}
      <Table<RecalcChangeView>
        rowKey="caseId"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={items}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('recalc.noChanges') }}
        data-testid="recalc-changes"
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => t('common.total', { count: n }),
          onChange: (current, pageSize) =>
            setPage((p) => ({ current: pageSize !== p.pageSize ? 1 : current, pageSize })),
        }}
      />
    </>
  );
}
