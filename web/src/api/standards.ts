// Assistance standards (§9.4): the county's effective-dated values and their history; adding values.
import type { z } from 'zod';
import type { ParameterChange, ParameterKey, ParameterKind } from '../../../contracts/parameters.ts';
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

/** GET /api/v1/parameters: every §13 parameter with the shipped value, the county's and its history. */
export type ParameterItem = {
  key: ParameterKey;
  kind: ParameterKind;
  min: number;
  max: number;
  rule: string;
  shipped: number | string;
  current: number | string | null;
  history: {
    id: number;
    value: number | string;
    effectiveFrom: string;
    reason: string;
    createdByName: string | null;
    createdAt: string;
  }[];
};
export type ParametersView = { date: string; items: ParameterItem[] };

export const parametersApi = {
  get: () => apiGet<ParametersView>('/api/v1/parameters'),
  add: (changes: ParameterChange[]) => apiPost<StandardsAdded>('/api/v1/parameters', { changes }),
};
