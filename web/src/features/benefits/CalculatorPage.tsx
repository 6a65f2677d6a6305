// 救助测算: a caseworker describes a household and sees, per scheme, eligibility, the monthly amount,
// the breakdown and the unmet conditions, exactly as POST /api/v1/benefits/quote computes them.
import { App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BenefitQuote,
  INCOME_KIND_CODES,
  RELATIONS,
  RIGID_KIND_CODES,
  SELF_CARE_ITEM_CODES,
  VEHICLE_EXEMPTIONS,
} from '../../../../contracts/benefits.ts';
import { INCOME_KINDS } from '../../../../server/rules/benefits/income.ts';
import { RIGID_SPENDING_KINDS } from '../../../../server/rules/benefits/rigid.ts';
import { SELF_CARE_ITEMS } from '../../../../server/rules/benefits/tekun.ts';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES } from '../../../../server/rules/disability.ts';
import { apiPost, type FieldIssue, isApiError } from '../../api/client.ts';
import { FormIssues } from '../../components/FormIssues.tsx';
import { reportFormError, useErrorNotifier } from '../../lib/errors.ts';
import { todayInShanghai } from '../../lib/format.ts';
import { useLang } from '../../lib/lang.ts';
import { type CalcFormValues, NEW_CALC_MEMBER, resolveCalcField, toQuoteInput } from './calcForm.ts';
import { QuoteResults } from './QuoteResults.tsx';

const yuanInput = (
  <InputNumber<string> stringMode min="0" step="100" precision={2} style={{ width: '100%' }} />
);

export function CalculatorPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useErrorNotifier();
  const [form] = Form.useForm<CalcFormValues>();
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [quote, setQuote] = useState<BenefitQuote | null>(null);

  const label = (e: { zh: string; en: string }) => (lang === 'en' ? e.en : e.zh);
  const opts = <K extends string>(codes: readonly K[], table: Record<K, { zh: string; en: string }>) =>
    codes.map((k) => ({ value: k, label: label(table[k]) }));

  const submit = async (v: CalcFormValues) => {
    setBusy(true);
    setIssues([]);
    try {
      setQuote(await apiPost<BenefitQuote>('/api/v1/benefits/quote', toQuoteInput(v)));
    } catch (err) {
      setQuote(null);
      setIssues(reportFormError(form, err, lang, notifyError, resolveCalcField));
      if (isApiError(err) && err.fieldIssues.length > 0) message.error(t('common.fixFields'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('calc.title')}>
        <p style={{ marginTop: 0 }}>{t('calc.intro')}</p>
        <Form<CalcFormValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            date: todayInShanghai(),
            area: 'urban',
            members: [{ ...NEW_CALC_MEMBER, relation: 'head' }],
            residences: 1,
            vehicles: [],
            rigidSpending: [],
          }}
          data-testid="calc-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="date" label={t('calc.date')} rules={[{ required: true }]}>
                <Input type="date" data-testid="calc-date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="area" label={t('calc.area')}>
                <Select
                  options={(['urban', 'rural'] as const).map((a) => ({
                    value: a,
                    label: t(`urbanRural.${a}`),
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>

          <Form.List name="members">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" size="small" style={{ width: '100%', marginBottom: 16 }}>
                {fields.map((field, i) => (
                  <Card
                    key={field.key}
                    size="small"
                    type="inner"
                    title={t('calc.memberN', { n: i + 1 })}
                    data-testid={`calc-member-${i}`}
                    extra={
                      fields.length > 1 && (
                        <Button type="link" danger onClick={() => remove(field.name)}>
                          {t('calc.removeMember')}
                        </Button>
                      )
                    }
                  >
                    <Row gutter={16}>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'age']} label={t('calc.age')}>
                          <InputNumber min={0} max={130} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'relation']} label={t('calc.relation')}>
                          <Select
                            options={RELATIONS.map((r) => ({ value: r, label: t(`calc.relations.${r}`) }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[field.name, 'disabilityCategory']}
                          label={t('calc.disabilityCategory')}
                        >
                          <Select
                            allowClear
                            options={DISABILITY_CATEGORIES.map((c) => ({ value: c.code, label: label(c) }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'disabilityGrade']} label={t('calc.disabilityGrade')}>
                          <Select
                            allowClear
                            options={DISABILITY_GRADES.map((g) => ({ value: g.code, label: label(g) }))}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[field.name, 'wageYuan']} label={t('calc.wage')}>
                          {yuanInput}
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[field.name, 'seriousIllness']}
                          label={t('calc.seriousIllness')}
                          valuePropName="checked"
                        >
                          <Checkbox />
                        </Form.Item>
                      </Col>
                    </Row>
                    <Form.Item name={[field.name, 'unableItems']} label={t('calc.unableItems')}>
                      <Checkbox.Group options={opts(SELF_CARE_ITEM_CODES, SELF_CARE_ITEMS)} />
                    </Form.Item>
                    <Form.List name={[field.name, 'incomes']}>
                      {(incomes, inc) => (
                        <Form.Item label={t('calc.incomes')} style={{ marginBottom: 0 }}>
                          {incomes.map((f) => (
                            <Space key={f.key} align="baseline" wrap>
                              <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                                <Select
                                  style={{ width: 320 }}
                                  placeholder={t('calc.incomeKind')}
                                  options={opts(INCOME_KIND_CODES, INCOME_KINDS)}
                                />
                              </Form.Item>
                              <Form.Item name={[f.name, 'monthlyYuan']} style={{ width: 160 }}>
                                {yuanInput}
                              </Form.Item>
                              <Button type="link" danger onClick={() => inc.remove(f.name)}>
                                {t('calc.removeMember')}
                              </Button>
                            </Space>
                          ))}
                          <Button size="small" onClick={() => inc.add({ kind: 'other' })}>
                            {t('calc.addIncome')}
                          </Button>
                        </Form.Item>
                      )}
                    </Form.List>
                  </Card>
                ))}
                <Button onClick={() => add({ ...NEW_CALC_MEMBER })} data-testid="calc-add-member">
                  {t('calc.addMember')}
                </Button>
              </Space>
            )}
          </Form.List>

          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="financialAssetsYuan" label={t('calc.financialAssets')}>
                {yuanInput}
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="residences" label={t('calc.residences')}>
                <InputNumber min={0} max={50} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('calc.status')}>
                <Space wrap>
                  <Form.Item name="onDibao" valuePropName="checked" noStyle>
                    <Checkbox>{t('calc.onDibao')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="onTekun" valuePropName="checked" noStyle>
                    <Checkbox>{t('calc.onTekun')}</Checkbox>
                  </Form.Item>
                  <Form.Item name="isDibaoEdge" valuePropName="checked" noStyle>
                    <Checkbox>{t('calc.isDibaoEdge')}</Checkbox>
                  </Form.Item>
                </Space>
              </Form.Item>
            </Col>
          </Row>

          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.List name="vehicles">
                {(fields, { add, remove }) => (
                  <Form.Item label={t('calc.vehicles')}>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline">
                        <Form.Item name={[f.name, 'exemption']}>
                          <Select
                            style={{ width: 260 }}
                            options={(['none', ...VEHICLE_EXEMPTIONS] as const).map((x) => ({
                              value: x,
                              label: t(`calc.exemptions.${x}`),
                            }))}
                          />
                        </Form.Item>
                        <Button type="link" danger onClick={() => remove(f.name)}>
                          {t('calc.removeMember')}
                        </Button>
                      </Space>
                    ))}
                    <div>
                      <Button size="small" onClick={() => add({ exemption: 'none' })}>
                        {t('calc.addVehicle')}
                      </Button>
                    </div>
                  </Form.Item>
                )}
              </Form.List>
            </Col>
            <Col xs={24} md={12}>
              <Form.List name="rigidSpending">
                {(fields, { add, remove }) => (
                  <Form.Item label={t('calc.rigidSpending')}>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline">
                        <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]}>
                          <Select
                            style={{ width: 220 }}
                            placeholder={t('calc.rigidKind')}
                            options={opts(RIGID_KIND_CODES, RIGID_SPENDING_KINDS)}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'totalYuan']} style={{ width: 160 }}>
                          {yuanInput}
                        </Form.Item>
                        <Button type="link" danger onClick={() => remove(f.name)}>
                          {t('calc.removeMember')}
                        </Button>
                      </Space>
                    ))}
                    <div>
                      <Button size="small" onClick={() => add({ kind: 'medical' })}>
                        {t('calc.addRigid')}
                      </Button>
                    </div>
                  </Form.Item>
                )}
              </Form.List>
            </Col>
          </Row>

          <FormIssues issues={issues} />
          <Button type="primary" htmlType="submit" loading={busy} data-testid="calc-submit">
            {t('calc.submit')}
          </Button>
        </Form>
      </Card>
      {quote ? <QuoteResults quote={quote} /> : <Card>{t('calc.empty')}</Card>}
    </Space>
  );
}
