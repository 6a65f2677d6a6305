import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyedHmacSm3, sm3 } from './sm3.mjs';

// The JavaScript SM3 must give what OpenSSL's gives, byte for byte: every blind index already in a
// database was made by node:crypto, and a different byte would lose every exact lookup.

const native = (data: Uint8Array) => crypto.createHash('sm3').update(data).digest();

describe('SM3 (GB/T 32905-2016)', () => {
  it.each([
    // The standard's appendix A examples.
    ['abc', '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0'],
    ['abcd'.repeat(16), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732'],
  ])('digest of %s is the standard example', (message, hex) => {
    expect(sm3(Buffer.from(message)).toString('hex')).toBe(hex);
  });

  it('equals OpenSSL on every length around the block and padding edges', () => {
    for (let n = 0; n <= 200; n++) {
      const data = crypto.randomBytes(n);
      expect(sm3(data).toString('hex'), `length ${n}`).toBe(native(data).toString('hex'));
    }
  });

  it('equals OpenSSL on random data (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (data) => {
        expect(sm3(data).equals(native(data))).toBe(true);
      }),
    );
  });
});

describe('HMAC-SM3 (RFC 2104)', () => {
  it('equals createHmac for keys shorter than, equal to and longer than a block, over parts of text and bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.array(fc.oneof(fc.string({ maxLength: 80 }), fc.uint8Array({ maxLength: 150 })), { maxLength: 4 }),
        (key, parts) => {
          const expected = crypto.createHmac('sm3', key);
          for (const p of parts) expected.update(p);
          expect(keyedHmacSm3(key)(...parts).equals(expected.digest())).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same tag on every call with one keyed function (no state leaks between messages)', () => {
    const key = crypto.randomBytes(32);
    const mac = keyedHmacSm3(key);
    const values = [
      'id_number:370911195501010027',
      '王测试',
      'x'.repeat(300),
      '',
      'id_number:370911195501010027',
    ];
    const tags = values.map((v) => mac(v).toString('hex'));
    expect(tags[0]).toBe(tags[4]);
    values.forEach((v, i) => {
      expect(tags[i]).toBe(crypto.createHmac('sm3', key).update(v).digest('hex'));
    });
  });

  it('reads Chinese text as UTF-8, as Node does', () => {
    const key = crypto.randomBytes(16);
    expect(keyedHmacSm3(key)('name:', '张三丰').toString('hex')).toBe(
      crypto.createHmac('sm3', key).update('name:张三丰').digest('hex'),
    );
  });
});
