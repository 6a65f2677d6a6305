// Response shapes of the endpoints the console uses. Registry shapes come from the shared contracts.
import type { ImportResult } from '../../../contracts/imports.ts';
import type { Role } from '../../../contracts/roles.ts';

export type { ImportResult, ImportRowError } from '../../../contracts/imports.ts';
export type {
  HistoryEntry,
  HouseholdDetail,
  HouseholdInput,
  HouseholdListItem,
  MemberView,
  PersonInput,
} from '../../../contracts/registry.ts';

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  roleName: { zh: string; en: string };
  countyCode: string;
  jurisdictionCode: string;
  mustChangePassword: boolean;
};

export type Session = { actor: Actor; csrfToken: string };

export type { DivisionNode } from '../../../contracts/divisions.ts';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export type JobView = {
  id: string;
  name: string;
  status: JobStatus | string;
  progressDone: number;
  progressTotal: number;
  progressMessage: string | null;
  result: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
};

/** The import job's result: the import outcome plus the uploaded file's name. */
export type ImportJobResult = ImportResult & { filename?: string };

export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export type AuditEntry = {
  seq: number;
  at: string;
  actorUsername: string | null;
  actorRole: string | null;
  action: string;
  recordType: string | null;
  recordId: string | null;
  clientIp: string | null;
  requestId: string | null;
  detail: Record<string, unknown>;
  hash: string;
};

export type AuditVerifyResult = {
  countyCode: string;
  rows: number;
  ok: boolean;
  problems: { seq: number; problem: string }[];
};
