// Assistance standards (§9.4): the county's effective-dated values and their history; adding values.
import type { z } from 'zod';
import type { StandardChange, StandardValue, standardsView } from '../../../contracts/standards.ts';
import { apiGet, apiPost } from './client.ts';
import type { StandardsAdded } from './entitlements.ts';

export type StandardsView = z.infer<typeof standardsView>;
export type StandardSeriesView = StandardsView['series'][number];
export type { StandardChange, StandardValue };

export const standardsApi = {
  get: () => apiGet<StandardsView>('/api/v1/standards'),
  add: (changes: StandardChange[]) => apiPost<StandardsAdded>('/api/v1/standards', { changes }),
};
