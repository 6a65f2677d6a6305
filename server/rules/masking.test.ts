import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from './id-number.ts';
import { checkBankAccount, isPhone, maskBankAccount, maskIdNumber, maskName, maskPhone } from './masking.ts';

// All rows below implement the display-masking convention of §2.2 (privacy) as specified in the brief;
// the shapes validated come from common Chinese numbering practice [K].

describe('maskIdNumber', () => {
  it.each([
    { input: '370911195501010026', out: '3709**********0026', src: '§2.2' },
    { input: '11010519491231002X', out: '1101**********002X', src: '§2.2' },
    // src: §2.2 15-digit legacy numbers are masked the same way
    { input: '110105491231002', out: '1101*******1002', src: '§2.2' },
    // src: §2.2 nine characters is the shortest length that keeps both ends
    { input: '123456789', out: '1234*6789', src: '§2.2' },
    { input: '12345678', out: '********', src: '§2.2' },
    { input: '', out: '', src: '§2.2' },
  ])('$input → $out ($src)', ({ input, out }) => {
    expect(maskIdNumber(input)).toBe(out);
  });
});

describe('maskPhone', () => {
  it.each([
    { input: '13812345678', out: '138****5678', src: '§2.2 mobile' },
    { input: ' 19912345678 ', out: '199****5678', src: '§2.2 mobile, trimmed' },
    { input: '0538-1234567', out: '0538-*****67', src: '§2.2 landline keeps area code' },
    { input: '05381234567', out: '0538*****67', src: '§2.2 landline without dash' },
    { input: '010-12345678', out: '010-******78', src: '§2.2 3-digit area code' },
    { input: '+85291234567', out: '**********67', src: '§2.2 unknown shape: last 2 only' },
    { input: '12345', out: '*****', src: '§2.2 too short to reveal anything' },
  ])('$input → $out ($src)', ({ input, out }) => {
    expect(maskPhone(input)).toBe(out);
  });
});

describe('maskBankAccount', () => {
  it.each([
    { input: '6222021234567890123', out: '6222***********0123', src: '§2.2' },
    { input: '6222 0212 3456 7890 123', out: '6222***********0123', src: '§2.2 spaces dropped' },
    { input: '12345678', out: '********', src: '§2.2 too short' },
  ])('$input → $out ($src)', ({ input, out }) => {
    expect(maskBankAccount(input)).toBe(out);
  });
});

describe('maskName', () => {
  it.each([
    { input: '张三', out: '张*', src: '§2.2' },
    { input: '张三丰', out: '张*丰', src: '§2.2' },
    { input: '欧阳娜娜', out: '欧**娜', src: '§2.2 compound surname: same rule' },
    { input: '李', out: '*', src: '§2.2 single character' },
    { input: '', out: '', src: '§2.2' },
    { input: '𠮷野家', out: '𠮷*家', src: '§2.2 non-BMP character kept whole' },
    { input: '阿卜杜热合曼·买买提', out: '阿********提', src: '§2.2 minority names with ·' },
  ])('$input → $out ($src)', ({ input, out }) => {
    expect(maskName(input)).toBe(out);
  });
});

describe('isPhone', () => {
  it.each([
    { input: '13812345678', ok: true, src: '[K] mobile 1[3-9]xxxxxxxxx' },
    { input: '19912345678', ok: true, src: '[K] mobile' },
    { input: '12812345678', ok: false, src: '[K] no 12x mobile prefix' },
    { input: '1381234567', ok: false, src: '[K] 10 digits' },
    { input: '0538-1234567', ok: true, src: '[K] landline with dash' },
    { input: '05388123456', ok: true, src: '[K] landline without dash' },
    { input: '010-12345678', ok: true, src: '[K] 3-digit area code, 8-digit local' },
    { input: '0538-123456', ok: false, src: '[K] local part too short' },
    { input: '538-1234567', ok: false, src: '[K] area code starts with 0' },
    { input: '', ok: false, src: '[K]' },
  ])('$input → $ok ($src)', ({ input, ok }) => {
    expect(isPhone(input)).toBe(ok);
  });
});

describe('checkBankAccount', () => {
  it.each([
    { input: '6222021234567890123', out: '6222021234567890123', src: '[K] 19-digit card' },
    { input: '6222 0212 3456 7890 123', out: '6222021234567890123', src: '[K] spaces removed' },
    { input: '123456789012', out: '123456789012', src: '[K] 12-digit passbook minimum' },
    { input: '12345678901', out: null, src: '[K] 11 digits is too short' },
    { input: '1'.repeat(31), out: null, src: '[K] over 30 digits' },
    { input: '6222-0212-3456-7890', out: null, src: '[K] only spaces are separators' },
  ])('$input → $out ($src)', ({ input, out }) => {
    expect(checkBankAccount(input)).toBe(out);
  });
});

describe('masking properties (§2.2)', () => {
  const idArb = fc
    .tuple(
      fc.stringMatching(/^[1-8]\d{5}$/),
      fc.date({ min: new Date('1920-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([a, d, s]) => makeIdNumber(a, d.toISOString().slice(0, 10), s));

  it('a masked ID number keeps its length and hides every middle character', () => {
    fc.assert(
      fc.property(idArb, (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(id.length);
        expect(m.slice(4, -4)).toMatch(/^\*+$/);
        expect(m).not.toContain(id.slice(6, 14)); // the birth date never shows
      }),
    );
  });

  it('any string of 9+ characters keeps only 4 + 4 visible', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{9,30}$/), (s) => {
        const m = maskIdNumber(s);
        expect(m.length).toBe(s.length);
        expect(m.replaceAll('*', '').length).toBe(8);
      }),
    );
  });

  it('a masked mobile hides digits 4–7', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        const m = maskPhone(p);
        expect(m.slice(3, 7)).toBe('****');
        expect(m).toHaveLength(11);
      }),
    );
  });

  it('a masked bank account shows at most 8 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{12,30}$/), (acct) => {
        const m = maskBankAccount(acct);
        expect(m.replaceAll('*', '')).toBe(acct.slice(0, 4) + acct.slice(-4));
      }),
    );
  });

  it('a masked name of 2+ characters shows only the first and (for 3+) the last character', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...'王李张刘陈杨赵黄周吴欧阳司马'), { minLength: 2, maxLength: 6 }),
        (cs) => {
          const m = Array.from(maskName(cs.join('')));
          expect(m).toHaveLength(cs.length);
          expect(m[0]).toBe(cs[0]);
          expect(m.slice(1, -1).every((c) => c === '*')).toBe(true);
        },
      ),
    );
  });
});
