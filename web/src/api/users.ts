// Account administration (district administrators): list, create, reset password, disable, enable.
import type { Role } from '../../../contracts/roles.ts';
import type { UserCreate, UserView } from '../../../contracts/users.ts';
import { apiGet, apiPost } from './client.ts';

export type { UserCreate, UserView };

export type UserQuery = { q?: string; role?: Role; page: number; pageSize: number };

const userPath = (id: string, action: string) => `/api/v1/users/${encodeURIComponent(id)}/${action}`;

export const usersApi = {
  list: (q: UserQuery) => apiGet<{ items: UserView[]; total: number }>('/api/v1/users', q),
  create: (body: UserCreate) => apiPost<{ user: UserView; oneTimePassword: string }>('/api/v1/users', body),
  resetPassword: (id: string) => apiPost<{ oneTimePassword: string }>(userPath(id, 'reset-password'), {}),
  disable: (id: string) => apiPost<{ ok: true }>(userPath(id, 'disable'), {}),
  enable: (id: string) => apiPost<{ ok: true }>(userPath(id, 'enable'), {}),
};
