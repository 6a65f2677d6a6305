// The form of every step a caseworker records on a case, derived from the event unions of
// contracts/case-events.ts (one per state machine), and the conversion of the form's values into
// the request body (yuan → fen, dates → YYYY-MM-DD, empty optional fields left out). Pure.
import { EVENT_UNIONS, type MachineName, machineOf } from '../../../../contracts/case-events.ts';
import { yuanToFen } from '../../lib/format.ts';

export { EVENT_UNIONS, machineOf };
export type Machine = MachineName;

export type FieldKind =
  | 'date'
  | 'text'
  | 'textarea'
  | 'tags'
  | 'select'
  | 'member'
  | 'institution'
  | 'yuan'
  | 'int'
  | 'bool';
export type FieldDef = {
  name: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly string[];
  min?: number;
  max?: number;
};
export type EventForm = {
  type: string;
  fields: FieldDef[];
  /** A visit: the household signs on the device (PNG attachment of kind SIGNATURE). */
  signature: boolean;
  /** The device's position is sent when the browser gives it. */
  gps: boolean;
  /** The household's economic facts can be edited and sent with the step. */
  facts: boolean;
};

/** Short single-line texts; every other string is a text area. */
const SHORT_TEXT = new Set(['documentRef', 'addressee', 'recipient']);
const YUAN = new Set([
  'amountFen',
  'obtainedFen',
  'perCapitaIncomeFen',
  'rigidSpendingFen',
  'proposedAmountFen',
]);
/** Sent by the form itself (attachments, the position) or not asked (the visit's exact time). */
const NOT_FIELDS = new Set(['type', 'attachments', 'visitedAt', 'gps', 'facts']);

type Def = {
  type: string;
  innerType?: ZodLike;
  element?: ZodLike;
  format?: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number } } }[];
};
type ZodLike = { def: Def; options?: readonly string[] };

function describe(name: string, schema: ZodLike): FieldDef | null {
  let s = schema;
  let required = true;
  while (s.def.type === 'optional' || s.def.type === 'default' || s.def.type === 'nullable') {
    required = false;
    s = s.def.innerType as ZodLike;
  }
  const checks = (s.def.checks ?? []).map((c) => c._zod.def);
  const min = checks.find((c) => c.check === 'min_length' || c.check === 'greater_than');
  const max = checks.find((c) => c.check === 'max_length' || c.check === 'less_than');
  const bounds = {
    ...(min ? { min: min.minimum ?? min.value ?? 0 } : {}),
    ...(max ? { max: max.maximum ?? max.value ?? 0 } : {}),
  };
  switch (s.def.type) {
    case 'string':
      if (s.def.format === 'uuid')
        return { name, kind: name === 'institutionId' ? 'institution' : 'member', required };
      if (s.def.format === 'date') return { name, kind: 'date', required };
      return { name, kind: SHORT_TEXT.has(name) ? 'text' : 'textarea', required, ...bounds };
    case 'array':
      return { name, kind: 'tags', required, ...bounds };
    case 'enum':
      return { name, kind: 'select', required, options: s.options ?? [] };
    case 'number':
      return { name, kind: YUAN.has(name) ? 'yuan' : 'int', required, ...bounds };
    case 'boolean':
      return { name, kind: 'bool', required };
    default:
      return null;
  }
}

/** The form of an event type on a machine; null when the machine has no such event. */
export function eventForm(machine: Machine, type: string): EventForm | null {
  const option = EVENT_UNIONS[machine].options.find((o) => o.shape.type.value === type);
  if (!option) return null;
  const shape = option.shape as unknown as Record<string, ZodLike>;
  const own: FieldDef[] = [];
  for (const [name, schema] of Object.entries(shape)) {
    if (NOT_FIELDS.has(name) || name === 'at' || name === 'opinion') continue;
    const f = describe(name, schema);
    if (f) own.push(f);
  }
  const opinion = describe('opinion', shape.opinion as ZodLike);
  const at = describe('at', shape.at as ZodLike);
  return {
    type,
    fields: [...own, ...(opinion ? [opinion] : []), ...(at ? [at] : [])],
    signature: 'visitMode' in shape,
    gps: 'gps' in shape,
    facts: 'facts' in shape,
  };
}

/** Every event type of a machine, in the order of its union. */
export const eventTypes = (machine: Machine): string[] =>
  EVENT_UNIONS[machine].options.map((o) => o.shape.type.value as string);

// ---- facts (家庭经济状况) -------------------------------------------------------------------

/** The edited part of the facts, in yuan, under the server's field names (errors land on them). */
export type FactsEdits = { members: { wageFenPerMonth: string }[]; financialAssetsFen: string };
type Household = { members?: Record<string, unknown>[]; financialAssetsFen?: number } & Record<
  string,
  unknown
>;

const yuanText = (fen: unknown) => (typeof fen === 'number' ? (fen / 100).toFixed(2) : '0.00');

/** The form's starting values from the case's stored facts ({ personIds, household }). */
export function factsEdits(facts: Record<string, unknown> | null): FactsEdits | null {
  const h = facts?.household as Household | undefined;
  if (!h) return null;
  return {
    members: (h.members ?? []).map((m) => ({ wageFenPerMonth: yuanText(m.wageFenPerMonth) })),
    financialAssetsFen: yuanText(h.financialAssetsFen),
  };
}

/** The full household facts with the edits applied (what RECORD_INVESTIGATION sends as `facts`). */
export function applyFactsEdits(facts: Record<string, unknown> | null, edits: FactsEdits): Household | null {
  const h = facts?.household as Household | undefined;
  if (!h) return null;
  const fen = (y: string, old: unknown) => yuanToFen(y) ?? (typeof old === 'number' ? old : 0);
  return {
    ...h,
    members: (h.members ?? []).map((m, i) => {
      const e = edits.members[i];
      return e ? { ...m, wageFenPerMonth: fen(e.wageFenPerMonth, m.wageFenPerMonth) } : m;
    }),
    financialAssetsFen: fen(edits.financialAssetsFen, h.financialAssetsFen),
  };
}

// ---- request body ---------------------------------------------------------------------------

export type Gps = { lat: number; lng: number; accuracyM?: number };
export type BodyExtras = {
  expectedVersion: number;
  /** The stored facts, when the form edits them. */
  facts?: Record<string, unknown> | null;
  /** PNG signature as base64 (no data: prefix), when the household signed. */
  signaturePng?: string | null;
  gps?: Gps | null;
};

const isDateLike = (v: unknown): v is { format: (f: string) => string } =>
  typeof v === 'object' && v !== null && typeof (v as { format?: unknown }).format === 'function';

function convert(f: FieldDef, v: unknown): unknown {
  if (f.kind === 'bool') return f.required ? Boolean(v) : v === undefined || v === null ? undefined : !!v;
  if (v === undefined || v === null) return undefined;
  switch (f.kind) {
    case 'date':
      if (isDateLike(v)) return v.format('YYYY-MM-DD');
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    case 'text':
    case 'textarea':
      return typeof v === 'string' && v.trim() ? v.trim() : undefined;
    case 'tags':
      return Array.isArray(v) ? v.map((x) => String(x).trim()).filter(Boolean) : undefined;
    case 'yuan':
      return yuanToFen(v as string | number) ?? undefined;
    case 'int': {
      const n = typeof v === 'number' ? v : Number(String(v).trim());
      return String(v).trim() === '' || !Number.isFinite(n) ? undefined : n;
    }
    default:
      return v === '' ? undefined : v;
  }
}

/** The POST body of a step: converted fields, attachments, position and facts, expectedVersion. */
export function toBody(
  form: EventForm,
  values: Record<string, unknown>,
  extras: BodyExtras,
): { type: string; expectedVersion: number } & Record<string, unknown> {
  const body: { type: string; expectedVersion: number } & Record<string, unknown> = {
    type: form.type,
    expectedVersion: extras.expectedVersion,
  };
  for (const f of form.fields) {
    const v = convert(f, values[f.name]);
    if (v !== undefined) body[f.name] = v;
  }
  if (form.signature && extras.signaturePng)
    body.attachments = [
      { kind: 'SIGNATURE', filename: 'signature.png', mime: 'image/png', dataBase64: extras.signaturePng },
    ];
  if (form.gps && extras.gps) body.gps = extras.gps;
  const edits = values.facts as FactsEdits | undefined;
  if (form.facts && edits) {
    const facts = applyFactsEdits(extras.facts ?? null, edits);
    if (facts) body.facts = facts;
  }
  return body;
}
