import { z } from 'zod';
import type { FieldIssue } from './errors.ts';

// Zod issues become bilingual field issues. Schemas with a domain message write it as
// "中文||English" (see bi()); built-in checks are translated with zod's own zh-CN locale.
const zhLocale = z.locales.zhCN().localeError as (issue: unknown) => string | { message: string } | undefined;

export const bi = (zh: string, en: string) => `${zh}||${en}`;

type LooseIssue = { path: PropertyKey[]; message: string; code?: string; expected?: unknown };

export function toFieldIssues(issues: readonly LooseIssue[], prefix = ''): FieldIssue[] {
  return issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    if (i.message.includes('||')) {
      const [zh, en] = i.message.split('||') as [string, string];
      return { field, message: zh, messageEn: en };
    }
    const zhRaw = zhLocale(i);
    const zh = (typeof zhRaw === 'string' ? zhRaw : (zhRaw?.message ?? i.message)).replace(
      /，实际接收 undefined$/,
      '',
    );
    const expected = typeof i.expected === 'string' ? i.expected : undefined;
    return { field, message: zh, messageEn: i.message, expected };
  });
}
