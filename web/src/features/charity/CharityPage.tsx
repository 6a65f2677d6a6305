// 慈善帮扶 console (§9.2): the district sees organisations, projects (budget used / left) and all
// referrals; an organisation (charity role) its referral worklist by due date, its projects and the
// help it records; towns and villages the referrals they made.
import { Card, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import { charityApi } from '../../api/charity.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { DisbursementsPanel } from './DisbursementsPanel.tsx';
import { OrgsPanel } from './OrgsPanel.tsx';
import { ProjectsPanel } from './ProjectsPanel.tsx';
import { ReferralsPanel } from './ReferralsPanel.tsx';

export function CharityPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const [orgName, setOrgName] = useState<string | null>(null);
  const isOrg = actor.role === 'charity';
  const district = actor.jurisdictionCode.length === 6 && !isOrg;

  useEffect(() => {
    if (isOrg)
      charityApi.me().then(
        (m) => setOrgName(m.orgName),
        () => setOrgName(null),
      );
  }, [isOrg]);

  const manage = can(actor.role, 'charity.manage');
  const items = [
    { key: 'referrals', label: t('charity.tabs.referrals'), children: <ReferralsPanel manage={manage} /> },
    ...(isOrg || district
      ? [{ key: 'projects', label: t('charity.tabs.projects'), children: <ProjectsPanel manage={manage} /> }]
      : []),
    ...(isOrg || district
      ? [
          {
            key: 'disbursements',
            label: t('charity.tabs.disbursements'),
            children: <DisbursementsPanel manage={manage} />,
          },
        ]
      : []),
    ...(district
      ? [{ key: 'orgs', label: t('charity.tabs.orgs'), children: <OrgsPanel manage={manage} /> }]
      : []),
  ];
  return (
    <Card title={t('charity.title')} extra={orgName ? t('charity.myOrg', { name: orgName }) : null}>
      <Typography.Paragraph type="secondary">{t('charity.intro')}</Typography.Paragraph>
      <Tabs items={items} />
    </Card>
  );
}
