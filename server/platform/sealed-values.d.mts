export declare const VERSION: number;
export declare const IV_LEN: number;
export declare const TAG_LEN: number;
export declare function hmacSm3(key: Buffer, data: Buffer | string): Buffer;
export declare function keyedHmacSm3(key: Buffer): (...parts: (Buffer | string)[]) => Buffer;
export declare function deriveKeys(master: Buffer): {
  encKey: Buffer;
  macKey: Buffer;
  bidxKey: Buffer;
  fingerprint: string;
};
export declare function openMany(
  encKey: Buffer,
  mac: (...parts: (Buffer | string)[]) => Buffer,
  blobs: readonly (Buffer | null)[],
): string[];
