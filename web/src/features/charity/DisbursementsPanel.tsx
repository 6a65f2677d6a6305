// 帮扶发放: what the organisation (or every organisation, for the district) has given.
import { Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { charityApi, type DisbursementView } from '../../api/charity.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';

export function DisbursementsPanel(_: { manage: boolean }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [rows, setRows] = useState<DisbursementView[] | null>(null);
  useEffect(() => {
    charityApi.disbursements().then((r) => setRows(r.items), notifyError);
  }, [notifyError]);
  const columns: TableColumnsType<DisbursementView> = [
    { title: t('charity.col.on'), dataIndex: 'on', width: 110 },
    { title: t('charity.col.household'), dataIndex: 'householdNo' },
    { title: t('charity.col.person'), dataIndex: 'personName' },
    { title: t('charity.col.org'), key: 'o', render: (_, d) => `${d.orgName} · ${d.projectName}` },
    { title: t('charity.col.kind'), key: 'k', render: (_, d) => t(`charity.kinds.${d.kind}`) },
    { title: t('charity.col.item'), dataIndex: 'itemDescription' },
    { title: t('charity.col.value'), key: 'v', align: 'right', render: (_, d) => fenToYuan(d.valueFen) },
    { title: t('charity.col.referredBy'), dataIndex: 'recordedByName' },
  ];
  return <Table rowKey="id" size="small" loading={rows === null} dataSource={rows ?? []} columns={columns} />;
}
