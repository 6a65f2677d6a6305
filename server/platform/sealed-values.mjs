// The sealed-value format of crypto.ts in plain JavaScript, so that a worker thread (which cannot
// load TypeScript under tsx on Node 20) opens values with the very same code as the main thread.
// Layout: [version 1 byte][iv 16][SM4-CTR ciphertext n][HMAC-SM3 tag 16] (encrypt-then-MAC).
import crypto from 'node:crypto';

export const VERSION = 1;
export const IV_LEN = 16;
export const TAG_LEN = 16;

/** @param {Buffer} key @param {Buffer | string} data */
export function hmacSm3(key, data) {
  return crypto.createHmac('sm3', key).update(data).digest();
}

// HMAC-SM3 with keyed states computed once: the JavaScript one (sm3.mjs says why).
export { keyedHmacSm3 } from './sm3.mjs';

/** The keys derived from the master key: one per purpose. @param {Buffer} master */
export function deriveKeys(master) {
  return {
    encKey: hmacSm3(master, 'huijiu/sm4-ctr/v1').subarray(0, 16),
    macKey: hmacSm3(master, 'huijiu/hmac-sm3/v1'),
    bidxKey: hmacSm3(master, 'huijiu/blind-index/v1'),
    fingerprint: hmacSm3(master, 'huijiu/fingerprint/v1').subarray(0, 8).toString('hex'),
  };
}

/** @param {Buffer} b */
function checkShape(b) {
  if (b.length < 1 + IV_LEN + TAG_LEN || b[0] !== VERSION) {
    throw new Error('not a Huijiu ciphertext (version or length)');
  }
}

/**
 * Opens many sealed values at once (null stays ''): every tag is checked, and the CTR keystream
 * of all of them comes from one SM4-ECB call over their counter blocks instead of one cipher
 * context per value.
 * @param {Buffer} encKey
 * @param {(...parts: (Buffer | string)[]) => Buffer} mac
 * @param {readonly (Buffer | null)[]} blobs
 * @returns {string[]}
 */
export function openMany(encKey, mac, blobs) {
  let blocks = 0;
  for (const b of blobs) {
    if (b === null) continue;
    checkShape(b);
    const body = b.subarray(1 + IV_LEN, b.length - TAG_LEN);
    const expect = mac(b.subarray(0, 1), b.subarray(1, 1 + IV_LEN), body).subarray(0, TAG_LEN);
    if (!crypto.timingSafeEqual(b.subarray(b.length - TAG_LEN), expect))
      throw new Error('ciphertext tag mismatch (tampered or wrong key)');
    blocks += Math.ceil(body.length / IV_LEN);
  }
  // Keystream block j of a value = SM4(iv + j), the IV read as one 128-bit big-endian counter.
  const counters = Buffer.alloc(blocks * IV_LEN);
  let at = 0;
  for (const b of blobs) {
    if (b === null) continue;
    const n = Math.ceil((b.length - 1 - IV_LEN - TAG_LEN) / IV_LEN);
    for (let j = 0; j < n; j++, at += IV_LEN) {
      b.copy(counters, at, 1, 1 + IV_LEN);
      let carry = j;
      for (let k = at + IV_LEN - 1; carry > 0 && k >= at; k--) {
        const sum = counters[k] + (carry & 0xff);
        counters[k] = sum & 0xff;
        carry = (carry >>> 8) + (sum >>> 8);
      }
    }
  }
  const stream = crypto.createCipheriv('sm4-ecb', encKey, null).setAutoPadding(false).update(counters);
  at = 0;
  return blobs.map((b) => {
    if (b === null) return '';
    const body = b.subarray(1 + IV_LEN, b.length - TAG_LEN);
    const out = Buffer.allocUnsafe(body.length);
    for (let i = 0; i < body.length; i++) out[i] = body[i] ^ stream[at + i];
    at += Math.ceil(body.length / IV_LEN) * IV_LEN;
    return out.toString('utf8');
  });
}
