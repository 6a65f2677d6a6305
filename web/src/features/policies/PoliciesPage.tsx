// 政策目录 (泰汇救, §9.3): the catalogue with its CEL editor, the departments with their deadlines and
// liaison accounts, and the matching runs with the matches they found.
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { CataloguePanel } from './CataloguePanel.tsx';
import { DepartmentsPanel } from './DepartmentsPanel.tsx';
import { MatchingPanel } from './MatchingPanel.tsx';

export function PoliciesPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const manage = can(actor.role, 'policies.manage');
  const items = [
    { key: 'catalogue', label: t('policies.tabs.catalogue'), children: <CataloguePanel manage={manage} /> },
    {
      key: 'departments',
      label: t('policies.tabs.departments'),
      children: <DepartmentsPanel manage={manage} manageUsers={can(actor.role, 'users.manage')} />,
    },
    {
      key: 'matching',
      label: t('policies.tabs.matching'),
      children: (
        <MatchingPanel
          run={can(actor.role, 'policies.run')}
          householdLinks={can(actor.role, 'registry.read')}
        />
      ),
    },
  ];
  return (
    <Card title={t('policies.title')} data-testid="policies-page">
      <Typography.Paragraph type="secondary">{t('policies.intro')}</Typography.Paragraph>
      <Tabs items={items} />
    </Card>
  );
}
