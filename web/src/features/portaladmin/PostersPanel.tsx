// 二维码海报: one village's poster, every village of a town in one PDF, or a poster for a free location
// (bus stop, park, service hall) optionally tied to a village the QR code preselects.
import { Button, Card, Col, Form, Input, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { portalAdminApi } from '../../api/portalAdmin.ts';
import { DivisionLevelPicker, VillagePicker } from '../../components/DivisionSelect.tsx';
import { locationPoster } from './portalAdminModel.ts';
import { useFileDownload } from './useFileDownload.ts';

export function PostersPanel() {
  const { t } = useTranslation();
  const { busy, download } = useFileDownload();
  const [village, setVillage] = useState<string | undefined>();
  const [town, setTown] = useState<string | undefined>();
  const [form] = Form.useForm<{ location: string; villageCode?: string }>();

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('portalAdmin.posters.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('portalAdmin.posters.village')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <VillagePicker
                placeholder={t('portalAdmin.posters.villagePick')}
                style={{ width: '100%' }}
                value={village}
                onChange={setVillage}
                data-testid="poster-village"
              />
              <Button
                type="primary"
                disabled={!village}
                loading={busy === 'village'}
                onClick={() =>
                  village && void download('village', () => portalAdminApi.villagePoster(village))
                }
                data-testid="poster-download"
              >
                {t('portalAdmin.posters.villageDownload')}
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('portalAdmin.posters.town')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <DivisionLevelPicker
                level="town"
                placeholder={t('portalAdmin.posters.townPick')}
                style={{ width: '100%' }}
                value={town}
                onChange={setTown}
                data-testid="poster-town"
              />
              <Button
                type="primary"
                disabled={!town}
                loading={busy === 'town'}
                onClick={() => town && void download('town', () => portalAdminApi.townPosters(town))}
                data-testid="poster-town-download"
              >
                {t('portalAdmin.posters.townDownload')}
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('portalAdmin.posters.location')}>
            <Typography.Paragraph type="secondary">
              {t('portalAdmin.posters.locationHint')}
            </Typography.Paragraph>
            <Form
              form={form}
              layout="vertical"
              onFinish={(v) => {
                const body = locationPoster(v.location ?? '', v.villageCode);
                if (body) void download('location', () => portalAdminApi.locationPoster(body));
              }}
            >
              <Form.Item
                name="location"
                label={t('portalAdmin.posters.label')}
                extra={t('portalAdmin.posters.labelHelp')}
                rules={[
                  {
                    validator: (_, v: string | undefined) =>
                      locationPoster(v ?? '', undefined)
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('portalAdmin.posters.labelBad'))),
                  },
                ]}
              >
                <Input maxLength={40} data-testid="poster-location" />
              </Form.Item>
              <Form.Item name="villageCode" label={t('portalAdmin.posters.locationVillage')}>
                <VillagePicker
                  allowClear
                  placeholder={t('portalAdmin.posters.villagePick')}
                  data-testid="poster-location-village"
                />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={busy === 'location'}
                data-testid="poster-location-download"
              >
                {t('portalAdmin.posters.locationDownload')}
              </Button>
            </Form>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
