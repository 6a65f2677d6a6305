// The fields of one household member, used in the create form (inside Form.List) and the member
// modals. ID numbers and disability certificates are checked as they are typed, with the server's words.
import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ID_TYPES } from '../../../../contracts/registry.ts';
import { parseDisabilityCertificate } from '../../../../server/rules/disability.ts';
import { checkIdNumber, type IdType } from '../../../../server/rules/id-number.ts';
import type { MemberView } from '../../api/types.ts';
import { codeOptions, HEAD_RELATION, relationOptions, TABLES } from '../../lib/codes.ts';
import type { NamePath } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { type Lang, useLang } from '../../lib/lang.ts';

type Props = {
  /** Name prefix of the Form.Items: [field.name] inside Form.List, [] in a modal. */
  base: NamePath;
  /** Absolute path of this member in the form store: ['members', i] in the create form, [] in a modal. */
  abs: NamePath;
  mode: 'create' | 'edit';
  /** Edit mode: the member as recorded (identifiers are masked and typed anew only to change them). */
  current?: MemberView;
  /** Offer 户主 (02) in the relation list: only when registering a new household. */
  allowHead?: boolean;
};

type Get = (name: NamePath) => unknown;

/** The server's own ID check (GB 11643 length, format, birth date, check digit) plus "born in the future". */
export function idNumberProblem(value: string, idType: IdType, lang: Lang): string | null {
  const r = checkIdNumber(value, idType);
  if (!r.ok) return lang === 'en' ? r.messageEn : r.message;
  if (r.birthDate && r.birthDate > todayInShanghai()) {
    return lang === 'en' ? `birth date ${r.birthDate} is in the future` : `出生日期 ${r.birthDate} 晚于今天`;
  }
  return null;
}

function certificateProblem(cert: string, idNumber: string, idType: IdType, lang: Lang): string | null {
  const d = parseDisabilityCertificate(cert);
  if (!d.ok) return lang === 'en' ? d.messageEn : d.message;
  const id = idNumber ? checkIdNumber(idNumber, idType) : null;
  if (id?.ok && id.value !== d.idNumber) {
    return lang === 'en'
      ? 'the certificate does not belong to this ID number'
      : '残疾证号前 18 位与身份证号不一致';
  }
  return null;
}

export function MemberFields({ base, abs, mode, current, allowHead }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const idType = (Form.useWatch([...abs, 'idType']) as IdType | undefined) ?? 'resident';
  const n = (field: string): NamePath => [...base, field];
  const a = (field: string): NamePath => [...abs, field];
  const edit = mode === 'edit';
  const isHead = current?.relationCode === HEAD_RELATION;
  const keep = (masked: string | null | undefined) =>
    edit && masked ? t('member.keepBlank', { masked }) : undefined;

  const idRule = ({ getFieldValue }: { getFieldValue: Get }) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const s = (value ?? '').trim();
      if (!s) {
        if (edit) return;
        throw new Error(t('member.idRequired'));
      }
      const problem = idNumberProblem(s, (getFieldValue(a('idType')) as IdType) ?? 'resident', lang);
      if (problem) throw new Error(problem);
    },
  });
  const certRule = ({ getFieldValue }: { getFieldValue: Get }) => ({
    validator: async (_: unknown, value: string | undefined) => {
      const s = (value ?? '').trim();
      if (!s) return;
      const idNo = String(getFieldValue(a('idNumber')) ?? '').trim();
      const problem = certificateProblem(s, idNo, (getFieldValue(a('idType')) as IdType) ?? 'resident', lang);
      if (problem) throw new Error(problem);
    },
  });

  const relations = relationOptions(lang).filter((o) => allowHead || isHead || o.value !== HEAD_RELATION);
  const select = {
    allowClear: true,
    placeholder: t('member.select'),
    showSearch: { optionFilterProp: 'label' },
  };

  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item
          name={n('name')}
          label={t('member.name')}
          rules={[{ required: true, whitespace: true, message: t('member.nameRequired') }]}
        >
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('idType')} label={t('member.idType')}>
          <Select options={ID_TYPES.map((v) => ({ value: v, label: t(`idType.${v}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={n('idNumber')}
          label={idType === 'resident' ? t('member.idNumber') : t('member.idNumberAny')}
          required={!edit}
          dependencies={[a('idType')]}
          rules={[idRule]}
        >
          <Input maxLength={18} autoComplete="off" placeholder={keep(current?.idNumberMasked)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={n('relationCode')}
          label={t('member.relation')}
          rules={[{ required: true, message: t('member.relationRequired') }]}
        >
          <Select {...select} allowClear={false} options={relations} disabled={edit && isHead} />
        </Form.Item>
      </Col>
      {idType === 'foreign' && (
        <>
          <Col xs={24} md={8}>
            <Form.Item
              name={n('sex')}
              label={t('member.sex')}
              rules={edit ? [] : [{ required: true, message: t('member.sexRequired') }]}
            >
              <Select options={[1, 2].map((v) => ({ value: v, label: t(`sex.${v === 1 ? '1' : '2'}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={n('birthDate')}
              label={t('member.birthDate')}
              rules={edit ? [] : [{ required: true, message: t('member.birthRequired') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </>
      )}
      <Col xs={24} md={8}>
        <Form.Item name={n('ethnicity')} label={t('member.ethnicity')}>
          <Select {...select} options={codeOptions(TABLES.ethnicity, lang)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('maritalStatus')} label={t('member.maritalStatus')}>
          <Select {...select} options={codeOptions(TABLES.maritalStatus, lang)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('phone')} label={t('member.phone')}>
          <Input maxLength={20} autoComplete="off" placeholder={keep(current?.phoneMasked)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('bankAccount')} label={t('member.bankAccount')}>
          <Input maxLength={40} autoComplete="off" placeholder={keep(current?.bankAccountMasked)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('bankName')} label={t('member.bankName')}>
          <Input maxLength={60} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={n('disabilityCertificate')}
          label={t('member.disabilityCertificate')}
          dependencies={[a('idNumber'), a('idType')]}
          rules={[certRule]}
        >
          <Input
            maxLength={24}
            autoComplete="off"
            placeholder={keep(current?.disability ? '********' : null)}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('selfCareLevel')} label={t('member.selfCareLevel')}>
          <Select {...select} options={codeOptions(TABLES.selfCareLevel, lang)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('educationLevel')} label={t('member.educationLevel')}>
          <Select {...select} options={codeOptions(TABLES.educationLevel, lang)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('specialStatus')} label={t('member.specialStatus')}>
          <Select {...select} options={codeOptions(TABLES.specialStatus, lang)} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={n('employmentStatus')} label={t('member.employmentStatus')}>
          <Input maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item
          name={n('monthlyIncome')}
          label={t('member.monthlyIncome')}
          rules={[{ pattern: /^\d{1,9}(\.\d{1,2})?$/, message: t('member.incomeInvalid') }]}
        >
          <InputNumber<string> stringMode min="0" step="100" precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item
          name={n('inFulltimeEducation')}
          label={t('member.inFulltimeEducation')}
          valuePropName="checked"
        >
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item
          name={n('cohabitingLongTerm')}
          label={t('member.cohabitingLongTerm')}
          valuePropName="checked"
        >
          <Switch checkedChildren={t('common.yes')} unCheckedChildren={t('common.no')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
