// Family relationship codes, GB/T 4761-2008 家庭关系代码 (domain-rules §11.5 [K — verify edition]).
// The table below is the full 2008 table as it appears in several independent public code tables;
// it has not been checked against the printed standard, so every entry is [K] until it is.
// Rows whose wording varies between those copies are noted inline.

export type RelationGroup =
  | 'self'
  | 'spouse'
  | 'child'
  | 'grandchild'
  | 'parent'
  | 'grandparent'
  | 'sibling'
  | 'other';

type RelationEntry = { code: string; zh: string; group: RelationGroup };

// The standard groups by first digit (2x 子, 3x 女, 5x 父母 …). `group` departs from that for relatives
// by marriage (女婿, 儿媳, 公婆, 岳父母, 嫂, 姐夫 …): §3.2 includes "子女" and "配偶", and these people are
// neither, so they fall to 'other' and are included only under the legal-support-duty rule.
export const RELATIONS = [
  { code: '01', zh: '本人', group: 'self' },
  { code: '02', zh: '户主', group: 'self' }, // the register's own head; relations are relative to him/her
  { code: '10', zh: '配偶', group: 'spouse' },
  { code: '11', zh: '夫', group: 'spouse' },
  { code: '12', zh: '妻', group: 'spouse' },
  { code: '20', zh: '子', group: 'child' },
  { code: '21', zh: '独生子', group: 'child' },
  { code: '22', zh: '长子', group: 'child' },
  { code: '23', zh: '次子', group: 'child' },
  { code: '24', zh: '三子', group: 'child' },
  { code: '25', zh: '四子', group: 'child' },
  { code: '26', zh: '五子', group: 'child' },
  { code: '27', zh: '养子或继子', group: 'child' }, // same rights as natural children (民法典 Art.1072, 1111 [K])
  { code: '28', zh: '女婿', group: 'other' },
  { code: '29', zh: '其他儿子', group: 'child' },
  { code: '30', zh: '女', group: 'child' },
  { code: '31', zh: '独生女', group: 'child' },
  { code: '32', zh: '长女', group: 'child' },
  { code: '33', zh: '次女', group: 'child' },
  { code: '34', zh: '三女', group: 'child' },
  { code: '35', zh: '四女', group: 'child' },
  { code: '36', zh: '五女', group: 'child' },
  { code: '37', zh: '养女或继女', group: 'child' },
  { code: '38', zh: '儿媳', group: 'other' },
  { code: '39', zh: '其他女儿', group: 'child' },
  { code: '40', zh: '孙子、孙女或外孙子、外孙女', group: 'grandchild' },
  { code: '41', zh: '孙子', group: 'grandchild' },
  { code: '42', zh: '孙女', group: 'grandchild' },
  { code: '43', zh: '外孙子', group: 'grandchild' },
  { code: '44', zh: '外孙女', group: 'grandchild' },
  { code: '45', zh: '孙媳妇或外孙媳妇', group: 'other' },
  { code: '46', zh: '孙女婿或外孙女婿', group: 'other' },
  { code: '47', zh: '曾孙子或外曾孙子', group: 'grandchild' },
  { code: '48', zh: '曾孙女或外曾孙女', group: 'grandchild' },
  { code: '49', zh: '其他孙子、孙女或外孙子、外孙女', group: 'grandchild' },
  { code: '50', zh: '父母', group: 'parent' },
  { code: '51', zh: '父亲', group: 'parent' },
  { code: '52', zh: '母亲', group: 'parent' },
  { code: '53', zh: '公公', group: 'other' },
  { code: '54', zh: '婆婆', group: 'other' },
  { code: '55', zh: '岳父', group: 'other' },
  { code: '56', zh: '岳母', group: 'other' },
  { code: '57', zh: '继父或养父', group: 'parent' },
  { code: '58', zh: '继母或养母', group: 'parent' },
  { code: '59', zh: '其他父母关系', group: 'parent' },
  { code: '60', zh: '祖父母或外祖父母', group: 'grandparent' },
  { code: '61', zh: '祖父', group: 'grandparent' },
  { code: '62', zh: '祖母', group: 'grandparent' },
  { code: '63', zh: '外祖父', group: 'grandparent' },
  { code: '64', zh: '外祖母', group: 'grandparent' },
  { code: '65', zh: '配偶的祖父母或外祖父母', group: 'other' },
  { code: '66', zh: '曾祖父', group: 'grandparent' },
  { code: '67', zh: '曾祖母', group: 'grandparent' },
  { code: '68', zh: '配偶的曾祖父母或外曾祖父母', group: 'other' },
  { code: '69', zh: '其他祖父母或外祖父母关系', group: 'grandparent' },
  { code: '70', zh: '兄、弟、姐、妹', group: 'sibling' }, // some copies: 兄弟姐妹
  { code: '71', zh: '兄', group: 'sibling' },
  { code: '72', zh: '嫂', group: 'other' },
  { code: '73', zh: '弟', group: 'sibling' },
  { code: '74', zh: '弟媳', group: 'other' },
  { code: '75', zh: '姐姐', group: 'sibling' },
  { code: '76', zh: '姐夫', group: 'other' },
  { code: '77', zh: '妹妹', group: 'sibling' },
  { code: '78', zh: '妹夫', group: 'other' },
  { code: '79', zh: '其他兄弟姐妹', group: 'sibling' },
  { code: '80', zh: '其他', group: 'other' },
  { code: '81', zh: '伯父', group: 'other' },
  { code: '82', zh: '伯母', group: 'other' },
  { code: '83', zh: '叔父', group: 'other' },
  { code: '84', zh: '婶母', group: 'other' },
  { code: '85', zh: '舅父', group: 'other' },
  { code: '86', zh: '舅母', group: 'other' },
  { code: '87', zh: '姨父', group: 'other' }, // some copies: 姨夫
  { code: '88', zh: '姨母', group: 'other' },
  { code: '89', zh: '姑父', group: 'other' },
  { code: '90', zh: '姑母', group: 'other' },
  { code: '91', zh: '堂兄弟、堂姐妹', group: 'other' },
  { code: '92', zh: '表兄弟、表姐妹', group: 'other' },
  { code: '93', zh: '侄子', group: 'other' },
  { code: '94', zh: '侄女', group: 'other' },
  { code: '95', zh: '外甥', group: 'other' },
  { code: '96', zh: '外甥女', group: 'other' },
  { code: '97', zh: '其他亲属', group: 'other' }, // some copies: 其他亲戚
  { code: '99', zh: '非亲属', group: 'other' },
] as const satisfies readonly RelationEntry[];

export type RelationCode = (typeof RELATIONS)[number]['code'];

const BY_CODE: ReadonlyMap<string, RelationEntry> = new Map(RELATIONS.map((r) => [r.code, r]));

export const isRelationCode = (code: string): code is RelationCode => BY_CODE.has(code);

/** Chinese name of the code, or null when the code is not in the table. */
export const relationName = (code: string): string | null => BY_CODE.get(code)?.zh ?? null;

/** Coarse group used by the household-membership rules; unknown codes fall to 'other'. */
export const relationGroup = (code: string): RelationGroup => BY_CODE.get(code)?.group ?? 'other';
