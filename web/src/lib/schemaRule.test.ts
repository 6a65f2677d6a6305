import { describe, expect, it } from 'vitest';
import { parameterChange } from '../../../contracts/parameters.ts';
import { schemaProblem } from './schemaRule.ts';

describe('schemaProblem', () => {
  const reason = parameterChange.shape.reason;
  it('gives the contract’s message in the reader’s language, and null for a good value', () => {
    expect(schemaProblem(reason, 'x', 'zh')).toBe('请填写调整依据（如文件号）');
    expect(schemaProblem(reason, undefined, 'en')).toBe(
      'give the basis of the change (e.g. the notice number)',
    );
    expect(schemaProblem(reason, '鲁民〔2026〕1号', 'zh')).toBeNull();
  });
});
