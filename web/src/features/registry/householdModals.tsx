// Changes of the household itself: address / hukou type / urban-rural, and a new head.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type HouseholdPatch, registryApi } from '../../api/registry.ts';
import type { HouseholdDetail } from '../../api/types.ts';
import { codeOptions, HEAD_RELATION, relationLabel, relationOptions, TABLES } from '../../lib/codes.ts';
import { useLang } from '../../lib/lang.ts';
import { ChangeModal } from './ChangeModal.tsx';

type Common = { detail: HouseholdDetail; onClose: () => void; onChanged: () => void };

type EditValues = {
  reason: string;
  address?: string;
  hukouType?: HouseholdPatch['hukouType'];
  residenceCode?: string;
  urbanRural?: 'urban' | 'rural';
};

export function EditHouseholdModal({ detail, onClose, onChanged }: Common) {
  const { t } = useTranslation();
  const lang = useLang();
  const submit = (v: EditValues) => {
    const patch: HouseholdPatch = { expectedVersion: detail.version, reason: v.reason };
    const address = v.address?.trim() ?? '';
    if (address !== detail.address) patch.address = address;
    if (v.hukouType && v.hukouType !== detail.hukouType) patch.hukouType = v.hukouType;
    if (v.urbanRural && v.urbanRural !== detail.urbanRural) patch.urbanRural = v.urbanRural;
    const residence = v.residenceCode?.trim() || null;
    if (residence !== detail.residenceCode) patch.residenceCode = residence;
    return registryApi.update(detail.id, patch);
  };
  return (
    <ChangeModal<EditValues>
      open
      formName="editHousehold"
      title={t('change.editHouseholdTitle')}
      fields={['address', 'hukouType', 'residenceCode', 'urbanRural']}
      initialValues={{
        address: detail.address,
        hukouType: detail.hukouType as HouseholdPatch['hukouType'],
        residenceCode: detail.residenceCode ?? '',
        urbanRural: detail.urbanRural,
      }}
      submit={submit}
      onClose={onClose}
      onChanged={onChanged}
    >
      <Form.Item name="address" label={t('household.address')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="hukouType" label={t('household.hukouType')}>
        <Select options={codeOptions(TABLES.hukouType, lang)} />
      </Form.Item>
      <Form.Item
        name="residenceCode"
        label={t('household.residenceCode')}
        extra={t('household.residenceHelp')}
        rules={[{ pattern: /^\d{12}$/, message: t('household.residenceHelp') }]}
      >
        <Input maxLength={12} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="urbanRural" label={t('household.urbanRural')}>
        <Select
          options={(['urban', 'rural'] as const).map((v) => ({ value: v, label: t(`urbanRural.${v}`) }))}
        />
      </Form.Item>
    </ChangeModal>
  );
}

type HeadValues = { reason: string; memberId?: string; formerHeadRelationCode?: string };

export function ChangeHeadModal({ detail, onClose, onChanged }: Common) {
  const { t } = useTranslation();
  const lang = useLang();
  const head = detail.members.find((m) => m.relationCode === HEAD_RELATION);
  const candidates = detail.members.filter((m) => m.relationCode !== HEAD_RELATION);
  const submit = (v: HeadValues) =>
    registryApi.changeHead(detail.id, {
      expectedVersion: detail.version,
      reason: v.reason,
      memberId: v.memberId ?? '',
      formerHeadRelationCode: v.formerHeadRelationCode ?? '',
    });
  return (
    <ChangeModal<HeadValues>
      open
      formName="changeHead"
      title={head ? `${t('change.changeHeadTitle')}（${head.name}）` : t('change.changeHeadTitle')}
      fields={['memberId', 'formerHeadRelationCode']}
      submit={submit}
      onClose={onClose}
      onChanged={onChanged}
    >
      <Form.Item
        name="memberId"
        label={t('change.newHead')}
        rules={[{ required: true, message: t('change.newHeadRequired') }]}
      >
        <Select
          options={candidates.map((m) => ({
            value: m.memberId,
            label: `${m.name}（${relationLabel(m.relationCode)}，${m.idNumberMasked}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="formerHeadRelationCode"
        label={t('change.formerHeadRelation')}
        rules={[{ required: true, message: t('change.formerHeadRelationRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={relationOptions(lang).filter((o) => o.value !== HEAD_RELATION)}
        />
      </Form.Item>
    </ChangeModal>
  );
}
