// Password change; forced after the first sign-in or a reset (mustChangePassword).
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth.ts';
import type { FieldIssue } from '../../api/client.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useActor, useAuth } from '../../console/AuthContext.tsx';
import { homePath } from '../../console/guards.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };
const FIELDS = new Set(['currentPassword', 'newPassword']);

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const { refresh, logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const submit = async (v: Values) => {
    setBusy(true);
    setIssues([]);
    try {
      await authApi.changePassword(v.currentPassword, v.newPassword);
      message.success(t('auth.changed'));
      const me = await refresh();
      navigate(me ? homePath(me.role) : '/login', { replace: true });
    } catch (err) {
      setIssues(
        reportFormError(form, err, lang, notifyError, (p) =>
          FIELDS.has(String(p[0])) ? [String(p[0])] : null,
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', padding: '64px 16px' }}>
      <div style={{ position: 'absolute', top: 16, right: 16, display: 'flex', gap: 8 }}>
        <LanguageSwitch />
        <Button size="small" onClick={() => void logout()}>
          {t('shell.logout')}
        </Button>
      </div>
      <div style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          {t('common.appTitle')}
        </Typography.Title>
        <Card title={`${t('auth.changeTitle')} · ${actor.displayName}`}>
          {actor.mustChangePassword && (
            <Alert
              type="warning"
              showIcon
              title={t('auth.mustChangeHint')}
              style={{ marginBottom: 16 }}
              data-testid="must-change-password"
            />
          )}
          <FormIssues issues={issues} />
          <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={busy} requiredMark={false}>
            <Form.Item
              name="currentPassword"
              label={t('auth.currentPassword')}
              rules={[{ required: true, message: t('auth.currentRequired') }]}
            >
              <Input.Password autoComplete="current-password" autoFocus />
            </Form.Item>
            <Form.Item
              name="newPassword"
              label={t('auth.newPassword')}
              extra={t('auth.policy')}
              rules={[{ required: true, message: t('auth.newRequired') }]}
            >
              <Input.Password autoComplete="new-password" maxLength={200} />
            </Form.Item>
            <Form.Item
              name="confirmPassword"
              label={t('auth.confirmPassword')}
              dependencies={['newPassword']}
              rules={[
                { required: true, message: t('auth.confirmRequired') },
                ({ getFieldValue }) => ({
                  validator: (_, value) =>
                    !value || value === getFieldValue('newPassword')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('auth.mismatch'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={busy}
              data-testid="change-password-submit"
            >
              {t('auth.changeSubmit')}
            </Button>
            {!actor.mustChangePassword && (
              <Button block type="link" onClick={() => navigate(-1)} style={{ marginTop: 8 }}>
                {t('common.back')}
              </Button>
            )}
          </Form>
        </Card>
      </div>
    </div>
  );
}
