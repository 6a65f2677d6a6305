// 证明材料: each chosen file is uploaded at once (with the portal token) and its result listed; the
// form's value is the list of attachment ids that uploaded.
import { Button, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/errors.ts';
import { useLang } from '../lib/lang.ts';
import { portalApi } from './portalApi.ts';

const MAX_FILES = 20;
const ACCEPT = 'image/*,application/pdf';

type Item = {
  uid: string;
  name: string;
  status: 'uploading' | 'done' | 'error';
  id?: string;
  bytes?: number;
  error?: unknown;
};

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;

export function MaterialsUpload({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [items, setItems] = useState<Item[]>([]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  // Report the uploaded ids whenever the list settles differently from the form's value.
  useEffect(() => {
    const ids = items.filter((i) => i.status === 'done' && i.id).map((i) => i.id as string);
    if (ids.join() !== (value ?? []).join()) onChangeRef.current?.(ids);
  }, [items, value]);

  const upload = async (file: File) => {
    const uid = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
    setItems((xs) => [...xs, { uid, name: file.name, status: 'uploading' }]);
    try {
      const r = await portalApi.upload(file);
      setItems((xs) =>
        xs.map((x) =>
          x.uid === uid ? { ...x, status: 'done', id: r.attachmentId, bytes: r.bytes, name: r.fileName } : x,
        ),
      );
    } catch (error) {
      setItems((xs) => xs.map((x) => (x.uid === uid ? { ...x, status: 'error', error } : x)));
    }
  };

  const full = items.filter((i) => i.status !== 'error').length >= MAX_FILES;
  return (
    <div data-testid="material-upload">
      <Upload
        accept={ACCEPT}
        multiple
        showUploadList={false}
        disabled={full}
        beforeUpload={(file) => {
          void upload(file as File);
          return false;
        }}
      >
        <Button id={id} disabled={full} data-testid="material-upload-button">
          {t('portal.apply.upload')}
        </Button>
      </Upload>
      {items.length > 0 ? (
        <ul className="hjp-rows hjp-top">
          {items.map((i) => (
            <li key={i.uid} className="hjp-upload" data-testid="upload-result" data-status={i.status}>
              <span className="hjp-grow">
                <span className="hjp-file">{i.name}</span>
                <br />
                <span className={i.status === 'error' ? 'hjp-error' : 'hjp-muted'}>
                  {i.status === 'uploading'
                    ? t('portal.apply.uploading')
                    : i.status === 'done'
                      ? t('portal.apply.uploaded', { size: size(i.bytes ?? 0) })
                      : t('portal.apply.uploadFailed', { message: errorText(i.error, lang) })}
                </span>
              </span>
              {i.status !== 'uploading' ? (
                <Button
                  type="link"
                  danger
                  size="small"
                  onClick={() => setItems((xs) => xs.filter((x) => x.uid !== i.uid))}
                  data-testid="upload-remove"
                >
                  {t('portal.apply.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
