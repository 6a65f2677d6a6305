import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';

// The timeline says in words what the system did after each step (its effects): every effect a case
// machine can emit has a label in both languages, and so does every field an effect carries.
const MODELS = path.resolve(import.meta.dirname, '../../../../server/modules/cases');

function effectTypes(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of fs.readdirSync(MODELS).filter((f) => f.endsWith('.models.ts'))) {
    const src = fs.readFileSync(path.join(MODELS, file), 'utf8');
    for (const block of src.matchAll(/export type \w+Effect =([\s\S]*?);\n/g)) {
      for (const m of block[1]!.matchAll(/\{ type: '([A-Z_]+)'([^}]*)\}/g)) {
        const fields = out.get(m[1]!) ?? new Set<string>();
        for (const f of m[2]!.matchAll(/(\w+)\??:/g)) fields.add(f[1]!);
        out.set(m[1]!, fields);
      }
    }
  }
  return out;
}

describe('case timeline effects', () => {
  const types = effectTypes();
  it('finds the effect unions of the case machines', () => {
    expect(types.size).toBeGreaterThan(25);
    expect(types.get('SLA_CLOCK_STARTED')).toEqual(new Set(['t0', 'overallDue']));
  });

  it.each([...types.keys()])('%s and its fields are labelled in zh-CN and en', (type) => {
    expect(zhCN.cases.effects).toHaveProperty([type]);
    expect(en.cases.effects).toHaveProperty([type]);
    for (const field of types.get(type)!) {
      if (field === 'township') continue; // not shown: the case's own town
      expect(zhCN.cases.fields, `${type}.${field}`).toHaveProperty([field]);
      expect(en.cases.fields, `${type}.${field}`).toHaveProperty([field]);
    }
  });
});
