// A deadline with where it stands: red "overdue N days", orange "due today", or the days left.
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../lib/format.ts';
import { dueStatus } from './referralModel.ts';

export function DueTag({ dueOn, overdue, open }: { dueOn: string; overdue: boolean; open: boolean }) {
  const { t } = useTranslation();
  const s = dueStatus(dueOn, todayInShanghai(), overdue, open);
  return (
    <Space size={4} wrap>
      <span>{dueOn}</span>
      {s.kind === 'overdue' && (
        <Tag color="red" data-testid="overdue-tag">
          {t('policies.referrals.overdueTag', { days: s.days })}
        </Tag>
      )}
      {s.kind === 'today' && <Tag color="orange">{t('policies.referrals.dueToday')}</Tag>}
      {s.kind === 'open' && <Tag>{t('policies.referrals.dueIn', { days: s.days })}</Tag>}
    </Space>
  );
}
