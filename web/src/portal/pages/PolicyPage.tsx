// 码上知: one policy — what it gives, who qualifies, how to apply, the legal basis and whom to call.
import { Button, Card, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { MONITORED_CATEGORIES, type MonitoredCategory } from '../../../../contracts/monitoring.ts';
import { POLICY_DEPARTMENTS } from '../../../../contracts/policies.ts';
import { useLang } from '../../lib/lang.ts';
import { contactParts, schemeOfPolicy } from '../model.ts';
import { portalApi } from '../portalApi.ts';
import { LoadError, Loading, PortalPage, useLoad } from '../ui.tsx';

function Section({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="hjp-section" data-testid={testId}>
      <h2 className="hjp-h2">{title}</h2>
      <div className="hjp-prose">{children}</div>
    </section>
  );
}

export function ContactLine({ contact }: { contact: string }) {
  return (
    <>
      {contactParts(contact).map((p, i) =>
        p.tel ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <a key={i} href={p.tel} data-testid="policy-tel">
            {p.text}
          </a>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

export function PolicyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { code = '' } = useParams();
  const { data: p, error, loading, reload } = useLoad((signal) => portalApi.policy(code, signal), [code]);
  const scheme = p ? schemeOfPolicy(p.code) : null;

  return (
    <PortalPage title={t('portal.policy.title')} docTitle={p?.name} testId="portal-policy">
      <LoadError error={error} onRetry={reload} />
      {loading && !p ? <Loading /> : null}
      {p ? (
        <Card data-testid="policy-detail">
          <h2 className="hjp-policy-name" data-testid="policy-name">
            {p.name}
          </h2>
          <Tag color="blue">{POLICY_DEPARTMENTS[p.departmentCode]?.[lang] ?? p.departmentName}</Tag>
          <p className="hjp-prose">{p.summary}</p>
          <Section title={t('portal.policy.benefit')} testId="policy-benefit">
            {p.benefit}
          </Section>
          <Section title={t('portal.policy.who')} testId="policy-eligibility">
            {p.eligibilityText}
            {p.targetCategories.length > 0 ? (
              <div className="hjp-tags">
                {p.targetCategories.map((c) => (
                  <Tag key={c}>{MONITORED_CATEGORIES[c as MonitoredCategory]?.[lang] ?? c}</Tag>
                ))}
              </div>
            ) : null}
          </Section>
          <Section title={t('portal.policy.how')} testId="policy-how">
            {p.howToApply}
          </Section>
          <Section title={t('portal.policy.basis')} testId="policy-basis">
            {p.legalBasis}
          </Section>
          <Section title={t('portal.policy.contact')} testId="policy-contact">
            <ContactLine contact={p.contact} />
          </Section>
          <div className="hjp-actions">
            {scheme ? (
              <Link to={`/portal/apply?scheme=${scheme}`}>
                <Button type="primary" block data-testid="policy-apply">
                  {t('portal.policy.applyOnline')}
                </Button>
              </Link>
            ) : null}
            <Link to="/portal/self-check">
              <Button block data-testid="policy-self-check">
                {t('portal.policy.selfCheck')}
              </Button>
            </Link>
          </div>
        </Card>
      ) : null}
    </PortalPage>
  );
}
