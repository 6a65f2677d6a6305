// 数据共享 (§8.2): the catalogue of department feeds with the records held and the last delivery;
// per source a drawer to upload a file and see its deliveries; for the district administrator the
// departments' API keys.
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../contracts/roles.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { ApiKeysPanel } from './ApiKeysPanel.tsx';
import { FeedCatalogue } from './FeedCatalogue.tsx';

export function FeedsPage() {
  const { t } = useTranslation();
  const actor = useActor();
  const catalogue = { key: 'catalogue', label: t('feeds.tabs.catalogue'), children: <FeedCatalogue /> };
  const keys = { key: 'keys', label: t('feeds.tabs.keys'), children: <ApiKeysPanel /> };
  return (
    <Card title={t('feeds.title')} data-testid="feeds-page">
      <Typography.Paragraph type="secondary">{t('feeds.intro')}</Typography.Paragraph>
      <Tabs items={can(actor.role, 'feeds.manage_keys') ? [catalogue, keys] : [catalogue]} destroyOnHidden />
    </Card>
  );
}
