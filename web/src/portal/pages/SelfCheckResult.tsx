// The self-check's answer: the 民政 schemes with the estimate and reasons, then the catalogue's
// policies with who in the household they concern and why, each linking on.
import { Button, Card, Empty, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { POLICY_DEPARTMENTS } from '../../../../contracts/policies.ts';
import { fenToYuan } from '../../lib/format.ts';
import { isPortalScheme, memberNumbers, schemeOfPolicy } from '../model.ts';
import type { SelfCheckResult } from '../portalApi.ts';

export function SelfCheckResultView({
  result,
  lang,
  onRestart,
}: {
  result: SelfCheckResult;
  lang: 'zh' | 'en';
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const who = (forMembers: number[]) => {
    const ns = memberNumbers(forMembers);
    if (ns.length === 0) return t('portal.selfCheck.forHousehold');
    const sep = lang === 'en' ? ', ' : '、';
    return t('portal.selfCheck.forMembers', {
      members: ns.map((n) => t('portal.selfCheck.memberN', { n })).join(sep),
    });
  };
  return (
    <div data-testid="selfcheck-result">
      <p className="hjp-muted">{t('portal.selfCheck.asOf', { date: result.asOf.slice(0, 10) })}</p>

      <h2 className="hjp-h2">{t('portal.selfCheck.schemes')}</h2>
      <div className="hjp-stack">
        {result.schemes.map((s) => (
          <Card key={s.scheme} size="small" data-testid="selfcheck-scheme" data-scheme={s.scheme}>
            <div className="hjp-row hjp-wrap">
              <span className="hjp-card-title hjp-grow">{lang === 'en' ? s.nameEn : s.name}</span>
              <Tag color={s.mayApply ? 'green' : 'default'} data-testid="selfcheck-scheme-verdict">
                {s.mayApply ? t('portal.selfCheck.mayApply') : t('portal.selfCheck.notApply')}
              </Tag>
            </div>
            {s.mayApply && s.monthlyAmountFen !== null ? (
              <p className="hjp-amount" data-testid="selfcheck-amount">
                {t('portal.selfCheck.estimate', { amount: fenToYuan(s.monthlyAmountFen) })}
              </p>
            ) : null}
            {s.reasons.length > 0 ? (
              <ul className="hjp-list">
                {s.reasons.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: reasons are a fixed list and may repeat
                  <li key={i}>{lang === 'en' ? r.en : r.zh}</li>
                ))}
              </ul>
            ) : null}
            {s.mayApply && isPortalScheme(s.scheme) ? (
              <Link to={`/portal/apply?scheme=${s.scheme}`}>
                <Button type="primary" block className="hjp-top" data-testid={`selfcheck-apply-${s.scheme}`}>
                  {t('portal.selfCheck.applyOnline')}
                </Button>
              </Link>
            ) : null}
          </Card>
        ))}
      </div>

      <h2 className="hjp-h2">{t('portal.selfCheck.policies')}</h2>
      {result.policies.length === 0 ? <Empty description={t('portal.selfCheck.noPolicies')} /> : null}
      <div className="hjp-stack">
        {result.policies.map((p) => {
          const scheme = schemeOfPolicy(p.code);
          return (
            <Card key={p.code} size="small" data-testid="selfcheck-policy" data-code={p.code}>
              <div className="hjp-card-title">{p.name}</div>
              <Tag color="blue">{POLICY_DEPARTMENTS[p.departmentCode]?.[lang] ?? p.departmentName}</Tag>
              <p className="hjp-card-text">{who(p.forMembers)}</p>
              {p.why ? <p className="hjp-card-text hjp-muted">{p.why}</p> : null}
              <p className="hjp-card-text">{p.benefit}</p>
              <div className="hjp-row hjp-wrap">
                <Link
                  to={`/portal/policies/${encodeURIComponent(p.code)}`}
                  data-testid="selfcheck-policy-link"
                >
                  {t('portal.selfCheck.viewPolicy')} ›
                </Link>
                {scheme ? (
                  <Link
                    to={`/portal/apply?scheme=${scheme}`}
                    data-testid={`selfcheck-policy-apply-${scheme}`}
                  >
                    {t('portal.selfCheck.applyOnline')} ›
                  </Link>
                ) : null}
              </div>
            </Card>
          );
        })}
      </div>
      <Button block className="hjp-top" onClick={onRestart} data-testid="selfcheck-restart">
        {t('portal.selfCheck.restart')}
      </Button>
    </div>
  );
}
