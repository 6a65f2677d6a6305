// A deadline: red with 已超期 when overdue, orange when due within 3 days.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../lib/format.ts';
import { type DeadlineTone, daysLeft, deadlineTone, TONE_COLORS } from './caseModel.ts';

export function DeadlineText({ deadline, overdue }: { deadline: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  const today = todayInShanghai();
  const tone: DeadlineTone = deadlineTone(deadline, overdue, today);
  if (!deadline) return <>—</>;
  return (
    <Typography.Text style={{ color: TONE_COLORS[tone] }} strong={tone !== 'normal'} data-tone={tone}>
      {deadline}
      {tone === 'overdue' && ` ${t('cases.overdue')}`}
      {tone === 'soon' && ` (${t('cases.dueSoon', { days: Math.max(0, daysLeft(deadline, today)) })})`}
    </Typography.Text>
  );
}
