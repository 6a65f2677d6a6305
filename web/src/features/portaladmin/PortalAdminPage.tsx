// 码上通管理 (§9.5): tabs by permission — the objections and 12349 complaints inbox, the SMS outbox,
// the QR posters, and the policy leaflet (明白纸).
import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { LeafletPanel } from './LeafletPanel.tsx';
import { PostersPanel } from './PostersPanel.tsx';
import { SmsOutboxPanel } from './SmsOutboxPanel.tsx';
import { SubmissionsPanel } from './SubmissionsPanel.tsx';

export function PortalAdminPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const role = actor.role;
  const items = [
    ...(can(role, 'portal.inbox')
      ? [
          {
            key: 'inbox',
            label: t('portalAdmin.tabs.inbox'),
            children: (
              <SubmissionsPanel answer={can(role, 'portal.answer')} caseLinks={can(role, 'cases.read')} />
            ),
          },
        ]
      : []),
    ...(can(role, 'portal.outbox')
      ? [{ key: 'outbox', label: t('portalAdmin.tabs.outbox'), children: <SmsOutboxPanel /> }]
      : []),
    ...(can(role, 'portal.posters')
      ? [{ key: 'posters', label: t('portalAdmin.tabs.posters'), children: <PostersPanel /> }]
      : []),
    ...(can(role, 'policies.read')
      ? [{ key: 'leaflet', label: t('portalAdmin.tabs.leaflet'), children: <LeafletPanel /> }]
      : []),
  ];
  // A link may open a tab directly (/portal-admin#posters).
  const hash = window.location.hash.slice(1);
  return (
    <Card title={t('portalAdmin.title')} data-testid="portal-admin-page">
      <Tabs items={items} defaultActiveKey={items.some((i) => i.key === hash) ? hash : undefined} />
    </Card>
  );
}
