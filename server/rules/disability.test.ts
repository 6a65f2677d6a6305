import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DisabilityCategory,
  type DisabilityGrade,
  isDibaoSingleDisability,
  isSevere,
  isSupporterIncapableDisability,
  isTekunDisability,
  parseDisabilityCertificate,
} from './disability.ts';
import { makeIdNumber } from './id-number.ts';

const ID = '370911195501010026';

describe('parseDisabilityCertificate', () => {
  it.each([
    // src: §11.3 [V2] 18-char ID + category + grade; category 1 = 视力 [K]
    { cert: `${ID}11`, category: 1, grade: 1, cn: '视力残疾', gn: '一级', suffix: '', src: '§11.3' },
    // src: §11.3 category 2 = 听力 [K]
    { cert: `${ID}24`, category: 2, grade: 4, cn: '听力残疾', gn: '四级', suffix: '', src: '§11.3' },
    // src: §11.3 category 3 = 言语 [K]
    { cert: `${ID}33`, category: 3, grade: 3, cn: '言语残疾', gn: '三级', suffix: '', src: '§11.3' },
    // src: §11.3 category 4 = 肢体 [K]
    { cert: `${ID}42`, category: 4, grade: 2, cn: '肢体残疾', gn: '二级', suffix: '', src: '§11.3' },
    // src: §11.3 category 5 = 智力 [K]
    { cert: `${ID}53`, category: 5, grade: 3, cn: '智力残疾', gn: '三级', suffix: '', src: '§11.3' },
    // src: §11.3 category 6 = 精神 [K]
    { cert: `${ID}62`, category: 6, grade: 2, cn: '精神残疾', gn: '二级', suffix: '', src: '§11.3' },
    // src: §11.3 category 7 = 多重 [K]
    { cert: `${ID}71`, category: 7, grade: 1, cn: '多重残疾', gn: '一级', suffix: '', src: '§11.3' },
    // src: §11.3 "some systems append extra characters for re-issue"
    { cert: `${ID}62B1`, category: 6, grade: 2, cn: '精神残疾', gn: '二级', suffix: 'B1', src: '§11.3' },
  ])('$cert → $cn $gn ($src)', ({ cert, category, grade, cn, gn, suffix }) => {
    expect(parseDisabilityCertificate(cert)).toEqual({
      ok: true,
      idNumber: ID,
      category,
      grade,
      categoryName: cn,
      gradeName: gn,
      suffix,
    });
  });

  it('normalises a lowercase x in the ID part (GB 11643 §11.1)', () => {
    expect(parseDisabilityCertificate(' 11010519491231002x54 ')).toMatchObject({
      ok: true,
      idNumber: '11010519491231002X',
      category: 5,
      grade: 4,
    });
  });

  it.each([
    // src: §11.3 at least 20 characters
    { cert: `${ID}1`, rule: 'length', src: '§11.3' },
    // src: §11.3 an 18-character ID alone is not a certificate number
    { cert: ID, rule: 'length', src: '§11.3' },
    // src: §11.3 "validate the first 18 with GB 11643" (wrong check digit)
    { cert: '37091119550101002711', rule: 'id_number', src: '§11.3; GB 11643 §11.1' },
    // src: §11.3 a 15-digit ID is not the second-generation layout
    { cert: '37091155010100211', rule: 'length', src: '§11.3' },
    // src: §11.3 category 1–7
    { cert: `${ID}01`, rule: 'category', src: '§11.3' },
    { cert: `${ID}81`, rule: 'category', src: '§11.3' },
    { cert: `${ID}A1`, rule: 'category', src: '§11.3' },
    // src: §11.3 grade 1–4
    { cert: `${ID}10`, rule: 'grade', src: '§11.3' },
    { cert: `${ID}15`, rule: 'grade', src: '§11.3' },
    { cert: `${ID}1-`, rule: 'grade', src: '§11.3' },
  ])('$cert fails $rule ($src)', ({ cert, rule }) => {
    const r = parseDisabilityCertificate(cert);
    expect(r).toMatchObject({ ok: false, rule });
    if (!r.ok) {
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.messageEn).toMatch(/[a-z]/);
    }
  });

  it('reports the expected check digit when the ID part is wrong (GB 11643 §11.1)', () => {
    expect(parseDisabilityCertificate('37091119550101002711')).toMatchObject({
      rule: 'id_number',
      expected: '6',
      message: '残疾人证号前 18 位不是有效的身份号码：校验位错误：应为 6',
    });
  });

  it('round-trips any valid ID, category and grade (§11.3)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 4 }),
        fc.stringMatching(/^[0-9A-Z]{0,3}$/),
        (seq, category, grade, suffix) => {
          const id = makeIdNumber('370911', '1980-02-29', seq);
          expect(parseDisabilityCertificate(`${id}${category}${grade}${suffix}`)).toMatchObject({
            ok: true,
            idNumber: id,
            category,
            grade,
            suffix,
          });
        },
      ),
    );
  });
});

// Every category × grade combination. Columns: severe, tekun (无劳动能力), dibao single (单人保),
// supporter incapable (赡养人无履行能力).
//   severe        — §11.3 [K], consistent with S1 Art.8 "一级、二级重度残疾人"
//   tekun         — S2 Art.5(三): 一二三级智力/精神, 一二级肢体, 一级视力
//   dibao single  — S1 Art.8(一): 一级、二级 + 三级智力/精神
//   supporter     — S2 Art.8(四): 重度 + 三级智力/精神
type Row = [DisabilityCategory, DisabilityGrade, boolean, boolean, boolean, boolean, string];
const T = true;
const F = false;
const TABLE: Row[] = [
  [1, 1, T, T, T, T, 'S2 Art.5(三) 一级视力; S1 Art.8; S2 Art.8(四)'],
  [1, 2, T, F, T, T, 'S2 Art.5(三) only 一级视力; S1 Art.8; S2 Art.8(四)'],
  [1, 3, F, F, F, F, 'S1 Art.8 / S2 Art.8(四) grade 3 only for 智力/精神'],
  [1, 4, F, F, F, F, 'S1 Art.8; S2 Art.5; S2 Art.8(四)'],
  [2, 1, T, F, T, T, 'S2 Art.5(三) hearing not listed; S1 Art.8; S2 Art.8(四)'],
  [2, 2, T, F, T, T, 'S2 Art.5(三) hearing not listed; S1 Art.8; S2 Art.8(四)'],
  [2, 3, F, F, F, F, 'S1 Art.8; S2 Art.8(四)'],
  [2, 4, F, F, F, F, 'S1 Art.8; S2 Art.5; S2 Art.8(四)'],
  [3, 1, T, F, T, T, 'S2 Art.5(三) speech not listed; S1 Art.8; S2 Art.8(四)'],
  [3, 2, T, F, T, T, 'S2 Art.5(三) speech not listed; S1 Art.8; S2 Art.8(四)'],
  [3, 3, F, F, F, F, 'S1 Art.8; S2 Art.8(四)'],
  [3, 4, F, F, F, F, 'S1 Art.8; S2 Art.5; S2 Art.8(四)'],
  [4, 1, T, T, T, T, 'S2 Art.5(三) 一二级肢体; S1 Art.8; S2 Art.8(四)'],
  [4, 2, T, T, T, T, 'S2 Art.5(三) 一二级肢体; S1 Art.8; S2 Art.8(四)'],
  [4, 3, F, F, F, F, 'S2 Art.5(三) 肢体 only grades 1–2; S1 Art.8'],
  [4, 4, F, F, F, F, 'S1 Art.8; S2 Art.5; S2 Art.8(四)'],
  [5, 1, T, T, T, T, 'S2 Art.5(三) 一二三级智力; S1 Art.8; S2 Art.8(四)'],
  [5, 2, T, T, T, T, 'S2 Art.5(三); S1 Art.8; S2 Art.8(四)'],
  [5, 3, F, T, T, T, 'S2 Art.5(三); S1 Art.8 三级智力; S2 Art.8(四) 三级智力'],
  [5, 4, F, F, F, F, 'S2 Art.5(三) stops at grade 3; S1 Art.8; S2 Art.8(四)'],
  [6, 1, T, T, T, T, 'S2 Art.5(三) 一二三级精神; S1 Art.8; S2 Art.8(四)'],
  [6, 2, T, T, T, T, 'S2 Art.5(三); S1 Art.8; S2 Art.8(四)'],
  [6, 3, F, T, T, T, 'S2 Art.5(三); S1 Art.8 三级精神; S2 Art.8(四) 三级精神'],
  [6, 4, F, F, F, F, 'S2 Art.5(三) stops at grade 3; S1 Art.8; S2 Art.8(四)'],
  [7, 1, T, F, T, T, 'S2 Art.5(三) multiple not listed (province may add, Art.5(四)); S1 Art.8'],
  [7, 2, T, F, T, T, 'S2 Art.5(三) multiple not listed; S1 Art.8; S2 Art.8(四)'],
  [7, 3, F, F, F, F, 'S1 Art.8; S2 Art.8(四)'],
  [7, 4, F, F, F, F, 'S1 Art.8; S2 Art.5; S2 Art.8(四)'],
];

describe('disability helpers over all 7 × 4 combinations', () => {
  it('the table covers every combination exactly once', () => {
    expect(new Set(TABLE.map(([c, g]) => `${c}${g}`)).size).toBe(28);
  });

  it.each(TABLE)(
    'category %i grade %i → severe=%s tekun=%s dibaoSingle=%s supporterIncapable=%s (%s)',
    (category, grade, severe, tekun, single, supporter) => {
      const d = { category, grade };
      expect(isSevere(d)).toBe(severe);
      expect(isTekunDisability(d)).toBe(tekun);
      expect(isDibaoSingleDisability(d)).toBe(single);
      expect(isSupporterIncapableDisability(d)).toBe(supporter);
    },
  );
});
