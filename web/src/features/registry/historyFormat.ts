// Display of history values: codes become names, fen become yuan, person ids become names.
import type { TFunction } from 'i18next';
import { codeLabel, disabilityLabel, relationLabel, TABLES } from '../../lib/codes.ts';
import { fenToYuan } from '../../lib/format.ts';
import type { Lang } from '../../lib/lang.ts';

type Ctx = { t: TFunction; lang: Lang; personName: (id: string) => string | null };

const TABLE_FIELDS: Record<string, keyof typeof TABLES> = {
  hukouType: 'hukouType',
  ethnicity: 'ethnicity',
  maritalStatus: 'maritalStatus',
  selfCareLevel: 'selfCareLevel',
  educationLevel: 'educationLevel',
  specialStatus: 'specialStatus',
};

/** A person as the history stores it (masked name and ID, codes). */
function personSummary(p: Record<string, unknown>, ctx: Ctx): string {
  const parts = [relationLabel(String(p.relationCode ?? '')), String(p.idNumber ?? '')].filter(
    (s) => s && s !== '—',
  );
  return `${String(p.name ?? '?')}（${parts.join(ctx.lang === 'en' ? ', ' : '，')}）`;
}

export function formatHistoryValue(field: string, value: unknown, ctx: Ctx): string {
  const { t, lang } = ctx;
  if (value === null || value === undefined || value === '') return t('common.none');
  const table = TABLE_FIELDS[field];
  if (table) return codeLabel(TABLES[table], String(value), lang);
  switch (field) {
    case 'relationCode':
      return relationLabel(String(value));
    case 'urbanRural':
      return value === 'urban' || value === 'rural' ? t(`urbanRural.${value}`) : String(value);
    case 'status':
      return value === 'active' || value === 'closed' ? t(`status.${value}`) : String(value);
    case 'sex':
      return value === 1 || value === '1'
        ? t('sex.1')
        : value === 2 || value === '2'
          ? t('sex.2')
          : String(value);
    case 'monthlyIncomeFen':
      return typeof value === 'number' ? fenToYuan(value) : String(value);
    case 'disability': {
      const [c, g] = String(value).split('-').map(Number);
      return c && g ? disabilityLabel({ category: c, grade: g }, lang) : String(value);
    }
    case 'headPersonId':
      return ctx.personName(String(value)) ?? String(value).slice(0, 8);
    case 'members':
      return Array.isArray(value)
        ? value.map((p) => personSummary(p as Record<string, unknown>, ctx)).join(lang === 'en' ? '; ' : '；')
        : String(value);
    case 'member':
      return typeof value === 'object' ? personSummary(value as Record<string, unknown>, ctx) : String(value);
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
