// 办理进度: the applications submitted with this identity, each with its state and timeline.
import { Button, Card, Empty, Steps, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/client.ts';
import { useLang } from '../../lib/lang.ts';
import { IdentityStep } from '../IdentityStep.tsx';
import { type MyApplication, type PortalSession, portalApi, readSession } from '../portalApi.ts';
import { LoadError, Loading, PortalPage, useLoad } from '../ui.tsx';
import { SessionBar } from './ApplyPage.tsx';

export function TrackPage() {
  const { t } = useTranslation();
  const [session, setSession] = useState<PortalSession | null>(() => readSession());
  const [expired, setExpired] = useState(false);
  return (
    <PortalPage title={t('portal.track.title')} testId="portal-track">
      {session ? (
        <>
          <SessionBar session={session} onLogout={() => setSession(null)} />
          <MyApplications
            onExpired={() => {
              setSession(null);
              setExpired(true);
            }}
          />
        </>
      ) : (
        <>
          <p className="hjp-muted">{t('portal.track.identityHint')}</p>
          <IdentityStep
            notice={expired ? t('portal.identity.expired') : undefined}
            onVerified={(s) => {
              setSession(s);
              setExpired(false);
            }}
          />
        </>
      )}
    </PortalPage>
  );
}

function MyApplications({ onExpired }: { onExpired: () => void }) {
  const { t } = useTranslation();
  const { data, error, loading, reload } = useLoad((signal) => portalApi.myApplications(signal), []);
  const unauthorized = isApiError(error) && error.status === 401;
  useEffect(() => {
    if (unauthorized) onExpired();
  }, [unauthorized, onExpired]);
  return (
    <div data-testid="my-applications">
      <div className="hjp-row hjp-gap">
        <span className="hjp-grow" />
        <Button onClick={reload} loading={loading} data-testid="track-refresh">
          {t('portal.track.refresh')}
        </Button>
      </div>
      {unauthorized ? null : <LoadError error={error} onRetry={reload} />}
      {loading && !data ? <Loading /> : null}
      {data && data.items.length === 0 ? (
        <Empty description={t('portal.track.empty')}>
          <Link to="/portal/apply">
            <Button type="primary">{t('portal.track.applyNow')}</Button>
          </Link>
        </Empty>
      ) : null}
      <div className="hjp-stack">
        {data?.items.map((a) => (
          <ApplicationCard key={a.id} a={a} />
        ))}
      </div>
    </div>
  );
}

function ApplicationCard({ a }: { a: MyApplication }) {
  const { t } = useTranslation();
  const lang = useLang();
  const steps = a.timeline;
  return (
    <Card size="small" data-testid="my-application" data-case-no={a.caseNo}>
      <div className="hjp-row hjp-wrap">
        <span className="hjp-card-title hjp-grow">{a.schemeName}</span>
        <Tag color="processing" data-testid="my-application-state">
          {lang === 'en' ? a.stateLabelEn : a.stateLabel}
        </Tag>
      </div>
      <div className="hjp-card-text">
        {t('portal.apply.caseNo')}：<span data-testid="my-case-no">{a.caseNo}</span>
      </div>
      <div className="hjp-card-text hjp-muted">
        {t('portal.track.appliedOn', { date: a.appliedOn })} ·{' '}
        {t('portal.track.place', { town: a.townName, village: a.villageName })}
      </div>
      <h3 className="hjp-h3">{t('portal.track.timeline')}</h3>
      <Steps
        orientation="vertical"
        size="small"
        current={Math.max(0, steps.length - 1)}
        data-testid="application-timeline"
        items={steps.map((s, i) => ({
          title: <span data-testid={`timeline-step-${s.type}`}>{lang === 'en' ? s.labelEn : s.label}</span>,
          content: s.on,
          status: i === steps.length - 1 ? 'process' : 'finish',
        }))}
      />
    </Card>
  );
}
