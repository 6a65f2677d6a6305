import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../platform/errors.ts';
import { formatOf } from './row-reader.ts';

export type UploadedTable = { path: string; format: 'xlsx' | 'csv'; filename: string };

/**
 * The table file of a multipart request (.xlsx or .csv) in a private temporary file, handed to
 * `use` and removed whatever happens: uploads hold personal data in plaintext. A missing file, a
 * wrong type or a file over the size limit is a 400 on the field `file`.
 */
export async function withUploadedTable<T>(
  req: FastifyRequest,
  what: { zh: string; en: string },
  use: (file: UploadedTable) => Promise<T>,
): Promise<T> {
  const expected = '.xlsx or .csv';
  const file = await req.file();
  if (!file)
    throw errors.validation([
      { field: 'file', message: `请选择${what.zh}`, messageEn: `attach ${what.en}`, expected },
    ]);
  const format = formatOf(file.filename);
  if (!format) {
    file.file.resume();
    throw errors.validation([
      {
        field: 'file',
        message: '仅支持 .xlsx 或 .csv 文件',
        messageEn: 'only .xlsx or .csv files',
        expected,
      },
    ]);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'huijiu-upload-'));
  try {
    const dest = path.join(dir, `upload.${format}`);
    await pipeline(file.file, fs.createWriteStream(dest, { mode: 0o600 }));
    if (file.file.truncated)
      throw errors.validation([
        { field: 'file', message: '文件超过大小上限', messageEn: 'the file exceeds the size limit' },
      ]);
    return await use({ path: dest, format, filename: path.basename(file.filename) });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
