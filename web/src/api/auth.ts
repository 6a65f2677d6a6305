import { apiGet, apiPost } from './client.ts';
import type { Session } from './types.ts';

export const authApi = {
  login: (username: string, password: string) =>
    apiPost<Session>('/api/v1/auth/login', { username, password }, { allowUnauthorized: true }),
  me: () => apiGet<Session>('/api/v1/auth/me', undefined, { allowUnauthorized: true }),
  logout: () => apiPost<{ ok: true }>('/api/v1/auth/logout', {}, { allowUnauthorized: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiPost<{ ok: true }>('/api/v1/auth/password', { currentPassword, newPassword }),
};
