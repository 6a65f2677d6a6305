export type NamePath = (string | number)[];

/** "members.1.idNumber" → ['members', 1, 'idNumber'] (antd Form name path). */
export const toNamePath = (field: string): NamePath =>
  field
    .split('.')
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
