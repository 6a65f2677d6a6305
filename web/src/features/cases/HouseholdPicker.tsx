// A household select that searches the registry as the caseworker types (number or name).
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registryApi } from '../../api/registry.ts';
import type { HouseholdDetail } from '../../api/types.ts';

type Option = { value: string; label: string };
type Props = { id?: string; value?: string; onChange?: (v: string) => void; initial: HouseholdDetail | null };

export function HouseholdPicker({ id, value, onChange, initial }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [options, setOptions] = useState<Option[]>([]);

  useEffect(() => {
    let alive = true;
    const timer = setTimeout(() => {
      registryApi
        .search({ q: q.trim() || undefined, status: 'active', page: 1, pageSize: 20 })
        .then(
          (r) =>
            alive &&
            setOptions(
              r.items.map((h) => ({
                value: h.id,
                label: `${h.householdNo} ${h.headNameMasked ?? ''} · ${h.villageName}`,
              })),
            ),
        )
        .catch(() => undefined);
    }, 250);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [q]);

  const current =
    initial && initial.id === value
      ? [
          {
            value: initial.id,
            label: `${initial.householdNo} ${initial.members.find((m) => m.relationCode === '02')?.name ?? ''} · ${initial.villageName}`,
          },
        ]
      : [];
  const all = [...current, ...options.filter((o) => o.value !== initial?.id)];

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={t('cases.application.householdPlaceholder')}
      options={all}
      style={{ width: '100%' }}
    />
  );
}
