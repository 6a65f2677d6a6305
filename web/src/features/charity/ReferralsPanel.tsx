// Referrals: a worklist (unanswered first, by due date, overdue in red) with the organisation's
// answers — accept, decline with the reason, record help, close with feedback.
import { App, Button, Form, Input, Modal, Space, Switch, Table, type TableColumnsType, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { charityApi, type ReferralView } from '../../api/charity.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { useErrorNotifier } from '../../lib/errors.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { needLabel } from './charityLabels.ts';
import { DisburseModal } from './DisburseModal.tsx';

type Dialog = { kind: 'decline' | 'close' | 'disburse'; row: ReferralView } | null;

export function ReferralsPanel({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [rows, setRows] = useState<ReferralView[] | null>(null);
  const [openOnly, setOpenOnly] = useState(true);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [text, setText] = useState('');

  const load = useCallback(() => {
    charityApi
      .referrals({ open: openOnly || undefined, limit: 200 })
      .then((r) => setRows(r.items), notifyError);
  }, [openOnly, notifyError]);
  useEffect(load, [load]);

  const act = async (p: Promise<unknown>) => {
    try {
      await p;
      message.success(t('charity.form.saved'));
      setDialog(null);
      setText('');
      load();
    } catch (e) {
      notifyError(e);
    }
  };

  const columns: TableColumnsType<ReferralView> = [
    { title: t('charity.col.referredOn'), dataIndex: 'referredOn', width: 110 },
    {
      title: t('charity.col.dueOn'),
      key: 'due',
      width: 120,
      render: (_, r) => (r.overdue ? <Tag color="red">{`${r.dueOn} ${t('charity.overdue')}`}</Tag> : r.dueOn),
    },
    {
      title: t('charity.col.household'),
      key: 'hh',
      // The charity role has no access to the registry: the household number is plain text for it.
      render: (_, r) =>
        actor.role === 'charity' ? (
          r.householdNo
        ) : (
          <Link to={`/households/${r.householdId}`}>{r.householdNo}</Link>
        ),
    },
    { title: t('charity.col.person'), dataIndex: 'personName' },
    {
      title: t('charity.col.org'),
      key: 'org',
      render: (_, r) => `${r.orgName}${r.projectName ? ` · ${r.projectName}` : ''}`,
    },
    { title: t('charity.col.need'), key: 'need', render: (_, r) => needLabel(r.need, lang) },
    {
      title: t('charity.col.source'),
      key: 'src',
      render: (_, r) =>
        r.caseNo
          ? `${t('charity.fromCase')} ${r.caseNo}`
          : r.alertId
            ? t('charity.fromAlert')
            : t('charity.direct'),
    },
    {
      title: t('charity.col.state'),
      key: 'state',
      render: (_, r) => <Tag>{t(`charity.states.${r.state}`)}</Tag>,
    },
    {
      title: t('charity.col.disbursed'),
      key: 'fen',
      align: 'right',
      render: (_, r) => fenToYuan(r.disbursedFen),
    },
    ...(manage
      ? [
          {
            key: 'act',
            render: (_: unknown, r: ReferralView) => (
              <Space size="small" wrap>
                {r.state === 'REFERRED' && (
                  <>
                    <Button
                      size="small"
                      onClick={() =>
                        void act(charityApi.answer(r.id, { decision: 'ACCEPT', version: r.version }))
                      }
                    >
                      {t('charity.actions.accept')}
                    </Button>
                    <Button size="small" danger onClick={() => setDialog({ kind: 'decline', row: r })}>
                      {t('charity.actions.decline')}
                    </Button>
                  </>
                )}
                {(r.state === 'ACCEPTED' || r.state === 'DISBURSED') && (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDialog({ kind: 'disburse', row: r })}
                    >
                      {t('charity.actions.disburse')}
                    </Button>
                    <Button size="small" onClick={() => setDialog({ kind: 'close', row: r })}>
                      {t('charity.actions.close')}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={openOnly} onChange={setOpenOnly} />
        {t('charity.form.openOnly')}
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={columns}
        data-testid="charity-referrals"
      />
      {(dialog?.kind === 'decline' || dialog?.kind === 'close') && (
        <Modal
          open
          title={dialog.kind === 'decline' ? t('charity.actions.decline') : t('charity.actions.close')}
          onCancel={() => setDialog(null)}
          onOk={() =>
            void act(
              dialog.kind === 'decline'
                ? charityApi.answer(dialog.row.id, {
                    decision: 'DECLINE',
                    reason: text,
                    version: dialog.row.version,
                  })
                : charityApi.close(dialog.row.id, text),
            )
          }
        >
          <Form layout="vertical">
            <Form.Item
              label={dialog.kind === 'decline' ? t('charity.form.reason') : t('charity.form.note')}
              required
            >
              <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} />
            </Form.Item>
          </Form>
        </Modal>
      )}
      {dialog?.kind === 'disburse' && (
        <DisburseModal
          referral={dialog.row}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            load();
          }}
        />
      )}
    </>
  );
}
