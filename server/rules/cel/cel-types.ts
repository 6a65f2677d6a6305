import { CEL_CONTEXT, type CelField, type CelFieldType } from '../../../contracts/policies.ts';

// The static types of the policy CEL dialect, derived from the documented context (CEL_CONTEXT) so
// that the editor's table, the checker and the evaluator's bindings can never disagree.

export type ObjectName = 'household' | 'person';

export type CelT =
  | { k: 'int' }
  | { k: 'double' }
  | { k: 'bool' }
  | { k: 'null' }
  /** `path` and `values`: a documented field with a closed set of values; `literal`: a constant. */
  | { k: 'string'; path?: string; values?: readonly string[]; literal?: string }
  | { k: 'list'; elem: CelT }
  | { k: 'object'; name: ObjectName }
  /** Statically unknown (e.g. an element of an empty list): checked at run time. */
  | { k: 'dyn' }
  /** Already reported: suppresses follow-on issues. */
  | { k: 'error' };

export const T = {
  int: { k: 'int' },
  double: { k: 'double' },
  bool: { k: 'bool' },
  string: { k: 'string' },
  dyn: { k: 'dyn' },
  error: { k: 'error' },
  null: { k: 'null' },
} as const satisfies Record<string, CelT>;

export const list = (elem: CelT): CelT => ({ k: 'list', elem });

export function typeName(t: CelT): string {
  switch (t.k) {
    case 'list':
      return `list<${typeName(t.elem)}>`;
    case 'object':
      return t.name;
    case 'error':
      return 'dyn';
    default:
      return t.k;
  }
}

function fieldType(f: CelField): CelT {
  const byName: Record<CelFieldType, CelT> = {
    int: T.int,
    double: T.double,
    bool: T.bool,
    string: { k: 'string', path: f.path, ...(f.values ? { values: f.values } : {}) },
    'list<string>': list({ k: 'string', path: f.path, ...(f.values ? { values: f.values } : {}) }),
    'list<person>': list({ k: 'object', name: 'person' }),
  };
  return byName[f.type];
}

export type FieldInfo = { name: string; path: string; type: CelT; kind: CelFieldType };

/** Fields of household and person, by name. */
export const OBJECT_FIELDS: Record<ObjectName, ReadonlyMap<string, FieldInfo>> = (() => {
  const out: Record<ObjectName, Map<string, FieldInfo>> = { household: new Map(), person: new Map() };
  for (const f of CEL_CONTEXT) {
    const [root, name] = f.path.split('.') as [ObjectName, string];
    out[root].set(name, { name, path: f.path, type: fieldType(f), kind: f.type });
  }
  return out;
})();

export const ROOT_VARIABLES: ReadonlyMap<string, CelT> = new Map<string, CelT>([
  ['household', { k: 'object', name: 'household' }],
  ['person', { k: 'object', name: 'person' }],
]);

export const isNumeric = (t: CelT) => t.k === 'int' || t.k === 'double';
/** dyn and error accept anything without a further issue. */
export const isLoose = (t: CelT) => t.k === 'dyn' || t.k === 'error';

/** Can values of a and b be compared for equality (int and double may be, as CEL does at run time)? */
export function comparable(a: CelT, b: CelT): boolean {
  if (isLoose(a) || isLoose(b) || a.k === 'null' || b.k === 'null') return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  if (a.k === 'list' && b.k === 'list') return comparable(a.elem, b.elem);
  if (a.k === 'object' && b.k === 'object') return a.name === b.name;
  return a.k === b.k;
}

/** The common type of list elements or ?: branches, or null when they differ. */
export function unify(a: CelT, b: CelT): CelT | null {
  if (isLoose(a)) return b;
  if (isLoose(b)) return a;
  if (a.k === 'list' && b.k === 'list') {
    const e = unify(a.elem, b.elem);
    return e ? list(e) : null;
  }
  if (a.k === 'object' && b.k === 'object') return a.name === b.name ? a : null;
  if (a.k === 'string' && b.k === 'string') return T.string;
  return a.k === b.k ? a : null;
}
