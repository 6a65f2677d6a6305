// 码上查: the village's publicity (初审公示, objections open while it lasts) and its long-term list
// of recipients. Only what the API returns — masked name, household size, opinion, amount, dates.
import { Button, Card, Empty, Form, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { fenToYuan } from '../../lib/format.ts';
import { usePortal } from '../context.tsx';
import { villageFromParam } from '../model.ts';
import { type NoticesView, portalApi } from '../portalApi.ts';
import { Hotlines, LoadError, Loading, PortalPage, useLoad } from '../ui.tsx';
import { VillagePicker } from '../VillagePicker.tsx';

export type ObjectionTarget = { name: string; scheme: string; villageName: string };

export function NoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { villageCode: remembered } = usePortal();
  const [params, setParams] = useSearchParams();
  const villageCode = villageFromParam(params.get('village')) ?? remembered;
  const q = params.get('q') ?? '';
  const [name, setName] = useState(q);

  const setQuery = (next: { village?: string | null; q?: string }) => {
    const p = new URLSearchParams(params);
    if (next.village !== undefined) {
      if (next.village) p.set('village', next.village);
      else p.delete('village');
    }
    if (next.q !== undefined) {
      if (next.q) p.set('q', next.q);
      else p.delete('q');
    }
    setParams(p, { replace: true });
  };

  const { data, error, loading, reload } = useLoad(
    (signal) =>
      villageCode
        ? portalApi.notices(villageCode, q || undefined, signal)
        : Promise.resolve<NoticesView | null>(null),
    [villageCode, q],
  );

  return (
    <PortalPage title={t('portal.notices.title')} testId="portal-notices">
      <Form layout="vertical" requiredMark={false} onFinish={() => setQuery({ q: name.trim() })}>
        <Form.Item label={t('portal.notices.village')} htmlFor="notice-village">
          <VillagePicker
            id="notice-village"
            value={villageCode}
            onChange={(code) => code && setQuery({ village: code })}
          />
        </Form.Item>
        <Form.Item label={t('portal.notices.name')} htmlFor="notice-name">
          <div className="hjp-row">
            <Input
              id="notice-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder={t('portal.notices.namePlaceholder')}
              maxLength={20}
              allowClear
              className="hjp-grow"
              data-testid="notice-name-input"
              enterKeyHint="search"
            />
            <Button type="primary" htmlType="submit" disabled={!villageCode} data-testid="notice-search">
              {t('portal.notices.search')}
            </Button>
          </div>
        </Form.Item>
      </Form>

      <p className="hjp-muted" data-testid="notice-privacy">
        {t('portal.privacy')}
      </p>
      <Hotlines testId="notice-hotline" />

      {!villageCode ? <Empty description={t('portal.notices.chooseFirst')} /> : null}
      <LoadError error={error} onRetry={reload} />
      {loading && villageCode && !data ? <Loading /> : null}
      {data ? (
        <div aria-busy={loading}>
          <h2 className="hjp-h2" data-testid="notice-village">
            {data.townName} {data.villageName}
          </h2>

          <section data-testid="notice-publicity">
            <h3 className="hjp-h3">{t('portal.notices.publicity')}</h3>
            <p className="hjp-muted">{t('portal.notices.publicityHint')}</p>
            {data.publicity.length === 0 ? <Empty description={t('portal.notices.noPublicity')} /> : null}
            <div className="hjp-stack">
              {data.publicity.map((n) => (
                <Card key={n.id} size="small" data-testid="notice-row" data-notice-id={n.id}>
                  <div className="hjp-row hjp-wrap">
                    <span className="hjp-card-title hjp-grow" data-testid="notice-name">
                      {n.applicantName}
                    </span>
                    <Tag color="blue">{n.schemeName}</Tag>
                  </div>
                  <div className="hjp-card-text">
                    {t('portal.notices.householdSize', { count: n.householdSize })}
                  </div>
                  <div className="hjp-card-text">{t('portal.notices.opinion', { opinion: n.opinion })}</div>
                  {n.monthlyAmountFen !== null ? (
                    <div className="hjp-card-text">
                      {t('portal.notices.amount', { amount: fenToYuan(n.monthlyAmountFen) })}
                    </div>
                  ) : null}
                  <div className="hjp-card-text hjp-muted">
                    {t('portal.notices.period', { from: n.postedOn, to: n.endsOn })}
                  </div>
                  {n.objectionOpen ? (
                    <Button
                      block
                      className="hjp-top"
                      data-testid="objection-open"
                      onClick={() =>
                        navigate(`/portal/notices/${encodeURIComponent(n.id)}/objection`, {
                          state: {
                            name: n.applicantName,
                            scheme: n.schemeName,
                            villageName: `${data.townName} ${data.villageName}`,
                          } satisfies ObjectionTarget,
                        })
                      }
                    >
                      {t('portal.notices.objection')}
                    </Button>
                  ) : (
                    <Tag className="hjp-top">{t('portal.notices.closed')}</Tag>
                  )}
                </Card>
              ))}
            </div>
          </section>

          <section data-testid="notice-recipients">
            <h3 className="hjp-h3">{t('portal.notices.recipients')}</h3>
            {data.recipients.length === 0 ? <Empty description={t('portal.notices.noRecipients')} /> : null}
            <ul className="hjp-rows">
              {data.recipients.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the list has no id (only the three published fields)
                <li key={i} className="hjp-recipient" data-testid="recipient-row">
                  <span className="hjp-grow">
                    <span className="hjp-card-title" data-testid="recipient-name">
                      {r.applicantName}
                    </span>{' '}
                    <Tag>{r.schemeName}</Tag>
                  </span>
                  <span>
                    {t('portal.notices.recipientLine', {
                      count: r.householdSize,
                      amount: fenToYuan(r.monthlyAmountFen),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        </div>
      ) : null}
    </PortalPage>
  );
}
