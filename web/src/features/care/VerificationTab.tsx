// The town's monthly verification (§5.4; §2.3 the town checks): per contract, sampled visits are
// confirmed or rejected, satisfaction calls recorded, then "verify month" freezes the payment basis
// the CARE payroll pays to the provider.
import { Button, DatePicker, Descriptions, Drawer, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_RESULTS } from '../../../../contracts/care.ts';
import { careApi, type MonthRow, type VerificationView } from '../../api/care.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';

const lastMonth = () => dayjs().subtract(1, 'month').startOf('month');

export function VerificationTab({ verify }: { verify: boolean }) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [month, setMonth] = useState<Dayjs>(lastMonth);
  const [rows, setRows] = useState<MonthRow[] | null>(null);
  const [open, setOpen] = useState<VerificationView | null>(null);
  const m = month.format('YYYY-MM-01');
  const load = useCallback(() => {
    careApi
      .months(m)
      .then((r) => setRows(r.items))
      .catch(notifyError);
  }, [m, notifyError]);
  useEffect(load, [load]);
  const show = (r: MonthRow) =>
    (r.verificationId ? careApi.verification(r.verificationId) : careApi.openMonth(r.contractId, m))
      .then(setOpen)
      .catch(notifyError);
  const act = (p: Promise<VerificationView>) =>
    p
      .then((v) => {
        setOpen(v);
        load();
      })
      .catch(notifyError);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        {t('care.fields.month')}
        <DatePicker
          picker="month"
          value={month}
          onChange={(v) => v && setMonth(v.startOf('month'))}
          allowClear={false}
          data-testid="care-month"
        />
      </Space>
      <Table
        rowKey="contractId"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={[
          { title: t('care.fields.contractNo'), dataIndex: 'contractNo' },
          { title: t('care.fields.provider'), dataIndex: 'providerName' },
          {
            title: t('care.fields.serviceType'),
            dataIndex: 'serviceType',
            render: (s: string) => t(`care.services.${s}` as never),
          },
          {
            title: t('care.fields.status'),
            dataIndex: 'status',
            render: (s: string | null) => (
              <Tag color={s === 'VERIFIED' ? 'green' : s ? 'blue' : undefined}>
                {t(`care.verification.${s ?? 'none'}` as never)}
              </Tag>
            ),
          },
          {
            title: t('care.fields.basis'),
            dataIndex: 'basisFen',
            align: 'right',
            render: (f: number | null, r) => (r.status === 'VERIFIED' ? fenToYuan(f) : '—'),
          },
          {
            key: 'go',
            render: (_, r) =>
              r.verificationId || verify ? (
                <Button size="small" data-testid={`care-verify-open-${r.contractNo}`} onClick={() => show(r)}>
                  {t(r.verificationId ? 'care.verification.view' : 'care.verification.open')}
                </Button>
              ) : null,
          },
        ]}
      />
      {open && <VerificationDrawer v={open} verify={verify} onClose={() => setOpen(null)} act={act} />}
    </>
  );
}

type DrawerProps = {
  v: VerificationView;
  verify: boolean;
  onClose: () => void;
  act: (p: Promise<VerificationView>) => void;
};

function VerificationDrawer({ v, verify, onClose, act }: DrawerProps) {
  const { t } = useTranslation();
  const draft = v.status === 'DRAFT' && verify;
  return (
    <Drawer
      open
      width={820}
      title={`${v.contractNo} · ${v.providerName} · ${v.month.slice(0, 7)}`}
      onClose={onClose}
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('care.fields.status')}>
          {t(`care.verification.${v.status}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('care.verification.total')}>
          <span data-testid="care-basis-total">{fenToYuan(v.basisFen)}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('care.verification.rule')}</Typography.Paragraph>
      <Typography.Title level={5}>{t('care.verification.samples')}</Typography.Title>
      <Table
        rowKey="visitId"
        size="small"
        pagination={false}
        dataSource={v.samples}
        columns={[
          { title: t('care.fields.persons'), dataIndex: 'personName' },
          { title: t('care.verification.visitOn'), dataIndex: 'visitOn' },
          { title: t('care.verification.minutes'), dataIndex: 'minutes' },
          {
            title: t('care.fields.status'),
            render: (_, s) =>
              draft ? (
                <Space>
                  <Button
                    size="small"
                    type={s.result === 'CONFIRMED' ? 'primary' : 'default'}
                    data-testid="care-sample-confirm"
                    onClick={() => act(careApi.checkSample(v.id, s.visitId, 'CONFIRMED', null))}
                  >
                    {t('care.verification.confirm')}
                  </Button>
                  <Button
                    size="small"
                    danger={s.result === 'REJECTED'}
                    onClick={() => act(careApi.checkSample(v.id, s.visitId, 'REJECTED', null))}
                  >
                    {t('care.verification.reject')}
                  </Button>
                </Space>
              ) : (
                t(`care.verification.results.${s.result}`)
              ),
          },
        ]}
      />
      <Typography.Title level={5}>{t('care.verification.calls')}</Typography.Title>
      <Table
        rowKey="coverageId"
        size="small"
        pagination={false}
        dataSource={v.lines}
        columns={[
          { title: t('care.fields.persons'), dataIndex: 'nameMask' },
          { title: t('care.verification.coveredDays'), dataIndex: 'coveredDays' },
          { title: t('care.verification.required'), dataIndex: 'requiredVisits' },
          { title: t('care.verification.recorded'), dataIndex: 'recordedVisits' },
          { title: t('care.verification.counted'), dataIndex: 'countedVisits' },
          {
            title: t('care.fields.basis'),
            dataIndex: 'basisFen',
            align: 'right',
            render: (f: number) => fenToYuan(f),
          },
          {
            title: t('care.verification.calls'),
            render: (_, l) =>
              draft ? (
                <Select
                  size="small"
                  style={{ width: 110 }}
                  value={l.call ?? undefined}
                  onChange={(r) => act(careApi.call(v.id, l.coverageId, r))}
                  options={CALL_RESULTS.map((r) => ({ value: r, label: t(`care.calls.${r}`) }))}
                />
              ) : l.call ? (
                t(`care.calls.${l.call}`)
              ) : (
                '—'
              ),
          },
        ]}
      />
      {draft && (
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          data-testid="care-verify-month"
          onClick={() => act(careApi.verify(v.id))}
        >
          {t('care.verification.verify')}
        </Button>
      )}
    </Drawer>
  );
}
