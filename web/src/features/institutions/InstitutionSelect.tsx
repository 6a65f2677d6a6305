// Picks an open institution with a free bed for a 特困 person's centralised support (§5.4).
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InstitutionView, institutionsApi } from '../../api/institutions.ts';

type Props = { id?: string; value?: string | null; onChange?: (v: string | null) => void };

export function InstitutionSelect({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  const [items, setItems] = useState<InstitutionView[]>([]);
  useEffect(() => {
    institutionsApi
      .list()
      .then((r) => setItems(r.items.filter((i) => i.active)))
      .catch(() => setItems([]));
  }, []);
  return (
    <Select
      id={id}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      placeholder={t('institutions.choose')}
      options={items.map((i) => ({
        value: i.id,
        disabled: i.residents >= i.capacity && i.id !== value,
        label: t('institutions.optionLabel', { name: i.name, residents: i.residents, capacity: i.capacity }),
      }))}
    />
  );
}
