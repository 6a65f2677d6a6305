// The optional contact of an objection or a complaint: a real-name reporter gets feedback by text
// message (S1 Art.37), an anonymous one is still registered.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isMobile } from './validate.ts';

export function ContactFields({ kind }: { kind: 'objection' | 'complaint' }) {
  const { t } = useTranslation();
  const ns = kind === 'objection' ? 'portal.objection' : 'portal.complaints';
  return (
    <>
      <Form.Item name="contactName" label={t(`${ns}.contactName`)}>
        <Input maxLength={30} data-testid={`${kind}-contact-name`} />
      </Form.Item>
      <Form.Item
        name="contactPhone"
        label={t(`${ns}.contactPhone`)}
        rules={[
          {
            validator: async (_: unknown, v: string | undefined) => {
              if (v?.trim() && !isMobile(v)) throw new Error(t('portal.identity.phoneInvalid'));
            },
          },
        ]}
      >
        <Input maxLength={11} type="tel" inputMode="numeric" data-testid={`${kind}-contact-phone`} />
      </Form.Item>
      <p className="hjp-muted">{t('portal.objection.realNameHint')}</p>
    </>
  );
}
