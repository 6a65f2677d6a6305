// Town then village, from the county's public division tree. A form control (value = village code).
import { Grid, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortal } from './context.tsx';
import { findPlace } from './model.ts';

export function VillagePicker({
  id,
  value,
  onChange,
  allowClear,
}: {
  id?: string;
  value?: string | null;
  onChange?: (code: string | undefined) => void;
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const { divisions } = usePortal();
  const screens = Grid.useBreakpoint();
  const place = findPlace(divisions, value ?? null);
  const [town, setTown] = useState<string | undefined>(place?.townCode);
  useEffect(() => {
    if (place?.townCode) setTown(place.townCode);
  }, [place?.townCode]);
  const towns = divisions?.towns ?? [];
  const villages = towns.find((x) => x.code === town)?.villages ?? [];
  // On a phone a search box would pop the keyboard over the list: search on wider screens only.
  const search = screens.md ? { optionFilterProp: 'label' } : false;
  return (
    <div className="hjp-pair">
      <Select
        aria-label={t('portal.place.town')}
        data-testid="town-select"
        placeholder={t('portal.place.townPlaceholder')}
        value={town}
        loading={!divisions}
        showSearch={search}
        allowClear={allowClear}
        options={towns.map((x) => ({ value: x.code, label: x.name }))}
        onChange={(code: string | undefined) => {
          setTown(code);
          if (value) onChange?.(undefined);
        }}
      />
      <Select
        id={id}
        aria-label={t('portal.place.village')}
        data-testid="village-select"
        placeholder={t('portal.place.villagePlaceholder')}
        value={value ?? undefined}
        disabled={!town}
        showSearch={search}
        allowClear={allowClear}
        options={villages.map((x) => ({ value: x.code, label: x.name }))}
        onChange={(code: string | undefined) => onChange?.(code)}
      />
    </div>
  );
}
