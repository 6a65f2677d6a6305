import { describe, expect, it } from 'vitest';
import { DEFAULT_BANK_COLUMNS } from '../../../../contracts/bankfiles.ts';
import { dispositionFilename } from '../../api/bankfiles.ts';
import { missingColumns, moveColumn, returnIssues } from './bankFileModel.ts';

describe('bank-file panel helpers', () => {
  it('moves a column up or down and ignores moves past either end', () => {
    const keys = (c: typeof DEFAULT_BANK_COLUMNS) => c.map((x) => x.key);
    expect(keys(moveColumn(DEFAULT_BANK_COLUMNS, 1, -1)).slice(0, 2)).toEqual(['idNumber', 'payeeName']);
    expect(keys(moveColumn(DEFAULT_BANK_COLUMNS, 0, -1))).toEqual(keys(DEFAULT_BANK_COLUMNS));
    expect(keys(moveColumn(DEFAULT_BANK_COLUMNS, 5, 1))).toEqual(keys(DEFAULT_BANK_COLUMNS));
  });

  it('lists the optional columns not in the default layout', () => {
    expect(missingColumns(DEFAULT_BANK_COLUMNS)).toEqual(['caseNo', 'lineRef', 'town', 'village']);
  });

  it('sorts a refused return’s problems by line', () => {
    expect(
      returnIssues([
        { field: 'rows.5.amountYuan', message: '金额不符', messageEn: 'amount' },
        { field: 'rows.3.lineRef', message: '未知', messageEn: 'unknown' },
      ]).map((i) => [i.line, i.column]),
    ).toEqual([
      [3, 'lineRef'],
      [5, 'amountYuan'],
    ]);
  });

  it('reads the filename of a download', () => {
    expect(dispositionFilename('attachment; filename="bank-DIBAO-2026-11.xlsx"', 'x')).toBe(
      'bank-DIBAO-2026-11.xlsx',
    );
    expect(dispositionFilename(null, 'bank.csv')).toBe('bank.csv');
  });
});
