import type { DivisionSet } from '../server/modules/divisions/divisions.usecases.ts';

// The demo zone "高新区" (370971, a code the national list does not use, §15): five towns and
// exactly 116 villages. Names are invented; codes follow the NBS rules (§11.2): 001–099 街道,
// 100–199 镇; 001–199 居委会 (urban), 200–399 村委会 (rural).

export const DEMO_COUNTY = '370971';

const TOWNS = [
  { no: '001', name: '北集坡街道', communities: 6, villages: 24, stems: '东西南北前后上下大小' },
  { no: '002', name: '凤天街道', communities: 8, villages: 12, stems: '凤天祥瑞和兴安泰福' },
  { no: '003', name: '南湖街道', communities: 5, villages: 15, stems: '湖滨荷柳松竹梅兰' },
  { no: '100', name: '良庄镇', communities: 2, villages: 23, stems: '良庄石岭河沟峪坡营' },
  { no: '101', name: '道朗镇', communities: 1, villages: 20, stems: '道朗黄山青龙白马金' },
] as const;

const COMMUNITY_SUFFIX = ['社区居委会'];
const VILLAGE_PARTS = [
  '家庄',
  '家屯',
  '家峪',
  '家寨',
  '王庄',
  '李庄',
  '张庄',
  '官庄',
  '店子',
  '河口',
  '岭上',
  '泉头',
];

export function demoDivisions(): DivisionSet {
  const county = { code12: `${DEMO_COUNTY}000000`, name: '高新区' };
  const towns = TOWNS.map((t) => ({ code12: `${DEMO_COUNTY}${t.no}000`, name: t.name }));
  const villages: DivisionSet['villages'] = [];
  for (const t of TOWNS) {
    const townCode12 = `${DEMO_COUNTY}${t.no}000`;
    for (let i = 0; i < t.communities; i++) {
      const stem = t.stems[i % t.stems.length];
      villages.push({
        code12: `${DEMO_COUNTY}${t.no}${String(i + 1).padStart(3, '0')}`,
        name: `${stem}${['苑', '园', '城', '苑东', '园西', '新'][Math.floor(i / t.stems.length) % 6]}${COMMUNITY_SUFFIX[0]}`,
        townCode12,
        urbanRuralCode: t.no < '100' ? '111' : '121',
      });
    }
    for (let i = 0; i < t.villages; i++) {
      const stem = t.stems[i % t.stems.length];
      const part = VILLAGE_PARTS[Math.floor(i / t.stems.length + i) % VILLAGE_PARTS.length];
      villages.push({
        code12: `${DEMO_COUNTY}${t.no}${String(201 + i).padStart(3, '0')}`,
        name: `${stem}${part}村村委会`,
        townCode12,
        urbanRuralCode: t.no < '100' ? '112' : '220',
      });
    }
  }
  if (villages.length !== 116)
    throw new Error(`demo district must have 116 villages, has ${villages.length}`);
  return { county, towns, villages };
}
