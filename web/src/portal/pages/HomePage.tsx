// Home: what the poster's QR code opens (/portal?v=<village code>). Where you are, the three
// services 码上知 / 码上查 / 码上办, the other services and the hotline.
import { Alert, Button, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { usePortal } from '../context.tsx';
import { villageFromParam } from '../model.ts';
import { Hotlines, LoadError, PortalPage } from '../ui.tsx';
import { VillagePicker } from '../VillagePicker.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const { divisions, divisionsError, reloadDivisions, place, villageCode, setVillageCode } = usePortal();
  const [params] = useSearchParams();
  const [picking, setPicking] = useState(false);
  const [draft, setDraft] = useState<string | undefined>();
  const qr = villageFromParam(params.get('v'));
  const unknownQr = divisions && qr && qr === villageCode && !place;

  const openPicker = () => {
    setDraft(place?.villageCode);
    setPicking(true);
  };

  const tiles = [
    { key: 'know', to: '/portal/policies', title: t('portal.home.know'), hint: t('portal.home.knowHint') },
    { key: 'check', to: '/portal/notices', title: t('portal.home.check'), hint: t('portal.home.checkHint') },
    { key: 'apply', to: '/portal/apply', title: t('portal.home.apply'), hint: t('portal.home.applyHint') },
  ];
  const links = [
    { key: 'self-check', to: '/portal/self-check', label: t('portal.home.selfCheck') },
    { key: 'track', to: '/portal/track', label: t('portal.home.track') },
    { key: 'complaints', to: '/portal/complaints', label: t('portal.home.complaints') },
    { key: 'submissions', to: '/portal/submissions', label: t('portal.home.submissions') },
  ];

  return (
    <PortalPage title={t('portal.title')} back={false} testId="portal-home">
      <section className="hjp-hero">
        <div className="hjp-hero-title">{t('portal.title')}</div>
        {divisions ? (
          <div className="hjp-hero-sub">{t('portal.home.subtitle', { county: divisions.countyName })}</div>
        ) : null}
      </section>
      <LoadError error={divisionsError} onRetry={reloadDivisions} />

      <div className="hjp-location" data-testid="portal-location">
        <span className="hjp-grow">
          {place
            ? t('portal.place.youAreIn', { town: place.townName, village: place.villageName })
            : t('portal.place.none')}
        </span>
        <Button type="link" onClick={openPicker} data-testid="change-village" disabled={!divisions}>
          {place ? t('portal.place.change') : t('portal.place.choose')}
        </Button>
      </div>
      {unknownQr ? (
        <Alert
          type="warning"
          showIcon
          className="hjp-gap"
          title={t('portal.place.unknownCode', { code: qr })}
        />
      ) : null}

      <nav className="hjp-tiles" aria-label={t('portal.title')}>
        {tiles.map((x) => (
          <Link
            key={x.key}
            to={x.to}
            className={`hjp-tile hjp-tile-${x.key}`}
            data-testid={`portal-tile-${x.key}`}
          >
            <span className="hjp-tile-title">{x.title}</span>
            <span className="hjp-tile-hint">{x.hint}</span>
          </Link>
        ))}
      </nav>

      <h2 className="hjp-h2">{t('portal.home.more')}</h2>
      <nav className="hjp-links">
        {links.map((x) => (
          <Link key={x.key} to={x.to} className="hjp-link" data-testid={`portal-link-${x.key}`}>
            <span>{x.label}</span>
            <span aria-hidden="true">›</span>
          </Link>
        ))}
      </nav>

      <Hotlines />
      <p className="hjp-muted">{t('portal.home.noLogin')}</p>

      <Modal
        open={picking}
        title={t('portal.place.pickTitle')}
        okText={t('portal.place.ok')}
        cancelText={t('portal.place.cancel')}
        okButtonProps={{
          disabled: !draft,
          ...({ 'data-testid': 'village-pick-ok' } as Record<string, string>),
        }}
        onOk={() => {
          if (draft) setVillageCode(draft);
          setPicking(false);
        }}
        onCancel={() => setPicking(false)}
        destroyOnHidden
      >
        <VillagePicker value={draft} onChange={setDraft} />
      </Modal>
    </PortalPage>
  );
}
