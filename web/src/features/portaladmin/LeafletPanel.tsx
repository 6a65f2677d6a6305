// 政策明白纸: the printable policy leaflet generated from the catalogue, for all departments or one.
import { Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyDepartmentCode } from '../../../../contracts/policies.ts';
import { portalAdminApi } from '../../api/portalAdmin.ts';
import { useLang } from '../../lib/lang.ts';
import { departmentOptions } from '../policies/policyModel.ts';
import { useFileDownload } from './useFileDownload.ts';

export function LeafletPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { busy, download } = useFileDownload();
  const [dept, setDept] = useState<PolicyDepartmentCode | undefined>();
  return (
    <Space orientation="vertical">
      <Typography.Paragraph type="secondary">{t('portalAdmin.leaflet.intro')}</Typography.Paragraph>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('portalAdmin.leaflet.all')}
          aria-label={t('portalAdmin.leaflet.department')}
          style={{ width: 260 }}
          value={dept}
          onChange={setDept}
          options={departmentOptions(lang)}
          data-testid="leaflet-department"
        />
        <Button
          type="primary"
          loading={busy === 'leaflet'}
          onClick={() => void download('leaflet', () => portalAdminApi.leaflet(dept))}
          data-testid="leaflet-download"
        >
          {t('portalAdmin.leaflet.download')}
        </Button>
      </Space>
    </Space>
  );
}
