// 码上知: the catalogue's policies, searchable by words, department and group.
import { Button, Card, Empty, Input, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { MONITORED_CATEGORIES } from '../../../../contracts/monitoring.ts';
import { POLICY_DEPARTMENTS } from '../../../../contracts/policies.ts';
import { useLang } from '../../lib/lang.ts';
import { portalApi } from '../portalApi.ts';
import { LoadError, Loading, PortalPage, useLoad } from '../ui.tsx';

export function PoliciesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const departmentCode = params.get('departmentCode') ?? '';
  const category = params.get('category') ?? '';
  const [text, setText] = useState(q);
  const { data, error, loading, reload } = useLoad(
    (signal) =>
      portalApi.policies(
        { q: q || undefined, departmentCode: departmentCode || undefined, category: category || undefined },
        signal,
      ),
    [q, departmentCode, category],
  );

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <PortalPage title={t('portal.policies.title')} testId="portal-policies">
      <Card className="hjp-gap hjp-banner" size="small">
        <div className="hjp-row hjp-wrap">
          <span className="hjp-grow">{t('portal.policies.selfCheckBanner')}</span>
          <Link to="/portal/self-check">
            <Button type="primary" data-testid="policies-self-check">
              {t('portal.policies.selfCheckButton')}
            </Button>
          </Link>
        </div>
      </Card>

      <form
        className="hjp-row hjp-gap"
        onSubmit={(e) => {
          e.preventDefault();
          setParam('q', text.trim() || undefined);
        }}
      >
        <Input
          aria-label={t('portal.policies.search')}
          placeholder={t('portal.policies.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          allowClear
          maxLength={40}
          className="hjp-grow"
          data-testid="policy-search-input"
          enterKeyHint="search"
        />
        <Button type="primary" htmlType="submit" data-testid="policy-search">
          {t('portal.policies.searchButton')}
        </Button>
      </form>
      <div className="hjp-pair hjp-gap">
        <Select
          aria-label={t('portal.policies.department')}
          data-testid="policy-department"
          value={departmentCode || ''}
          onChange={(v: string) => setParam('departmentCode', v || undefined)}
          options={[
            { value: '', label: t('portal.policies.allDepartments') },
            ...Object.entries(POLICY_DEPARTMENTS).map(([code, d]) => ({ value: code, label: d[lang] })),
          ]}
        />
        <Select
          aria-label={t('portal.policies.category')}
          data-testid="policy-category"
          value={category || ''}
          onChange={(v: string) => setParam('category', v || undefined)}
          options={[
            { value: '', label: t('portal.policies.allCategories') },
            ...Object.entries(MONITORED_CATEGORIES).map(([code, c]) => ({ value: code, label: c[lang] })),
          ]}
        />
      </div>

      <LoadError error={error} onRetry={reload} />
      {loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="hjp-muted" data-testid="policy-count">
            {t('portal.policies.count', { count: data.items.length })}
          </p>
          {data.items.length === 0 ? <Empty description={t('portal.policies.empty')} /> : null}
          <div className="hjp-stack" aria-busy={loading}>
            {data.items.map((p) => (
              <Link
                key={p.code}
                to={`/portal/policies/${encodeURIComponent(p.code)}`}
                className="hjp-card-link"
              >
                <Card size="small" hoverable data-testid="policy-card" data-code={p.code}>
                  <div className="hjp-card-title">{p.name}</div>
                  <Tag color="blue">{POLICY_DEPARTMENTS[p.departmentCode]?.[lang] ?? p.departmentName}</Tag>
                  <p className="hjp-card-text">{p.summary}</p>
                  <span className="hjp-more">{t('portal.policies.details')} ›</span>
                </Card>
              </Link>
            ))}
          </div>
        </>
      ) : null}
    </PortalPage>
  );
}
