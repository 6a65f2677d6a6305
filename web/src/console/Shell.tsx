// The console frame: header with product, user and language; role-aware menu on the left.
import { Button, Grid, Layout, Menu, type MenuProps, Space, Spin, Tag, theme } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { can } from '../../../contracts/roles.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { findDivision, useDivisionTree } from '../components/useDivisionTree.ts';
import { useLang } from '../lib/lang.ts';
import { useActor, useAuth } from './AuthContext.tsx';

const { Header, Sider, Content } = Layout;

export function Shell() {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { tree } = useDivisionTree();
  const { token } = theme.useToken();
  // On a phone (a provider's carer, a village assistant) the header keeps only what fits in 375 px.
  const wide = Grid.useBreakpoint().md ?? true;

  const items = useMemo<NonNullable<MenuProps['items']>>(() => {
    const out: NonNullable<MenuProps['items']> = [];
    if (can(actor.role, 'registry.read')) out.push({ key: '/households', label: t('nav.households') });
    if (can(actor.role, 'cases.read')) out.push({ key: '/cases', label: t('cases.title') });
    if (can(actor.role, 'cases.read')) out.push({ key: '/reserve-fund', label: t('reserveFund.title') });
    if (can(actor.role, 'cases.read')) out.push({ key: '/stats', label: t('stats.title') });
    if (can(actor.role, 'registry.import')) out.push({ key: '/imports', label: t('nav.imports') });
    if (can(actor.role, 'registry.read')) out.push({ key: '/calculator', label: t('nav.calculator') });
    if (can(actor.role, 'standards.read')) out.push({ key: '/standards', label: t('nav.standards') });
    if (can(actor.role, 'entitlements.read')) out.push({ key: '/recalc', label: t('recalc.title') });
    if (can(actor.role, 'payroll.read')) out.push({ key: '/payroll', label: t('payroll.title') });
    if (can(actor.role, 'alerts.read')) out.push({ key: '/alerts', label: t('monitoring.alertsTitle') });
    if (can(actor.role, 'monitoring.read')) out.push({ key: '/monitoring', label: t('monitoring.title') });
    if (can(actor.role, 'feeds.read')) out.push({ key: '/feeds', label: t('feeds.title') });
    if (can(actor.role, 'care.visit')) out.push({ key: '/care/visits', label: t('care.visitsTitle') });
    else if (can(actor.role, 'care.read')) out.push({ key: '/care', label: t('care.title') });
    if (can(actor.role, 'assistants.read')) out.push({ key: '/assistants', label: t('grassroots.title') });
    if (can(actor.role, 'charity.read')) out.push({ key: '/charity', label: t('charity.title') });
    if (can(actor.role, 'referrals.read'))
      out.push({ key: '/referrals', label: t('policies.referralsTitle') });
    if (can(actor.role, 'policies.manage') || can(actor.role, 'policies.run'))
      out.push({ key: '/policies', label: t('policies.title') });
    if (can(actor.role, 'portal.inbox') || can(actor.role, 'portal.posters'))
      out.push({ key: '/portal-admin', label: t('portalAdmin.title') });
    if (can(actor.role, 'institutions.read'))
      out.push({ key: '/institutions', label: t('institutions.title') });
    out.push({ key: '/jobs', label: t('nav.jobs') });
    if (can(actor.role, 'audit.read')) out.push({ key: '/audit', label: t('nav.audit') });
    if (can(actor.role, 'users.manage')) out.push({ key: '/users', label: t('nav.users') });
    return out;
  }, [actor.role, t]);

  const selected = items
    .map((i) => String(i?.key))
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`));
  const jurisdiction = findDivision(tree, actor.jurisdictionCode)?.name ?? actor.jurisdictionCode;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: wide ? 24 : 12,
          background: token.colorPrimary,
        }}
      >
        <Link to="/" style={{ color: '#fff', fontSize: 18, fontWeight: 600, whiteSpace: 'nowrap' }}>
          {wide ? t('common.appTitle') : t('common.appName')}
        </Link>
        <div style={{ flex: 1 }} />
        <Space
          size={wide ? 'middle' : 'small'}
          style={{ color: '#fff', minWidth: 0 }}
          data-testid="current-user"
        >
          <span
            title={actor.displayName}
            style={{
              display: 'inline-block',
              maxWidth: wide ? 240 : 96,
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              whiteSpace: 'nowrap',
              verticalAlign: 'middle',
            }}
          >
            {actor.displayName}
          </span>
          {wide && <Tag color="gold">{lang === 'en' ? actor.roleName.en : actor.roleName.zh}</Tag>}
          {wide && (
            <span title={actor.jurisdictionCode}>{t('shell.jurisdiction', { name: jurisdiction })}</span>
          )}
          <LanguageSwitch ghost />
          {wide && (
            <Button size="small" ghost onClick={() => navigate('/change-password')}>
              {t('shell.changePassword')}
            </Button>
          )}
          <Button size="small" ghost data-testid="logout" onClick={() => void logout()}>
            {t('shell.logout')}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={200} theme="light" breakpoint="lg" collapsedWidth={0}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={items}
            onClick={(e) => navigate(e.key)}
            style={{ height: '100%', borderInlineEnd: 0 }}
            data-testid="main-menu"
          />
        </Sider>
        {/* The collapsed sider's trigger floats at the top left on a phone: keep the page below it. */}
        <Content style={{ padding: wide ? 24 : '48px 12px 12px', minWidth: 0 }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
