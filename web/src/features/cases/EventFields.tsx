// The form items of one step, by field kind: dates (empty = today), texts, tag lists, enum and
// member selects, amounts in yuan. Item names are the API's field names, so 400 errors land on them.

import type { FormRule as Rule } from 'antd';
import { Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/cases.ts';
import { relationLabel } from '../../lib/codes.ts';
import { yuanToFen } from '../../lib/format.ts';
import { InstitutionSelect } from '../institutions/InstitutionSelect.tsx';
import { fieldKey, optionKey } from './caseModel.ts';
import type { FieldDef } from './eventForms.ts';

export function yuanRule(message: string, required: boolean): Rule {
  return {
    validator: async (_: unknown, v?: string) => {
      if ((v === undefined || v === null || String(v).trim() === '') && !required) return;
      const fen = yuanToFen(v ?? '');
      if (fen === null || fen < 0) throw new Error(message);
    },
  };
}

export function EventFields({ fields, detail }: { fields: FieldDef[]; detail: CaseDetail }) {
  return (
    <>
      {fields.map((f) => (
        <FieldItem key={f.name} f={f} detail={detail} />
      ))}
    </>
  );
}

function FieldItem({ f, detail }: { f: FieldDef; detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const option = (name: string, v: string) => (i18n.exists(optionKey(name, v)) ? t(optionKey(name, v)) : v);
  const label = i18n.exists(fieldKey(f.name)) ? t(fieldKey(f.name)) : f.name;
  const rules: Rule[] = [];
  if (f.required && f.kind !== 'bool')
    rules.push({
      required: true,
      // async-validator checks the value's type too (a string unless told otherwise)
      type:
        f.kind === 'tags' ? 'array' : f.kind === 'int' ? 'number' : f.kind === 'date' ? 'object' : 'string',
      whitespace: f.kind === 'text' || f.kind === 'textarea',
      message: t('cases.form.required'),
    });
  if (f.kind === 'tags' && f.min)
    rules.push({ type: 'array', min: f.min, message: t('cases.form.tagsMin', { min: f.min }) });
  if (f.kind === 'yuan') rules.push(yuanRule(t('cases.form.yuanInvalid'), f.required));
  const common = { name: f.name, label, rules };
  switch (f.kind) {
    case 'date':
      return (
        <Form.Item {...common} extra={f.name === 'at' ? t('cases.form.atHint') : undefined}>
          <DatePicker id={`event-${f.name}`} style={{ width: 200 }} />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item {...common}>
          <Input id={`event-${f.name}`} maxLength={f.max} />
        </Form.Item>
      );
    case 'textarea':
      return (
        <Form.Item {...common}>
          <Input.TextArea id={`event-${f.name}`} rows={3} maxLength={f.max} showCount={!!f.max} />
        </Form.Item>
      );
    case 'tags':
      return (
        <Form.Item {...common}>
          <Select
            id={`event-${f.name}`}
            mode="tags"
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', '、']}
            placeholder={t('cases.form.tagsPlaceholder')}
          />
        </Form.Item>
      );
    case 'select':
      return (
        <Form.Item {...common}>
          <Select
            id={`event-${f.name}`}
            allowClear={!f.required}
            options={(f.options ?? []).map((v) => ({ value: v, label: option(f.name, v) }))}
          />
        </Form.Item>
      );
    case 'member':
      return (
        <Form.Item {...common}>
          <Select
            id={`event-${f.name}`}
            options={detail.members.map((m) => ({
              value: m.personId,
              label: `${m.nameMask}（${relationLabel(m.relationCode)}）`,
            }))}
          />
        </Form.Item>
      );
    case 'institution':
      return (
        <Form.Item {...common}>
          <InstitutionSelect id={`event-${f.name}`} />
        </Form.Item>
      );
    case 'yuan':
      return (
        <Form.Item {...common}>
          <Input
            id={`event-${f.name}`}
            inputMode="decimal"
            suffix={t('common.yuan')}
            style={{ width: 200 }}
          />
        </Form.Item>
      );
    case 'int':
      return (
        <Form.Item {...common}>
          <InputNumber id={`event-${f.name}`} min={f.min} max={f.max} precision={0} />
        </Form.Item>
      );
    case 'bool':
      return (
        <Form.Item {...common} label={null} valuePropName="checked">
          <Checkbox id={`event-${f.name}`}>{label}</Checkbox>
        </Form.Item>
      );
    default:
      return null;
  }
}
