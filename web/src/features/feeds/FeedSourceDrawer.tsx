// One source: its fields, the template, the file upload with its validation results, its deliveries.
import { Alert, App, Button, Descriptions, Drawer, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEED_SOURCES, type FeedSource } from '../../../../contracts/feeds.ts';
import { can } from '../../../../contracts/roles.ts';
import {
  type FeedBatchView,
  type FeedDelivery,
  feedRowIssues,
  feedsApi,
  feedTemplateUrl,
} from '../../api/feeds.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { errorText, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { FeedBatchesTable } from './FeedBatchesTable.tsx';
import { departmentName, enumText } from './feedsModel.ts';
import { type UploadOutcome, UploadResult } from './UploadResult.tsx';

const ACCEPT = /\.(xlsx|csv)$/i;

type Props = { code: string | null; onClose: () => void; onDelivered: () => void };

export function FeedSourceDrawer({ code, onClose, onDelivered }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const source = (FEED_SOURCES as readonly FeedSource[]).find((s) => s.code === code) ?? null;
  const [batches, setBatches] = useState<FeedBatchView[]>([]);
  const [loading, setLoading] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);

  const load = useCallback(async () => {
    if (!code) return;
    setLoading(true);
    try {
      setBatches((await feedsApi.batches(code)).batches);
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  }, [code, notifyError]);
  useEffect(() => {
    setOutcome(null);
    void load();
  }, [load]);

  const upload = async (file: File) => {
    if (!code) return;
    setUploading(true);
    setOutcome(null);
    try {
      const done: FeedDelivery = await feedsApi.upload(code, file);
      setOutcome({ kind: 'ok', delivery: done, filename: file.name });
      onDelivered();
      await load();
    } catch (e) {
      const issues = feedRowIssues(e);
      if (issues) setOutcome({ kind: 'rows', issues, summary: errorText(e, lang), filename: file.name });
      else notifyError(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Drawer
      open={source !== null}
      onClose={onClose}
      size={900}
      destroyOnHidden
      title={source ? `${source[lang]} · ${departmentName(source.dept, lang)}` : ''}
      extra={
        code && (
          <Button href={feedTemplateUrl(code)} download data-testid="feed-template">
            {t('feeds.template')}
          </Button>
        )
      }
    >
      {source && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered title={t('feeds.fields')}>
            {source.fields.map((f) => (
              <Descriptions.Item key={f.key} label={lang === 'en' ? `${f.en} (${f.zh})` : f.zh}>
                <Space wrap size={4}>
                  <Tag color={f.required ? 'blue' : undefined}>
                    {f.required ? t('feeds.required') : t('feeds.optional')}
                  </Tag>
                  <Tag>{t(`feeds.types.${f.type}`)}</Tag>
                  {(f.values ?? []).map((v) => (
                    <Typography.Text key={v} type="secondary" style={{ fontSize: 12 }}>
                      {enumText(v, lang)}
                    </Typography.Text>
                  ))}
                </Space>
              </Descriptions.Item>
            ))}
          </Descriptions>
          {can(actor.role, 'feeds.upload') && (
            <div>
              <Typography.Title level={5}>{t('feeds.upload.title')}</Typography.Title>
              <Typography.Paragraph type="secondary">{t('feeds.upload.hint')}</Typography.Paragraph>
              <Upload.Dragger
                accept=".xlsx,.csv"
                multiple={false}
                showUploadList={false}
                disabled={uploading}
                data-testid="feed-upload"
                beforeUpload={(file) => {
                  if (!ACCEPT.test(file.name)) {
                    message.error(t('feeds.upload.badType'));
                    return Upload.LIST_IGNORE;
                  }
                  void upload(file);
                  return false;
                }}
              >
                <p style={{ margin: '12px 0' }}>
                  {uploading ? t('feeds.upload.uploading') : t('feeds.upload.drop')}
                </p>
              </Upload.Dragger>
              {outcome && <UploadResult outcome={outcome} />}
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('feeds.batches.title')}</Typography.Title>
            {batches.length === 0 && !loading ? (
              <Alert type="info" title={t('feeds.batches.empty')} />
            ) : (
              <FeedBatchesTable batches={batches} loading={loading} />
            )}
          </div>
        </Space>
      )}
    </Drawer>
  );
}
