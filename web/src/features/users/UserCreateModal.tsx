// 新建用户: user name, name, role, and a jurisdiction whose level follows the role (ROLE_SCOPE):
// county roles get the administrator's county, town roles a town, village roles a village.
import { App, Form, Input, Modal, type FormRule as Rule, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_NAMES, ROLE_SCOPE, ROLES, type Role } from '../../../../contracts/roles.ts';
import { userCreate } from '../../../../contracts/users.ts';
import { type FieldIssue, isApiError } from '../../api/client.ts';
import { type UserView, usersApi } from '../../api/users.ts';
import { DivisionLevelPicker } from '../../components/DivisionSelect.tsx';
import { FormIssues } from '../../components/FormIssues.tsx';
import { findDivision, useDivisionTree } from '../../components/useDivisionTree.ts';
import { useActor } from '../../console/AuthContext.tsx';
import { type FieldResolver, reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { schemaRule } from '../../lib/schemaRule.ts';

type Values = { username: string; displayName: string; role?: Role; jurisdictionCode?: string };

const FIELDS = new Set(['username', 'displayName', 'role', 'jurisdictionCode']);
const SCOPE_LENGTH = { county: 6, town: 9, village: 12 } as const;
const SCOPE_HINT = { county: 'scopeCounty', town: 'scopeTown', village: 'scopeVillage' } as const;

/** The county's name, read-only: county roles always get the administrator's county. */
function FixedCounty({ value }: { value?: string }) {
  const { tree } = useDivisionTree();
  const name = value ? findDivision(tree, value)?.name : undefined;
  return <Input disabled value={value ? `${name ?? ''}（${value}）` : ''} />;
}

type Props = {
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserView, oneTimePassword: string) => void;
};

export function UserCreateModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const actor = useActor();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const role = Form.useWatch('role', form);
  const scope = role ? ROLE_SCOPE[role] : undefined;

  const roleOptions = useMemo(() => ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r][lang] })), [lang]);

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if (!changed.role) return;
    const next = ROLE_SCOPE[changed.role];
    if (next === 'county') form.setFieldValue('jurisdictionCode', actor.countyCode);
    else if (all.jurisdictionCode?.length !== SCOPE_LENGTH[next])
      form.setFieldValue('jurisdictionCode', undefined);
    form.setFields([{ name: 'jurisdictionCode', errors: [] }]);
  };

  const onFinish = async (v: Values) => {
    setBusy(true);
    setIssues([]);
    try {
      const body = {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role as Role,
        jurisdictionCode: v.jurisdictionCode ?? '',
      };
      const r = await usersApi.create(body);
      message.success(t('users.created', { username: r.user.username }));
      onCreated(r.user, r.oneTimePassword);
    } catch (err) {
      if (isApiError(err) && err.code === 'users.duplicate' && err.fieldIssues.length === 0) {
        form.setFields([{ name: 'username', errors: [t('users.usernameTaken')] }]);
        return;
      }
      const resolve: FieldResolver = (p) => (p.length === 1 && FIELDS.has(String(p[0])) ? p : null);
      setIssues(reportFormError(form, err, lang, notifyError, resolve));
    } finally {
      setBusy(false);
    }
  };

  const jurisdictionRules: Rule[] = [
    { required: true, message: scope === 'village' ? t('users.villageRequired') : t('users.townRequired') },
    {
      validator: async (_, v?: string) => {
        if (v && scope && v.length !== SCOPE_LENGTH[scope])
          throw new Error(scope === 'village' ? t('users.villageRequired') : t('users.townRequired'));
      },
    },
  ];

  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      width={560}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'user-create-ok' } as Record<string, string>}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Form<Values>
        form={form}
        name="user-create"
        layout="vertical"
        preserve={false}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
        scrollToFirstError
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          required
          extra={t('users.usernameHelp')}
          rules={[schemaRule(userCreate.shape.username, lang)]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          validateFirst
          rules={[
            { required: true, whitespace: true, message: t('users.displayNameRequired') },
            schemaRule(userCreate.shape.displayName, lang),
          ]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('users.roleRequired') }]}
        >
          <Select options={roleOptions} placeholder={t('member.select')} />
        </Form.Item>
        <Form.Item
          name="jurisdictionCode"
          label={t('users.jurisdiction')}
          rules={
            scope && scope !== 'county'
              ? jurisdictionRules
              : [{ required: true, message: t('users.pickRoleFirst') }]
          }
          extra={scope ? t(`users.${SCOPE_HINT[scope]}`) : undefined}
        >
          {scope === 'county' ? (
            <FixedCounty />
          ) : scope ? (
            <DivisionLevelPicker
              key={scope}
              level={scope}
              data-testid="user-jurisdiction"
              placeholder={scope === 'town' ? t('users.townPlaceholder') : t('users.villagePlaceholder')}
            />
          ) : (
            <Input disabled placeholder={t('users.pickRoleFirst')} />
          )}
        </Form.Item>
        <FormIssues issues={issues} />
      </Form>
    </Modal>
  );
}
