// The county's bank-file layout (M5): which columns, in which order, under which header, and the
// file format. Saved per scheme; the bank's import template decides, the standard is the default.
import {
  App,
  Button,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BANK_COLUMN_HEADERS, type BankColumn, type BankColumnKey } from '../../../../contracts/bankfiles.ts';
import { type BankFileFormat, bankFilesApi } from '../../api/bankfiles.ts';
import type { PayrollSchemeCode } from '../../api/payroll.ts';
import { useErrorNotifier } from '../../lib/errors.ts';
import { missingColumns, moveColumn } from './bankFileModel.ts';

type Props = { open: boolean; scheme: PayrollSchemeCode; onClose: () => void };

export function BankLayoutEditor({ open, scheme, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [cols, setCols] = useState<BankColumn[]>([]);
  const [format, setFormat] = useState<BankFileFormat>('xlsx');
  const [isDefault, setIsDefault] = useState(true);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    bankFilesApi
      .layout(scheme)
      .then((l) => {
        setCols(l.columns);
        setFormat(l.format);
        setIsDefault(l.isDefault);
      })
      .catch(notifyError);
  }, [open, scheme, notifyError]);

  const save = async () => {
    setBusy(true);
    try {
      await bankFilesApi.saveLayout({ scheme, columns: cols, format });
      message.success(t('bankfiles.saved'));
      onClose();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  const setHeader = (i: number, header: string) =>
    setCols((c) => c.map((x, j) => (j === i ? { ...x, header } : x)));

  const columns: TableColumnsType<BankColumn> = [
    { title: '#', width: 40, render: (_, __, i) => i + 1 },
    {
      title: t('bankfiles.column'),
      dataIndex: 'key',
      width: 130,
      render: (k: BankColumnKey) => t(`bankfiles.keys.${k}`),
    },
    {
      title: t('bankfiles.header'),
      render: (_, r, i) => (
        <Input size="small" value={r.header} maxLength={30} onChange={(e) => setHeader(i, e.target.value)} />
      ),
    },
    {
      title: '',
      width: 190,
      render: (_, __, i) => (
        <Space size={4}>
          <Button size="small" disabled={i === 0} onClick={() => setCols((c) => moveColumn(c, i, -1))}>
            {t('bankfiles.moveUp')}
          </Button>
          <Button
            size="small"
            disabled={i === cols.length - 1}
            onClick={() => setCols((c) => moveColumn(c, i, 1))}
          >
            {t('bankfiles.moveDown')}
          </Button>
          <Button size="small" danger onClick={() => setCols((c) => c.filter((_, j) => j !== i))}>
            {t('bankfiles.remove')}
          </Button>
        </Space>
      ),
    },
  ];

  const addable = missingColumns(cols);
  return (
    <Modal
      open={open}
      width={720}
      title={t('bankfiles.layoutTitle', { scheme: t(`payroll.schemes.${scheme}`) })}
      okText={t('bankfiles.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {isDefault ? (
          <Typography.Text type="secondary">{t('bankfiles.layoutDefault')}</Typography.Text>
        ) : null}
        <Space>
          <span>{t('bankfiles.format')}</span>
          <Radio.Group
            value={format}
            onChange={(e) => setFormat(e.target.value as BankFileFormat)}
            options={[
              { value: 'xlsx', label: 'Excel (.xlsx)' },
              { value: 'csv', label: 'CSV (UTF-8)' },
            ]}
          />
        </Space>
        <Table<BankColumn> size="small" rowKey="key" columns={columns} dataSource={cols} pagination={false} />
        {addable.length > 0 ? (
          <Select<BankColumnKey>
            style={{ width: 220 }}
            placeholder={t('bankfiles.addColumn')}
            value={null}
            options={addable.map((k) => ({ value: k, label: t(`bankfiles.keys.${k}`) }))}
            onChange={(k) => setCols((c) => [...c, { key: k, header: BANK_COLUMN_HEADERS[k] }])}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
