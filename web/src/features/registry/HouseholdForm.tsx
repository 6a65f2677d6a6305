// 新建户: village, address, hukou type, urban/rural and the members. Server field errors such as
// members.1.idNumber are shown at the field ['members', 1, 'idNumber'].
import { App, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type FieldIssue, isApiError } from '../../api/client.ts';
import { registryApi } from '../../api/registry.ts';
import type { HouseholdInput } from '../../api/types.ts';
import { VillagePicker } from '../../components/DivisionSelect.tsx';
import { FormIssues } from '../../components/FormIssues.tsx';
import { codeOptions, HEAD_RELATION, TABLES } from '../../lib/codes.ts';
import { type FieldResolver, reportFormError, toNamePath, useErrorNotifier } from '../../lib/errors.ts';
import { useLang } from '../../lib/lang.ts';
import { MemberFields } from './MemberFields.tsx';
import { type MemberFormValues, NEW_MEMBER, resolveMemberField, toPersonInput } from './memberForm.ts';

type Values = {
  villageCode?: string;
  address?: string;
  hukouType?: HouseholdInput['hukouType'];
  residenceCode?: string;
  urbanRural?: 'urban' | 'rural';
  members: MemberFormValues[];
};

const HOUSEHOLD_FIELDS = new Set(['villageCode', 'address', 'hukouType', 'residenceCode', 'urbanRural']);

export function HouseholdForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const resolve: FieldResolver = (p) => {
    if (p.length === 1 && HOUSEHOLD_FIELDS.has(String(p[0]))) return p;
    if (p[0] === 'members' && typeof p[1] === 'number' && p.length >= 3) {
      const idType = form.getFieldValue(['members', p[1], 'idType']) as string | undefined;
      return resolveMemberField(p.slice(2), ['members', p[1]], idType);
    }
    return null;
  };

  /** Issues about a whole member ("members.1") or the list ("members") are listed with the member number. */
  const labelled = (i: FieldIssue): FieldIssue => {
    const p = toNamePath(i.field);
    if (p[0] !== 'members' || typeof p[1] !== 'number') return i;
    const who = t('household.memberN', { n: p[1] + 1 });
    return { ...i, message: `${who}：${i.message}`, messageEn: `${who}: ${i.messageEn}` };
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setIssues([]);
    try {
      const input: HouseholdInput = {
        villageCode: v.villageCode ?? '',
        address: v.address?.trim() ?? '',
        hukouType: v.hukouType,
        residenceCode: v.residenceCode?.trim() || undefined,
        urbanRural: v.urbanRural || undefined,
        members: (v.members ?? []).map(toPersonInput),
      };
      const out = await registryApi.create(input);
      message.success(t('household.created', { no: out.householdNo }));
      navigate(`/households/${out.id}`);
    } catch (err) {
      const rest = reportFormError(form, err, lang, notifyError, resolve);
      setIssues(rest.map(labelled));
      if (isApiError(err) && err.fieldIssues.length > 0) message.error(t('common.fixFields'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('household.createTitle')}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ hukouType: '10', members: [{ ...NEW_MEMBER, relationCode: HEAD_RELATION }] }}
        data-testid="household-form"
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="villageCode"
              label={t('household.villagePicker')}
              rules={[{ required: true, message: t('household.villageRequired') }]}
            >
              <VillagePicker placeholder={t('household.villagePlaceholder')} data-testid="village-picker" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="hukouType" label={t('household.hukouType')}>
              <Select options={codeOptions(TABLES.hukouType, lang)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="residenceCode"
              label={t('household.residenceCode')}
              extra={t('household.residenceHelp')}
              rules={[{ pattern: /^\d{12}$/, message: t('household.residenceHelp') }]}
            >
              <Input maxLength={12} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="urbanRural"
              label={t('household.urbanRural')}
              extra={t('household.urbanRuralAuto')}
            >
              <Select
                allowClear
                options={(['urban', 'rural'] as const).map((v) => ({
                  value: v,
                  label: t(`urbanRural.${v}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('household.address')}>
          <Input maxLength={200} placeholder={t('household.addressPlaceholder')} />
        </Form.Item>

        <Form.List name="members">
          {(fields, { add, remove }) => (
            <Space orientation="vertical" size="middle" style={{ width: '100%', marginBottom: 24 }}>
              {fields.map((field, i) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={t('household.memberN', { n: i + 1 })}
                  data-testid={`member-card-${i}`}
                  extra={
                    fields.length > 1 && (
                      <Button
                        type="link"
                        danger
                        data-testid={`remove-member-${i}`}
                        onClick={() => remove(field.name)}
                      >
                        {t('household.removeMember')}
                      </Button>
                    )
                  }
                >
                  <MemberFields base={[field.name]} abs={['members', field.name]} mode="create" allowHead />
                </Card>
              ))}
              <Button type="dashed" block data-testid="add-member" onClick={() => add({ ...NEW_MEMBER })}>
                {t('household.addMemberRow')}
              </Button>
            </Space>
          )}
        </Form.List>

        <FormIssues issues={issues} />
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="household-save">
            {t('common.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
