// 办理过程: every recorded step, oldest first — date, step, actor and role, state change, opinion,
// the payload's highlights (investigators, visit mode, position, amounts…) and the attachments.
import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, type Role } from '../../../../contracts/roles.ts';
import type { CaseDetail, CaseEventView } from '../../api/cases.ts';
import { relationLabel } from '../../lib/codes.ts';
import { fenToYuan, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { eventKey, fieldKey, optionKey, stateColor, stateKey } from './caseModel.ts';

const YUAN = new Set(['amountFen', 'obtainedFen', 'monthlyAmountFen', 'newAmountFen']);
const HIDDEN = new Set(['facts', 'visitedAt', 'expectedVersion']);

export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const sep = lang === 'en' ? ': ' : '：';
  const label = (key: string, fallback: string) => (i18n.exists(key) ? t(key as 'cases.title') : fallback);
  const member = (id: string) => {
    const m = detail.members.find((x) => x.personId === id);
    return m ? `${m.nameMask}（${relationLabel(m.relationCode)}）` : id.slice(0, 8);
  };

  const value = (k: string, v: unknown): string => {
    if (v === null || v === undefined) return '—';
    if (YUAN.has(k) && typeof v === 'number') return `${fenToYuan(v)} 元`;
    if (k === 'personId' && typeof v === 'string') return member(v);
    if (k === 'gps' && typeof v === 'object') {
      const g = v as { lat: number; lng: number; accuracyM?: number };
      return `${g.lat}, ${g.lng}${g.accuracyM === undefined ? '' : ` (±${Math.round(g.accuracyM)} m)`}`;
    }
    if (Array.isArray(v)) return v.map((x) => value(k, x)).join('、');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'string') return label(optionKey(k, v), v);
    return JSON.stringify(v);
  };

  const role = (r: string) => {
    const n = ROLE_NAMES[r as Role];
    return n ? (lang === 'en' ? n.en : n.zh) : r;
  };

  if (detail.timeline.length === 0) return <Empty description={t('cases.detail.noTimeline')} />;

  const item = (e: CaseEventView) => {
    const entries = Object.entries(e.payload).filter(([k]) => !HIDDEN.has(k));
    const changed = e.stateBefore !== e.stateAfter;
    return {
      key: e.seq,
      color: changed ? stateColor(e.stateAfter) : 'gray',
      content: (
        <div data-testid={`timeline-${e.type}`}>
          <Typography.Text strong>{label(eventKey(e.type), e.type)}</Typography.Text>{' '}
          {changed && (
            <Tag color={stateColor(e.stateAfter)}>{label(stateKey(e.stateAfter), e.stateAfter)}</Tag>
          )}
          <div style={{ color: 'rgba(0,0,0,0.55)', fontSize: 13 }}>
            {e.on} · {t('cases.detail.by')}
            {sep}
            {e.actorName}（{role(e.actorRole)}） · {formatDateTime(e.recordedAt)}
          </div>
          {e.opinion && (
            <div>
              <Typography.Text type="secondary">
                {t('cases.fields.opinion')}
                {sep}
              </Typography.Text>
              {e.opinion}
            </div>
          )}
          {entries.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {entries.map(([k, v]) => (
                <li key={k}>
                  <Typography.Text type="secondary">
                    {label(fieldKey(k), k)}
                    {sep}
                  </Typography.Text>
                  {value(k, v)}
                </li>
              ))}
              {'facts' in e.payload && <li>{t('cases.form.facts')}</li>}
            </ul>
          )}
          {e.attachments.length > 0 && (
            <div>
              <Typography.Text type="secondary">
                {t('cases.detail.attachments')}
                {sep}
              </Typography.Text>
              {e.attachments.map((a) => (
                <Tag key={a.id}>
                  {a.kind} · {a.filename}
                </Tag>
              ))}
            </div>
          )}
        </div>
      ),
    };
  };

  return <Timeline data-testid="case-timeline" items={detail.timeline.map(item)} />;
}
