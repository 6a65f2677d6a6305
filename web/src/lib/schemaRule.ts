// The contracts' zod messages are "中文||English" (bi() in contracts/): a form checks a field with
// the very schema the server uses and shows the message in the reader's language.
import type { FormRule } from 'antd';
import type { ZodType } from 'zod';
import type { Lang } from './lang.ts';

/** The first problem the schema finds in the value, in the reader's language; null when fine. */
export function schemaProblem(schema: ZodType, value: unknown, lang: Lang): string | null {
  const r = schema.safeParse(value ?? '');
  if (r.success) return null;
  const [zh = '', en] = (r.error.issues[0]?.message ?? '').split('||');
  return lang === 'en' ? (en ?? zh) : zh;
}

/** An antd rule from a field of a contract's schema. */
export const schemaRule = (schema: ZodType, lang: Lang): FormRule => ({
  validator: async (_, value: unknown) => {
    const problem = schemaProblem(schema, value, lang);
    if (problem !== null) throw new Error(problem);
  },
});
