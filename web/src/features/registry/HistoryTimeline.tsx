// 变更历史: who changed what, when and why, with before → after per field.
import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HouseholdDetail } from '../../api/types.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { formatHistoryValue } from './historyFormat.ts';

const ACTIONS = [
  'create',
  'household_updated',
  'member_added',
  'member_updated',
  'member_left',
  'head_changed',
  'income_investigated',
];
type KnownAction =
  | 'create'
  | 'household_updated'
  | 'member_added'
  | 'member_updated'
  | 'member_left'
  | 'head_changed'
  | 'income_investigated';
const COLORS: Record<string, string> = { create: 'green', member_left: 'red', head_changed: 'orange' };

export function HistoryTimeline({ items, detail }: { items: HistoryEntry[]; detail: HouseholdDetail }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const people = [...detail.members, ...detail.formerMembers];
  const personName = (id: string) => people.find((m) => m.personId === id || m.memberId === id)?.name ?? null;
  const ctx = { t, lang, personName };
  const sep = lang === 'en' ? ': ' : '：';

  if (items.length === 0) return <Empty description={t('household.noHistory')} />;
  const sorted = [...items].sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1));

  const fieldLabel = (f: string) =>
    i18n.exists(`history.fields.${f}`) ? t(`history.fields.${f}` as 'history.fields.address') : f;

  return (
    <Timeline
      data-testid="history-timeline"
      items={sorted.map((h) => {
        const action = ACTIONS.includes(h.action)
          ? t(`history.actions.${h.action as KnownAction}`)
          : h.action;
        const subject = h.entityType === 'household' ? null : personName(h.entityId);
        return {
          key: h.id,
          color: COLORS[h.action] ?? 'blue',
          content: (
            <div>
              <Typography.Text strong>
                {action}
                {subject ? ` · ${subject}` : ''}
              </Typography.Text>
              <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
                {formatDateTime(h.at)} · {t('history.by')}
                {sep}
                {h.actorName}
              </div>
              {h.reason && (
                <div>
                  {t('history.reason')}
                  {sep}
                  {h.reason}
                </div>
              )}
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {Object.entries(h.changes).map(([field, c]) => (
                  <li key={field}>
                    <Typography.Text type="secondary">
                      {fieldLabel(field)}
                      {sep}
                    </Typography.Text>
                    {c.before !== null && c.before !== undefined && (
                      <>
                        <Typography.Text delete>{formatHistoryValue(field, c.before, ctx)}</Typography.Text>
                        {' → '}
                      </>
                    )}
                    <Typography.Text>{formatHistoryValue(field, c.after, ctx)}</Typography.Text>
                  </li>
                ))}
              </ul>
            </div>
          ),
        };
      })}
    />
  );
}
