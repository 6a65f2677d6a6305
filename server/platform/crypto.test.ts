import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { type BlindIndexDomain, createCipher, resolveMasterKey, sm3Hex } from './crypto.ts';

const KEY_A = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const KEY_B = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const DOMAINS: BlindIndexDomain[] = ['id_number', 'name', 'phone', 'bank_account'];

const cipher = createCipher(KEY_A);

describe('personal-data cipher (SM4-CTR + HMAC-SM3)', () => {
  it('decrypts what it encrypted, for any unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (plain) => {
        expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips the empty string, Chinese names and long text', () => {
    for (const plain of ['', '王秀英', '欧阳娜娜·阿卜杜拉', '370911195501010027', 'x'.repeat(100_000)]) {
      expect(cipher.decrypt(cipher.encrypt(plain))).toBe(plain);
    }
  });

  it('uses a fresh IV for every encryption, so equal plaintexts give different ciphertexts', () => {
    const a = cipher.encrypt('370911195501010027');
    const b = cipher.encrypt('370911195501010027');
    expect(a.equals(b)).toBe(false);
    expect(a.subarray(1, 17).equals(b.subarray(1, 17))).toBe(false);
    // Layout: version byte, 16-byte IV, body as long as the UTF-8 plaintext, 16-byte tag.
    expect(a[0]).toBe(1);
    expect(a.length).toBe(1 + 16 + Buffer.byteLength('370911195501010027') + 16);
  });

  it('never repeats an IV, also across refills of the random pool', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 10_000; i++) ivs.add(cipher.encrypt('x').subarray(1, 17).toString('hex'));
    expect(ivs.size).toBe(10_000);
  });

  it('stays compatible with stored data: SM4-CTR under the derived key, tagged with standard HMAC-SM3', () => {
    const master = Buffer.from(KEY_A, 'hex');
    const derive = (label: string) => crypto.createHmac('sm3', master).update(label).digest();
    const encKey = derive('huijiu/sm4-ctr/v1').subarray(0, 16);
    const macKey = derive('huijiu/hmac-sm3/v1');
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 80 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (plain, ivBytes) => {
          // A ciphertext sealed by the reference construction decrypts...
          const iv = Buffer.from(ivBytes);
          const c = crypto.createCipheriv('sm4-ctr', encKey, iv);
          const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
          const head = Buffer.from([1]);
          const tag = crypto
            .createHmac('sm3', macKey)
            .update(head)
            .update(iv)
            .update(body)
            .digest()
            .subarray(0, 16);
          expect(cipher.decrypt(Buffer.concat([head, iv, body, tag]))).toBe(plain);
          // ...and a new ciphertext carries the reference tag.
          const blob = cipher.encrypt(plain);
          const expected = crypto
            .createHmac('sm3', macKey)
            .update(blob.subarray(0, blob.length - 16))
            .digest();
          expect(blob.subarray(blob.length - 16).equals(expected.subarray(0, 16))).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('decryptMany equals decrypt value by value, nulls as empty, IV counters carrying across bytes', () => {
    const master = Buffer.from(KEY_A, 'hex');
    const derive = (label: string) => crypto.createHmac('sm3', master).update(label).digest();
    const encKey = derive('huijiu/sm4-ctr/v1').subarray(0, 16);
    const macKey = derive('huijiu/hmac-sm3/v1');
    // A reference ciphertext with a chosen IV: IVs ending in 0xff make block 2 carry into byte 14.
    const seal = (plain: string, iv: Buffer) => {
      const c = crypto.createCipheriv('sm4-ctr', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      const head = Buffer.from([1]);
      const tag = crypto.createHmac('sm3', macKey).update(head).update(iv).update(body).digest();
      return Buffer.concat([head, iv, body, tag.subarray(0, 16)]);
    };
    const arb = fc.option(
      fc.tuple(
        fc.string({ unit: 'binary', maxLength: 70 }),
        fc.oneof(
          fc.uint8Array({ minLength: 16, maxLength: 16 }),
          fc.constant(new Uint8Array(16).fill(0xff)),
          fc.uint8Array({ minLength: 14, maxLength: 14 }).map((b) => Uint8Array.from([...b, 0xff, 0xfe])),
        ),
      ),
    );
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), (items) => {
        const blobs = items.map((x) => (x === null ? null : seal(x[0], Buffer.from(x[1]))));
        expect(cipher.decryptMany(blobs)).toEqual(blobs.map((b) => (b === null ? '' : cipher.decrypt(b))));
        expect(cipher.decryptMany(blobs)).toEqual(items.map((x) => (x === null ? '' : x[0])));
      }),
      { numRuns: 300 },
    );
    const good = cipher.encrypt('370911195501010027');
    const bad = Buffer.from(good);
    bad[20]! ^= 1;
    expect(() => cipher.decryptMany([good, bad])).toThrow(/tag mismatch/);
  });

  it('detects a change to any byte of a ciphertext', () => {
    const blob = cipher.encrypt('赵秀英 13812345678');
    for (let i = 0; i < blob.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const tampered = Buffer.from(blob);
        tampered[i]! ^= mask;
        expect(() => cipher.decrypt(tampered), `byte ${i} ^ ${mask}`).toThrow();
      }
    }
  });

  it('detects truncated and extended ciphertexts', () => {
    const blob = cipher.encrypt('王测试');
    for (let n = 0; n < blob.length; n++) expect(() => cipher.decrypt(blob.subarray(0, n))).toThrow();
    expect(() => cipher.decrypt(Buffer.concat([blob, Buffer.from([0])]))).toThrow(/tag mismatch/);
  });

  it('refuses to decrypt with another key', () => {
    const other = createCipher(KEY_B);
    const blob = cipher.encrypt('370911195501010027');
    expect(() => other.decrypt(blob)).toThrow(/tag mismatch/);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => createCipher('abcd')).toThrow(/32 bytes/);
    expect(() => createCipher(`${KEY_A}00`)).toThrow(/32 bytes/);
  });
});

describe('blind index', () => {
  it('is deterministic for the same key, domain and value', () => {
    const again = createCipher(KEY_A);
    for (const d of DOMAINS) {
      expect(
        cipher.blindIndex(d, '370911195501010027').equals(again.blindIndex(d, '370911195501010027')),
      ).toBe(true);
    }
  });

  it('differs across domains for the same value, so fields cannot be joined with each other', () => {
    const values = DOMAINS.map((d) => cipher.blindIndex(d, '13812345678').toString('hex'));
    expect(new Set(values).size).toBe(DOMAINS.length);
  });

  it('differs across values and across keys', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(cipher.blindIndex('name', a).equals(cipher.blindIndex('name', b))).toBe(false);
      }),
    );
    expect(cipher.blindIndex('name', '王测试').equals(createCipher(KEY_B).blindIndex('name', '王测试'))).toBe(
      false,
    );
  });

  it('equals standard HMAC-SM3 under the derived blind-index key, so stored indexes keep matching', () => {
    const bidxKey = crypto
      .createHmac('sm3', Buffer.from(KEY_A, 'hex'))
      .update('huijiu/blind-index/v1')
      .digest();
    fc.assert(
      fc.property(
        fc.constantFrom(...DOMAINS),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (domain, value) => {
          const reference = crypto.createHmac('sm3', bidxKey).update(`${domain}:${value}`).digest();
          expect(cipher.blindIndex(domain, value).equals(reference)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is a 32-byte HMAC-SM3 that does not reveal the value', () => {
    const idx = cipher.blindIndex('id_number', '370911195501010027');
    expect(idx.length).toBe(32);
    expect(idx.toString('hex')).not.toBe(sm3Hex('id_number:370911195501010027'));
  });
});

describe('key fingerprint', () => {
  it('is stable for a key and different for another key', () => {
    expect(createCipher(KEY_A).fingerprint).toBe(cipher.fingerprint);
    expect(createCipher(KEY_A.toUpperCase()).fingerprint).toBe(cipher.fingerprint);
    expect(createCipher(KEY_B).fingerprint).not.toBe(cipher.fingerprint);
    expect(cipher.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(cipher.fingerprint).not.toContain(KEY_A.slice(0, 16));
  });
});

describe('resolveMasterKey', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-key-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('generates a 0600 key file in an empty folder for the embedded database, and reuses it', () => {
    const dataDir = path.join(tmp(), 'data');
    const first = resolveMasterKey({ dataDir, embedded: true });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = path.join(dataDir, 'master.key');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(first);
    expect(resolveMasterKey({ dataDir, embedded: true })).toBe(first);
    expect(resolveMasterKey({ dataDir, embedded: false })).toBe(first);
    expect(createCipher(first).fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('generates a different key for each new installation', () => {
    expect(resolveMasterKey({ dataDir: tmp(), embedded: true })).not.toBe(
      resolveMasterKey({ dataDir: tmp(), embedded: true }),
    );
  });

  it('prefers the configured key (lower-cased) and writes no file', () => {
    const dataDir = tmp();
    expect(resolveMasterKey({ configured: KEY_B.toUpperCase(), dataDir, embedded: true })).toBe(KEY_B);
    expect(fs.existsSync(path.join(dataDir, 'master.key'))).toBe(false);
  });

  it('accepts an upper-case key file with surrounding whitespace', () => {
    const dataDir = tmp();
    fs.writeFileSync(path.join(dataDir, 'master.key'), `  ${KEY_A.toUpperCase()}\n\n`);
    expect(resolveMasterKey({ dataDir, embedded: true })).toBe(KEY_A);
  });

  it('refuses a malformed key file instead of replacing it', () => {
    for (const content of ['', 'not a key', KEY_A.slice(0, 62), `${KEY_A}ab`, `${KEY_A.slice(0, 63)}g`]) {
      const dataDir = tmp();
      const file = path.join(dataDir, 'master.key');
      fs.writeFileSync(file, content);
      expect(() => resolveMasterKey({ dataDir, embedded: true })).toThrow(/not a 64-hex-character key/);
      expect(fs.readFileSync(file, 'utf8')).toBe(content);
    }
  });

  it('refuses to generate a key for a PostgreSQL server, naming HUIJIU_MASTER_KEY', () => {
    const dataDir = tmp();
    expect(() => resolveMasterKey({ dataDir, embedded: false })).toThrow(/HUIJIU_MASTER_KEY is required/);
    expect(fs.existsSync(path.join(dataDir, 'master.key'))).toBe(false);
  });
});

describe('decrypt pool (worker thread)', () => {
  it('opens values exactly as decryptMany does, in order, and refuses a tampered value', async () => {
    const { createDecryptPool } = await import('./decrypt-pool.ts');
    const pool = createDecryptPool(KEY_A);
    try {
      const plain = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? null : `王秀英${i} 6228480000${i}`));
      const blobs = plain.map((p) => (p === null ? null : cipher.encrypt(p)));
      const [a, b] = await Promise.all([pool.decryptMany(blobs), pool.decryptMany(blobs.slice(0, 10))]);
      expect(a).toEqual(plain.map((p) => p ?? ''));
      expect(b).toEqual(a.slice(0, 10));
      const bad = Buffer.from(blobs[1]!);
      bad[bad.length - 1]! ^= 1;
      await expect(pool.decryptMany([bad])).rejects.toThrow(/tag mismatch/);
      expect(await pool.decryptMany([blobs[1]!])).toEqual([plain[1]]);
    } finally {
      await pool.close();
    }
  });
});
