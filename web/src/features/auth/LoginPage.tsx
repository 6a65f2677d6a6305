// Staff sign-in. Errors: wrong credentials, account locked until a time, too many attempts.
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/auth.ts';
import { isApiError } from '../../api/client.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useAuth } from '../../console/AuthContext.tsx';
import { FullPageSpin, homePath } from '../../console/guards.tsx';
import { errorText } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';

type Values = { username: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { state, signedIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; requestId: string | null } | null>(null);
  const from = (location.state as { from?: string } | null)?.from;

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'signed-in' && !busy) {
    return <Navigate to={state.actor.mustChangePassword ? '/change-password' : (from ?? '/')} replace />;
  }

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const session = await authApi.login(v.username.trim(), v.password);
      signedIn(session);
      if (session.actor.mustChangePassword) navigate('/change-password', { replace: true });
      else navigate(from && from !== '/login' ? from : homePath(session.actor.role), { replace: true });
    } catch (err) {
      let text = errorText(err, lang);
      if (isApiError(err) && err.code === 'auth.locked') {
        const until = (err.details as { lockedUntil?: string } | undefined)?.lockedUntil;
        if (until) text = t('auth.locked', { until: formatDateTime(until) });
      }
      setError({ text, requestId: isApiError(err) ? err.requestId : null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #e8eef7 0%, #f7f9fc 100%)',
        padding: 16,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={3} style={{ marginBottom: 24, textAlign: 'center' }}>
        {t('common.appTitle')}
      </Typography.Title>
      <Card title={t('auth.title')} style={{ width: 380, maxWidth: '100%' }}>
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="login-error"
            style={{ marginBottom: 16 }}
            title={error.text}
            description={error.requestId ? t('common.requestId', { id: error.requestId }) : undefined}
          />
        )}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} disabled={busy}>
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
