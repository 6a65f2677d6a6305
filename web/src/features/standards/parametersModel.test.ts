import { describe, expect, it } from 'vitest';
import { POLICY_PARAMETERS } from '../../../../contracts/parameters.ts';
import { parameterSpec, parseParameter, resolveParameterField, showParameter } from './parametersModel.ts';

// What the parameters form takes: money typed in yuan is sent in fen, ratios as decimal strings,
// counts as integers, each refused outside the catalogue's bounds (§13) before the server sees it.
const byKind = (kind: string) => POLICY_PARAMETERS.find((p) => p.kind === kind)!;

describe('policy parameters in the console', () => {
  it('has a spec for every catalogue key', () => {
    for (const p of POLICY_PARAMETERS) expect(parameterSpec(p.key)).toBe(p);
  });

  it.each([
    ['fen', '1234.5', { ok: true, value: 123_450 }],
    ['fen', '12.345', { ok: false, reason: 'format' }],
    ['int', '3', { ok: true, value: 3 }],
    ['int', '2.5', { ok: false, reason: 'format' }],
    ['ratio', '0.3', { ok: true, value: '0.3' }],
    ['ratio', '0.12345', { ok: false, reason: 'format' }],
    ['ratio', 'abc', { ok: false, reason: 'format' }],
    ['phone', '0538-8120000', { ok: true, value: '0538-8120000' }],
    ['phone', ' ', { ok: true, value: '' }],
    ['phone', '0538 812', { ok: false, reason: 'format' }],
    ['phone', '0538-81200001234567890', { ok: false, reason: 'range' }],
  ] as const)('a %s parameter reads "%s"', (kind, text, out) => {
    expect(parseParameter(byKind(kind), text)).toEqual(out);
  });

  it('refuses a value outside the bounds', () => {
    const mask = parameterSpec('portal.maskNamesOnline')!;
    expect(parseParameter(mask, '2')).toEqual({ ok: false, reason: 'range' });
    expect(parseParameter(mask, '0')).toEqual({ ok: true, value: 0 });
  });

  it('shows money in yuan and puts the API’s field issues on the form', () => {
    expect(showParameter('fen', 123_450)).toBe('1234.50');
    expect(showParameter('ratio', '1.5')).toBe('1.5');
    expect(showParameter('int', null)).toBe('—');
    expect(resolveParameterField(['changes', 0, 'effectiveFrom'])).toEqual(['month']);
    expect(resolveParameterField(['changes', 0, 'value'])).toEqual(['value']);
    expect(resolveParameterField(['other'])).toBeNull();
  });
});
