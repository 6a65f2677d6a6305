import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// Personal identifiers are stored as SM4 ciphertext plus an HMAC-SM3 blind index (architecture
// convention 14; 国密 as 等保/密评 expect). Node 20 has SM4 but no SM4-GCM, so ciphertexts are
// SM4-CTR with an HMAC-SM3 tag (encrypt-then-MAC), each under its own key derived from one master.
//
// Ciphertext layout: [version 1 byte][iv 16][ciphertext n][tag 16].

import { deriveKeys, IV_LEN, keyedHmacSm3, openMany, TAG_LEN, VERSION } from './sealed-values.mjs';

export type PersonalDataCipher = {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
  /**
   * decrypt() of many values at once (null stays ''): every tag is checked, and the CTR keystream
   * of all of them comes from one SM4 call instead of one cipher context per value, which is what
   * a bank file of a million lines spends its time on.
   */
  decryptMany(blobs: readonly (Buffer | null)[]): string[];
  /** Deterministic keyed hash for exact lookups and joins; the domain keeps fields apart. */
  blindIndex(domain: BlindIndexDomain, normalized: string): Buffer;
  /** Public fingerprint of the key, stored in the database to refuse a wrong key at boot. */
  fingerprint: string;
  masterKeyHex: string;
};

export type BlindIndexDomain = 'id_number' | 'name' | 'phone' | 'bank_account';

/** IVs are drawn from a pooled random buffer: one getrandom call per 4,096 IVs, not per value. */
function createIvSource(): () => Buffer {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + IV_LEN > pool.length) {
      pool = crypto.randomBytes(IV_LEN * 4096);
      offset = 0;
    }
    const iv = pool.subarray(offset, offset + IV_LEN);
    offset += IV_LEN;
    return iv;
  };
}

export function createCipher(masterKeyHex: string): PersonalDataCipher {
  const master = Buffer.from(masterKeyHex, 'hex');
  if (master.length !== 32) throw new Error('master key must be 32 bytes (64 hex characters)');
  const { encKey, macKey, bidxKey, fingerprint } = deriveKeys(master);
  const mac = keyedHmacSm3(macKey);
  const bidx = keyedHmacSm3(bidxKey);
  const nextIv = createIvSource();

  return {
    fingerprint,
    masterKeyHex,
    encrypt(plain) {
      const iv = nextIv();
      const c = crypto.createCipheriv('sm4-ctr', encKey, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      const head = Buffer.from([VERSION]);
      const tag = mac(head, iv, body).subarray(0, TAG_LEN);
      return Buffer.concat([head, iv, body, tag]);
    },
    decrypt(blob) {
      if (blob.length < 1 + IV_LEN + TAG_LEN || blob[0] !== VERSION) {
        throw new Error('not a Huijiu ciphertext (version or length)');
      }
      const iv = blob.subarray(1, 1 + IV_LEN);
      const body = blob.subarray(1 + IV_LEN, blob.length - TAG_LEN);
      const tag = blob.subarray(blob.length - TAG_LEN);
      const expect = mac(blob.subarray(0, 1), iv, body).subarray(0, TAG_LEN);
      if (!crypto.timingSafeEqual(tag, expect))
        throw new Error('ciphertext tag mismatch (tampered or wrong key)');
      const d = crypto.createDecipheriv('sm4-ctr', encKey, iv);
      return Buffer.concat([d.update(body), d.final()]).toString('utf8');
    },
    decryptMany(blobs) {
      return openMany(encKey, mac, blobs);
    },
    blindIndex(domain, normalized) {
      return bidx(`${domain}:${normalized}`);
    },
  };
}

/**
 * The master key: from configuration, or generated once into the data folder (mode 0600) for the
 * embedded database. A server deployment must configure it, because losing it loses the data.
 */
export function resolveMasterKey(opts: { configured?: string; dataDir: string; embedded: boolean }): string {
  if (opts.configured) return opts.configured.toLowerCase();
  const file = path.join(opts.dataDir, 'master.key');
  if (fs.existsSync(file)) {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error(`${file} is not a 64-hex-character key`);
    return hex.toLowerCase();
  }
  if (!opts.embedded) {
    throw new Error(
      'HUIJIU_MASTER_KEY is required with DATABASE_URL (使用 PostgreSQL 服务器时必须配置 HUIJIU_MASTER_KEY)',
    );
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const hex = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${hex}\n`, { mode: 0o600, flag: 'wx' });
  return hex;
}

export function sm3Hex(data: Buffer | string): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}
