// 时限与复核提醒 above the worklist: the standing reminders of the caller's jurisdiction (raised by the
// daily job), counted by kind, the first few linking to their case. Hidden when there are none.
import { Collapse, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SCHEME_NAMES } from '../../../../contracts/cases.ts';
import { casesApi, type Reminder, type ReminderKind } from '../../api/cases.ts';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useLang } from '../../lib/lang.ts';
import { stateKey } from './caseModel.ts';

const KINDS = ['OVERDUE', 'DUE_SOON', 'REVIEW_DUE'] as const satisfies readonly ReminderKind[];
const KIND_COLOR: Record<ReminderKind, string> = { OVERDUE: 'red', DUE_SOON: 'orange', REVIEW_DUE: 'blue' };
/** The server's page limit: the counts by kind are over these; the total is the server's. */
const FETCH = 200;
const SHOWN = 10;

export function RemindersPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tree } = useDivisionTree();
  const [data, setData] = useState<{ total: number; items: Reminder[] } | null>(null);

  useEffect(() => {
    let alive = true;
    casesApi
      .reminders({ offset: 0, limit: FETCH })
      .then((r) => alive && setData(r))
      // Supplementary to the worklist: a failure leaves the panel hidden rather than raising a second error.
      .catch(() => alive && setData(null));
    return () => {
      alive = false;
    };
  }, []);

  if (!data || data.total === 0 || data.items.length === 0) return null;
  const counts = new Map<string, number>();
  for (const r of data.items) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  const kindTag = (k: ReminderKind) => (
    <Tag color={KIND_COLOR[k] ?? 'default'}>{t(`cases.reminders.kinds.${k}`, { defaultValue: k })}</Tag>
  );
  const shown = data.items.slice(0, SHOWN);

  return (
    <Collapse
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="reminders-panel"
      items={[
        {
          key: 'reminders',
          label: (
            <Space wrap size={4}>
              <Typography.Text strong>{t('cases.reminders.title')}</Typography.Text>
              {KINDS.filter((k) => counts.has(k)).map((k) => (
                <Tag key={k} color={KIND_COLOR[k]} data-testid={`reminders-${k}`}>
                  {t(`cases.reminders.kinds.${k}`)} {counts.get(k)}
                </Tag>
              ))}
              <Typography.Text type="secondary">
                {t('cases.reminders.total', { count: data.total })}
              </Typography.Text>
            </Space>
          ),
          children: (
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              {shown.map((r) => (
                <Space key={r.id} wrap size={8} data-testid="reminder-item">
                  {kindTag(r.kind)}
                  <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link>
                  <span>
                    {SCHEME_NAMES[r.scheme] ? SCHEME_NAMES[r.scheme][lang === 'en' ? 'en' : 'zh'] : r.scheme}
                  </span>
                  <span>{findDivision(tree, r.villageCode)?.name ?? r.villageCode}</span>
                  <Typography.Text type="secondary">
                    {t(stateKey(r.state), { defaultValue: r.state })}
                  </Typography.Text>
                  <Typography.Text type={r.kind === 'OVERDUE' ? 'danger' : undefined}>
                    {t('cases.reminders.dueOn', { date: r.dueOn })}
                  </Typography.Text>
                </Space>
              ))}
              {data.total > shown.length && (
                <Typography.Text type="secondary">
                  {t('cases.reminders.more', { count: data.total - shown.length })}
                </Typography.Text>
              )}
            </Space>
          ),
        },
      ]}
    />
  );
}
