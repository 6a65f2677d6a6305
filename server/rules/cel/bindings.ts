import { type CelInput, type CelMap, celList, celMap } from '@bufbuild/cel';
import type { CelFieldType } from '../../../contracts/policies.ts';
import { type FieldInfo, OBJECT_FIELDS, type ObjectName } from './cel-types.ts';
import type { CelHousehold, CelPerson, PolicyCelContext } from './context.ts';

// A PolicyCelContext as CEL values. CEL ints are JS bigints (a JS number binds as a double, and
// `household.size == 3` would then compare double with int), so every field is converted by its
// documented type. The matcher evaluates ~40 policies against one subject: the converted values are
// cached per context object, so converting happens once per subject, not once per policy.

export type CelBindings = { household: CelMap; person: CelMap };

function toInt(path: string, v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${path} is not a number: ${String(v)}`);
  return BigInt(Math.trunc(v));
}

function toValue(info: FieldInfo, v: unknown, people: WeakMap<object, CelMap>): CelInput {
  const kind: CelFieldType = info.kind;
  switch (kind) {
    case 'int':
      return toInt(info.path, v);
    case 'double':
      if (typeof v !== 'number' || Number.isNaN(v))
        throw new Error(`${info.path} is not a number: ${String(v)}`);
      return v;
    case 'bool':
      return v === true;
    case 'string':
      return typeof v === 'string' ? v : String(v ?? '');
    case 'list<string>':
      return celList(Array.isArray(v) ? v.map(String) : []);
    case 'list<person>':
      return celList(Array.isArray(v) ? v.map((p: CelPerson) => personMap(p, people)) : []);
  }
}

function objectMap(name: ObjectName, obj: object, people: WeakMap<object, CelMap>): CelMap {
  const m = new Map<string, CelInput>();
  const rec = obj as Record<string, unknown>;
  for (const [field, info] of OBJECT_FIELDS[name]) {
    // A field the builder left out stays absent: has() sees it, reading it is an evaluation error.
    if (rec[field] === undefined) continue;
    m.set(field, toValue(info, rec[field], people));
  }
  return celMap(m);
}

function personMap(p: CelPerson, people: WeakMap<object, CelMap>): CelMap {
  let m = people.get(p);
  if (!m) {
    m = objectMap('person', p, people);
    people.set(p, m);
  }
  return m;
}

const households = new WeakMap<CelHousehold, CelMap>();
const persons = new WeakMap<object, CelMap>();
const contexts = new WeakMap<PolicyCelContext, CelBindings>();

/** The context as CEL bindings (cached per object: do not mutate a context after evaluating it). */
export function celBindings(ctx: PolicyCelContext): CelBindings {
  let b = contexts.get(ctx);
  if (b) return b;
  let household = households.get(ctx.household);
  if (!household) {
    household = objectMap('household', ctx.household, persons);
    households.set(ctx.household, household);
  }
  b = { household, person: personMap(ctx.person, persons) };
  contexts.set(ctx, b);
  return b;
}
