// 办理过程: every recorded step, oldest first — date, step, actor and role, state change, opinion,
// the payload's highlights (investigators, visit mode, position, amounts…) and the attachments.
import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ROLE_NAMES, type Role } from '../../../../contracts/roles.ts';
import type { CaseDetail, CaseEventView } from '../../api/cases.ts';
import { relationLabel } from '../../lib/codes.ts';
import { fenToYuan, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { eventKey, fieldKey, optionKey, stateColor, stateKey } from './caseModel.ts';

// Shown on their own lines below (facts as a note; effects and the check report in words), kept
// for the 救助金 panel (a decision's calculation is its entitlement's breakdown), or bookkeeping.
const HIDDEN = new Set(['facts', 'visitedAt', 'expectedVersion', 'effects', 'checkReport', 'breakdown']);
/** Effect fields that say nothing the case page does not (the case's own town). */
const EFFECT_HIDDEN = new Set(['type', 'township']);
/** Dates of an effect in the order they happen (a stored payload's keys come in any order). */
const EFFECT_ORDER = ['t0', 'overallDue', 'firstDay', 'lastDay', 'payBy', 'paidAt'];
const effectRank = (k: string) => (EFFECT_ORDER.includes(k) ? EFFECT_ORDER.indexOf(k) : EFFECT_ORDER.length);

type Effect = { type: string } & Record<string, unknown>;
type CheckReportRef = { id: string; version: number; reportNo: string };

const effectsOf = (payload: Record<string, unknown>): Effect[] =>
  Array.isArray(payload.effects)
    ? (payload.effects as unknown[]).filter(
        (e): e is Effect => typeof e === 'object' && e !== null && typeof (e as Effect).type === 'string',
      )
    : [];

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
    // Every money field's label says 元 already.
    if (k.endsWith('Fen') && typeof v === 'number') return fenToYuan(v);
    if (k === 'proxy' && typeof v === 'object') {
      const x = v as { type: string; name: string; authorizationRef: string };
      const how = label(`cases.application.proxyTypes.${x.type}`, x.type);
      return lang === 'en'
        ? `${x.name} (${how}; ${x.authorizationRef})`
        : `${x.name}（${how}，${x.authorizationRef}）`;
    }
    if (k === 'spotCheck' && typeof v === 'object') {
      const d = v as { rate: number; selected: boolean };
      const rate = Math.round(d.rate * 1000) / 10;
      return t(d.selected ? 'cases.spotDrawn' : 'cases.spotNotDrawn', { rate });
    }
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

  /** What the system did as the step's consequence, in words: "办理时限起算（起算日：…，办结时限：…）". */
  const effectText = (x: Effect) => {
    const parts = Object.entries(x)
      .filter(([k, v]) => !EFFECT_HIDDEN.has(k) && v !== null && v !== undefined)
      .sort(([a], [b]) => effectRank(a) - effectRank(b))
      .map(([k, v]) => `${label(fieldKey(k), k)}${sep}${value(k, v)}`);
    const name = label(`cases.effects.${x.type}`, x.type);
    if (parts.length === 0) return name;
    return lang === 'en' ? `${name} (${parts.join('; ')})` : `${name}（${parts.join('，')}）`;
  };

  const item = (e: CaseEventView) => {
    const entries = Object.entries(e.payload).filter(([k]) => !HIDDEN.has(k));
    const effects = effectsOf(e.payload);
    const report = e.payload.checkReport as CheckReportRef | undefined;
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
          {(report || effects.length > 0) && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {report && (
                <li>
                  <Typography.Text type="secondary">
                    {t('cases.checkReport')}
                    {sep}
                  </Typography.Text>
                  <Link to={`/checks/${report.id}`}>{report.reportNo}</Link>{' '}
                  {t('cases.checkReportVersion', { version: report.version })}
                </li>
              )}
              {effects.map(effectText).map((text) => (
                <li key={text} data-testid="timeline-effect">
                  <Tag>{t('cases.effects.title')}</Tag>
                  {text}
                </li>
              ))}
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
