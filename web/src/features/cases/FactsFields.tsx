// 家庭经济状况 in a home visit: each member's monthly wage and the household's financial assets, in
// yuan, prefilled from the case's facts. Item names follow the API (facts.members.0.wageFenPerMonth).
import { Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../api/cases.ts';
import { relationLabel } from '../../lib/codes.ts';
import { yuanRule } from './EventFields.tsx';

export function FactsFields({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const personIds = ((detail.facts?.personIds as string[] | undefined) ?? []).slice();
  const household = detail.facts?.household as { members?: unknown[] } | undefined;
  const count = household?.members?.length ?? 0;
  if (count === 0) return null;
  const nameOf = (i: number) => {
    const m = detail.members.find((x) => x.personId === personIds[i]);
    return m ? `${m.nameMask}（${relationLabel(m.relationCode)}）` : `#${i + 1}`;
  };
  const rule = yuanRule(t('cases.form.yuanInvalid'), true);
  return (
    <Card size="small" type="inner" title={t('cases.form.facts')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">{t('cases.form.factsHint')}</Typography.Paragraph>
      {Array.from({ length: count }, (_, i) => (
        <Form.Item
          // biome-ignore lint/suspicious/noArrayIndexKey: the members' order is the facts' order.
          key={i}
          name={['facts', 'members', i, 'wageFenPerMonth']}
          label={t('cases.form.memberWage', { name: nameOf(i) })}
          rules={[rule]}
        >
          <Input
            id={`facts-wage-${i}`}
            inputMode="decimal"
            suffix={t('common.yuan')}
            style={{ width: 200 }}
          />
        </Form.Item>
      ))}
      <Form.Item
        name={['facts', 'financialAssetsFen']}
        label={t('cases.form.financialAssets')}
        rules={[rule]}
      >
        <Input id="facts-assets" inputMode="decimal" suffix={t('common.yuan')} style={{ width: 200 }} />
      </Form.Item>
    </Card>
  );
}
