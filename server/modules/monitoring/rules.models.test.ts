import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './rules.models.ts';

// The built-in rules are what a zh-CN console lists first (预警规则): each speaks its own language
// (the English console keeps the scheme names 低保 and 特困, as everywhere else).
describe('DEFAULT_RULES', () => {
  it.each(DEFAULT_RULES.map((r) => [r.code, r] as const))(
    '%s is named in Chinese and in English',
    (_c, r) => {
      expect(r.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(r.nameEn.replace(/低保|特困/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
      expect(r.nameZh).not.toBe(r.nameEn);
    },
  );
});
