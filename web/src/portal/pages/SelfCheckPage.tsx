// 码上知 · 政策自测: a few questions about the household, no identity, nothing stored. The quote API
// answers with the 民政 schemes (estimated amount and reasons) and the catalogue policies that may apply.
import { Alert, Button, Card, Checkbox, Form, InputNumber, Radio, Select, Steps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useLang } from '../../lib/lang.ts';
import { usePortal } from '../context.tsx';
import { fieldsOf } from '../fieldErrors.ts';
import { guessArea, type SelfCheckValues, selfCheckPayload } from '../model.ts';
import { portalApi, type SelfCheckResult } from '../portalApi.ts';
import { ErrorAlert, PortalPage, useFormError } from '../ui.tsx';
import { SelfCheckResultView } from './SelfCheckResult.tsx';

const MAX_MEMBERS = 12;
const SELF_CHECK_FIELDS = fieldsOf(
  'area',
  'members',
  'hasVehicle',
  'financialAssetsYuan',
  'rigidSpendingYuan',
  'receiving',
);
const SELF_CARE = ['SELF_CARE', 'PARTIAL_LOSS', 'FULL_LOSS', 'UNKNOWN'] as const;
const RECEIVING = ['DIBAO', 'TEKUN', 'DIBAO_EDGE'] as const;
const newMember = () => ({
  sex: 'M' as const,
  disabilityGrade: 0,
  selfCare: 'SELF_CARE' as const,
  inEducation: false,
  unemployed: false,
  seriousIllness: false,
  monthlyIncomeYuan: 0,
});

export function SelfCheckPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { place, villageCode } = usePortal();
  const [form] = Form.useForm<SelfCheckValues>();
  const [step, setStep] = useState(0);
  const [result, setResult] = useState<SelfCheckResult | null>(null);
  const [busy, setBusy] = useState(false);
  const { shown, report, clear } = useFormError();

  // The poster's village says urban or rural; the citizen may still change it.
  const guessed = guessArea(place?.villageName);
  useEffect(() => {
    if (guessed && !form.isFieldTouched('area')) form.setFieldValue('area', guessed);
  }, [guessed, form]);

  const next = async () => {
    try {
      await form.validateFields(['area', 'members'], { recursive: true });
      setStep(1);
    } catch {
      // the fields show what is missing
    }
  };

  const submit = async () => {
    clear();
    let values: SelfCheckValues;
    try {
      await form.validateFields({ recursive: true });
      values = form.getFieldsValue(true) as SelfCheckValues;
    } catch {
      return;
    }
    setBusy(true);
    try {
      const r = await portalApi.selfCheck(selfCheckPayload(values, place ? villageCode : null));
      setResult(r);
      setStep(2);
      window.scrollTo({ top: 0 });
    } catch (err) {
      report(err, form, { resolve: SELF_CHECK_FIELDS });
      if (isApiError(err) && err.fieldIssues.some((i) => /^(area|members)/.test(i.field))) setStep(0);
    } finally {
      setBusy(false);
    }
  };

  const stepTitles = [
    t('portal.selfCheck.stepHousehold'),
    t('portal.selfCheck.stepMoney'),
    t('portal.selfCheck.stepResult'),
  ];

  return (
    <PortalPage title={t('portal.selfCheck.title')} testId="portal-self-check">
      <Alert
        type="info"
        showIcon
        className="hjp-gap"
        data-testid="selfcheck-disclaimer"
        title={t('portal.selfCheck.disclaimer')}
      />
      <Steps
        size="small"
        current={step}
        className="hjp-gap"
        responsive={false}
        items={stepTitles.map((title) => ({ title }))}
      />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ members: [newMember()], hasVehicle: false, receiving: [] }}
        onFinish={submit}
      >
        <div style={{ display: step === 0 ? undefined : 'none' }} data-testid="selfcheck-step-household">
          <p className="hjp-muted">{t('portal.selfCheck.intro')}</p>
          <Form.Item
            name="area"
            label={t('portal.selfCheck.area')}
            rules={[{ required: true, message: t('portal.choose', { field: t('portal.selfCheck.area') }) }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'urban', label: t('portal.selfCheck.urban') },
                { value: 'rural', label: t('portal.selfCheck.rural') },
              ]}
            />
          </Form.Item>
          <Form.List name="members">
            {(fields, { add, remove }) => (
              <div className="hjp-stack">
                {fields.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    data-testid="selfcheck-member"
                    title={
                      i === 0 ? t('portal.selfCheck.memberSelf') : t('portal.selfCheck.member', { n: i + 1 })
                    }
                    extra={
                      i > 0 ? (
                        <Button
                          type="link"
                          danger
                          onClick={() => remove(f.name)}
                          data-testid="selfcheck-remove-member"
                        >
                          {t('portal.selfCheck.removeMember')}
                        </Button>
                      ) : null
                    }
                  >
                    <div className="hjp-pair">
                      <Form.Item
                        name={[f.name, 'age']}
                        label={t('portal.selfCheck.age')}
                        rules={[
                          {
                            required: true,
                            message: t('portal.required', { field: t('portal.selfCheck.age') }),
                          },
                          { type: 'number', min: 0, max: 120, message: t('portal.selfCheck.ageRange') },
                        ]}
                      >
                        <InputNumber
                          min={0}
                          max={120}
                          precision={0}
                          inputMode="numeric"
                          className="hjp-full"
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'sex']} label={t('portal.selfCheck.sex')}>
                        <Radio.Group
                          options={[
                            { value: 'M', label: t('portal.selfCheck.male') },
                            { value: 'F', label: t('portal.selfCheck.female') },
                          ]}
                        />
                      </Form.Item>
                    </div>
                    <div className="hjp-pair">
                      <Form.Item
                        name={[f.name, 'disabilityGrade']}
                        label={t('portal.selfCheck.disabilityGrade')}
                      >
                        <Select
                          options={[0, 1, 2, 3, 4].map((n) => ({
                            value: n,
                            label:
                              n === 0
                                ? t('portal.selfCheck.disabilityNone')
                                : t('portal.selfCheck.disabilityGradeN', { n }),
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'selfCare']} label={t('portal.selfCheck.selfCare')}>
                        <Select
                          options={SELF_CARE.map((s) => ({
                            value: s,
                            label: t(`portal.selfCheck.selfCare${s}`),
                          }))}
                        />
                      </Form.Item>
                    </div>
                    <div className="hjp-checks">
                      <Form.Item name={[f.name, 'inEducation']} valuePropName="checked" noStyle>
                        <Checkbox>{t('portal.selfCheck.inEducation')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'unemployed']} valuePropName="checked" noStyle>
                        <Checkbox>{t('portal.selfCheck.unemployed')}</Checkbox>
                      </Form.Item>
                      <Form.Item name={[f.name, 'seriousIllness']} valuePropName="checked" noStyle>
                        <Checkbox>{t('portal.selfCheck.seriousIllness')}</Checkbox>
                      </Form.Item>
                    </div>
                    <Form.Item name={[f.name, 'monthlyIncomeYuan']} label={t('portal.selfCheck.ownIncome')}>
                      <InputNumber
                        min={0}
                        max={1_000_000}
                        precision={2}
                        inputMode="decimal"
                        className="hjp-full"
                      />
                    </Form.Item>
                  </Card>
                ))}
                {fields.length < MAX_MEMBERS ? (
                  <Button
                    block
                    type="dashed"
                    onClick={() => add(newMember())}
                    data-testid="selfcheck-add-member"
                  >
                    + {t('portal.selfCheck.addMember')}
                  </Button>
                ) : null}
              </div>
            )}
          </Form.List>
          <Button type="primary" block className="hjp-top" onClick={next} data-testid="selfcheck-next">
            {t('portal.selfCheck.next')}
          </Button>
        </div>

        <div style={{ display: step === 1 ? undefined : 'none' }} data-testid="selfcheck-step-money">
          <Form.Item name="hasVehicle" valuePropName="checked">
            <Checkbox>{t('portal.selfCheck.hasVehicle')}</Checkbox>
          </Form.Item>
          <Form.Item name="financialAssetsYuan" label={t('portal.selfCheck.savings')}>
            <InputNumber min={0} max={100_000_000} precision={2} inputMode="decimal" className="hjp-full" />
          </Form.Item>
          <Form.Item name="rigidSpendingYuan" label={t('portal.selfCheck.rigidSpending')}>
            <InputNumber min={0} max={100_000_000} precision={2} inputMode="decimal" className="hjp-full" />
          </Form.Item>
          <Form.Item name="receiving" label={t('portal.selfCheck.receiving')}>
            <Checkbox.Group
              className="hjp-checks"
              options={RECEIVING.map((r) => ({ value: r, label: t(`portal.selfCheck.receiving${r}`) }))}
            />
          </Form.Item>
          <ErrorAlert shown={shown} />
          <div className="hjp-row">
            <Button className="hjp-grow" onClick={() => setStep(0)} data-testid="selfcheck-prev">
              {t('portal.selfCheck.prev')}
            </Button>
            <Button
              type="primary"
              className="hjp-grow"
              htmlType="submit"
              loading={busy}
              data-testid="selfcheck-submit"
            >
              {t('portal.selfCheck.submit')}
            </Button>
          </div>
        </div>
      </Form>

      {step === 2 && result ? (
        <SelfCheckResultView result={result} lang={lang} onRestart={() => setStep(0)} />
      ) : null}
    </PortalPage>
  );
}
