// Route guards: signed in, password changed, and allowed by role.
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { can, type Permission, type Role } from '../../../contracts/roles.ts';
import { useActor, useAuth } from './AuthContext.tsx';

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" />
    </div>
  );
}

/** Signed in, and past the forced password change (everything else answers 403 until then). */
export function RequireAuth({
  children,
  allowPasswordChange,
}: {
  children: ReactNode;
  allowPasswordChange?: boolean;
}) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'anonymous') {
    const from = state.loggedOut ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  if (state.actor.mustChangePassword && !allowPasswordChange)
    return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.toHome')}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.toHome')}</Button>
        </Link>
      }
    />
  );
}

/** Renders the page for a role holding `perm` (or, given a list, any one of them). */
export function RequirePermission({
  perm,
  children,
}: {
  perm: Permission | readonly Permission[];
  children: ReactNode;
}) {
  const actor = useActor();
  const perms: readonly Permission[] = typeof perm === 'string' ? [perm] : perm;
  return perms.some((p) => can(actor.role, p)) ? children : <Forbidden />;
}

/** Where "/" leads: the audit log for auditors, the registry for caseworkers, else the jobs list. */
export function homePath(role: Role): string {
  if (role === 'auditor') return '/audit';
  if (can(role, 'registry.read')) return '/households';
  if (can(role, 'audit.read')) return '/audit';
  return '/jobs';
}

export function HomeRedirect() {
  const actor = useActor();
  return <Navigate to={homePath(actor.role)} replace />;
}
