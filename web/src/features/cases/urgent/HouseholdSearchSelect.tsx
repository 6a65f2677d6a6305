// A household of the user's jurisdiction, searched by household number, the head's name or an ID
// number (the registry's search), within the chosen village when there is one.
import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registryApi } from '../../../api/registry.ts';
import type { HouseholdListItem } from '../../../api/types.ts';
import { useErrorNotifier } from '../../../lib/errors.ts';

type Props = {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** Limits the search to one village (12 digits) when set. */
  villageCode?: string;
  onPicked?: (h: HouseholdListItem) => void;
  disabled?: boolean;
};

export function HouseholdSearchSelect({ id, value, onChange, villageCode, onPicked, disabled }: Props) {
  const { t } = useTranslation();
  const notifyError = useErrorNotifier();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<HouseholdListItem[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    if (disabled) return;
    const mine = ++seq.current;
    const timer = setTimeout(() => {
      setLoading(true);
      registryApi
        .search({
          q: q.trim() || undefined,
          divisionCode: villageCode,
          status: 'active',
          page: 1,
          pageSize: 20,
        })
        .then((r) => mine === seq.current && setItems(r.items))
        .catch((e) => mine === seq.current && notifyError(e))
        .finally(() => mine === seq.current && setLoading(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [q, villageCode, disabled, notifyError]);

  const options = useMemo(
    () =>
      items.map((h) => ({
        value: h.id,
        label: t('urgent.householdOption', {
          no: h.householdNo,
          head: h.headNameMasked ?? '—',
          village: h.villageName,
        }),
      })),
    [items, t],
  );

  return (
    <Select
      id={id}
      value={value ?? undefined}
      disabled={disabled}
      allowClear
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={loading}
      options={options}
      placeholder={t('urgent.householdPlaceholder')}
      onChange={(v: string | undefined) => {
        onChange?.(v ?? null);
        const h = items.find((i) => i.id === v);
        if (h) onPicked?.(h);
      }}
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      data-testid="urgent-household"
    />
  );
}
