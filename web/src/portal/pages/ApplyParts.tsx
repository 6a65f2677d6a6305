// Parts of the application form: the household members (GB/T 4761 relation, ID number checked as
// typed) and the consent to the economic check with the pledge, each a ticked checkbox.
import { Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../lib/lang.ts';
import { useIdNumberRule } from '../IdentityStep.tsx';
import { RELATION_CHOICES } from '../model.ts';

const MAX_MEMBERS = 11;

export function MembersField() {
  const { t } = useTranslation();
  const lang = useLang();
  const idRule = useIdNumberRule();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('portal.required', { field }),
  });
  return (
    <Form.Item label={t('portal.apply.members')} extra={t('portal.apply.membersHint')}>
      <Form.List name="members">
        {(fields, { add, remove }) => (
          <div className="hjp-stack">
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                data-testid="apply-member"
                title={t('portal.apply.member', { n: i + 1 })}
                extra={
                  <Button type="link" danger onClick={() => remove(f.name)} data-testid="apply-remove-member">
                    {t('portal.apply.removeMember')}
                  </Button>
                }
              >
                <Form.Item
                  name={[f.name, 'name']}
                  label={t('portal.apply.memberName')}
                  rules={[required(t('portal.apply.memberName'))]}
                >
                  <Input maxLength={30} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'idNumber']}
                  label={t('portal.apply.memberIdNumber')}
                  rules={[required(t('portal.apply.memberIdNumber')), idRule]}
                  validateTrigger="onBlur"
                >
                  <Input maxLength={18} autoCapitalize="characters" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'relation']}
                  label={t('portal.apply.relation')}
                  rules={[
                    {
                      required: true,
                      message: t('portal.choose', { field: t('portal.apply.relation') }),
                    },
                  ]}
                >
                  <Select options={RELATION_CHOICES.map((r) => ({ value: r.code, label: r[lang] }))} />
                </Form.Item>
              </Card>
            ))}
            {fields.length < MAX_MEMBERS ? (
              <Button block type="dashed" onClick={() => add({})} data-testid="apply-add-member">
                + {t('portal.apply.addMember')}
              </Button>
            ) : null}
          </div>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** 授权核对家庭经济状况 (S1 Art.9(三)) and 承诺书 (S5 §一(二)): the texts, each with its checkbox. */
export function ConsentAndPledge() {
  const { t } = useTranslation();
  return (
    <>
      <Card
        size="small"
        title={t('portal.apply.consentTitle')}
        className="hjp-gap"
        data-testid="consent-text"
      >
        <p className="hjp-prose">{t('portal.apply.consentText')}</p>
        <Form.Item
          name="consent"
          valuePropName="checked"
          rules={[
            {
              validator: async (_: unknown, v: boolean) => {
                if (!v) throw new Error(t('portal.apply.consentRequired'));
              },
            },
          ]}
        >
          <Checkbox data-testid="apply-consent">{t('portal.apply.consent')}</Checkbox>
        </Form.Item>
      </Card>
      <Card size="small" title={t('portal.apply.pledgeTitle')} className="hjp-gap" data-testid="pledge-text">
        <p className="hjp-prose">{t('portal.apply.pledgeText')}</p>
        <Form.Item
          name="pledge"
          valuePropName="checked"
          rules={[
            {
              validator: async (_: unknown, v: boolean) => {
                if (!v) throw new Error(t('portal.apply.pledgeRequired'));
              },
            },
          ]}
        >
          <Checkbox data-testid="apply-pledge">{t('portal.apply.pledge')}</Checkbox>
        </Form.Item>
      </Card>
    </>
  );
}
