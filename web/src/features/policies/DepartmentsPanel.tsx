// 部门: the departments with their contact line, answer deadline, policy count and pending / overdue
// referrals; the district administrator edits them and links department-liaison accounts.
import { App, Button, Form, Input, InputNumber, Modal, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../api/client.ts';
import { type DepartmentInput, type DepartmentView, policiesApi } from '../../api/policies.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { DepartmentUsersModal } from './DepartmentUsersModal.tsx';

type Dialog = { kind: 'edit' | 'users'; row: DepartmentView } | null;

export function DepartmentsPanel({ manage, manageUsers }: { manage: boolean; manageUsers: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [rows, setRows] = useState<DepartmentView[] | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [form] = Form.useForm<DepartmentInput>();

  const load = useCallback(() => {
    policiesApi.departments().then((r) => setRows(r.items), notifyError);
  }, [notifyError]);
  useEffect(load, [load]);

  const save = async (v: DepartmentInput) => {
    if (dialog?.kind !== 'edit') return;
    setIssues([]);
    try {
      await policiesApi.updateDepartment(dialog.row.code, v);
      message.success(t('policies.departments.saved'));
      setDialog(null);
      load();
    } catch (e) {
      setIssues(reportFormError(form, e, lang, notifyError));
    }
  };

  const columns: TableColumnsType<DepartmentView> = [
    {
      title: t('policies.departments.name'),
      key: 'name',
      render: (_, d) => (lang === 'en' && d.nameEn ? d.nameEn : d.name),
    },
    { title: t('policies.col.phone'), dataIndex: 'contactPhone' },
    { title: t('policies.col.answerDays'), dataIndex: 'answerWorkingDays', align: 'right', width: 150 },
    { title: t('policies.col.policyCount'), dataIndex: 'policyCount', align: 'right', width: 90 },
    { title: t('policies.col.pending'), dataIndex: 'pendingReferrals', align: 'right', width: 100 },
    {
      title: t('policies.col.overdue'),
      dataIndex: 'overdueReferrals',
      align: 'right',
      width: 80,
      render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : n),
    },
    ...(manage || manageUsers
      ? [
          {
            key: 'act',
            width: 200,
            render: (_: unknown, d: DepartmentView) => (
              <Space size="small">
                {manage && (
                  <Button
                    size="small"
                    data-testid="department-edit"
                    onClick={() => {
                      setIssues([]);
                      form.setFieldsValue({
                        name: d.name,
                        nameEn: d.nameEn,
                        contactPhone: d.contactPhone,
                        answerWorkingDays: d.answerWorkingDays,
                      });
                      setDialog({ kind: 'edit', row: d });
                    }}
                  >
                    {t('policies.actions.edit')}
                  </Button>
                )}
                {manageUsers && (
                  <Button
                    size="small"
                    data-testid="department-users"
                    onClick={() => setDialog({ kind: 'users', row: d })}
                  >
                    {t('policies.actions.users')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const required = [{ required: true, whitespace: true, message: t('policies.form.required') }];
  return (
    <>
      <Table
        rowKey="code"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={columns}
        pagination={false}
        onRow={(d) =>
          ({ 'data-testid': 'department-row', 'data-code': d.code }) as React.HTMLAttributes<HTMLElement>
        }
        data-testid="department-table"
      />
      {dialog?.kind === 'edit' && (
        <Modal
          open
          title={t('policies.departments.editTitle', { name: dialog.row.name })}
          onOk={() => form.submit()}
          onCancel={() => setDialog(null)}
          okText={t('common.save')}
          forceRender
        >
          <FormIssues issues={issues} />
          <Form form={form} layout="vertical" onFinish={save}>
            <Form.Item name="name" label={t('policies.departments.name')} rules={required}>
              <Input maxLength={60} />
            </Form.Item>
            <Form.Item name="nameEn" label={t('policies.departments.nameEn')}>
              <Input maxLength={120} />
            </Form.Item>
            <Form.Item name="contactPhone" label={t('policies.departments.phone')}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item
              name="answerWorkingDays"
              label={t('policies.departments.answerDays')}
              extra={t('policies.departments.answerDaysHelp')}
              rules={[{ required: true, message: t('policies.form.required') }]}
            >
              <InputNumber min={1} max={60} precision={0} />
            </Form.Item>
          </Form>
        </Modal>
      )}
      {dialog?.kind === 'users' && (
        <DepartmentUsersModal
          department={dialog.row}
          onClose={() => {
            setDialog(null);
            load();
          }}
        />
      )}
    </>
  );
}
