// Types of sm3.mjs (plain JavaScript so that worker threads load it too).
export declare function sm3(data: Uint8Array): Buffer;
export declare function keyedHmacSm3(key: Uint8Array): (...parts: (Uint8Array | string)[]) => Buffer;
