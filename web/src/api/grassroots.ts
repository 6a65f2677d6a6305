// The grassroots network (§9.6): roster, trainings, tasks, the monthly 德能勤绩廉 assessment and its
// ranking and trends. Types come from contracts/grassroots.ts.
import type {
  AssessmentView,
  AttendanceInput,
  ComplaintInput,
  ComplaintView,
  PostInput,
  PostView,
  ScoresInput,
  TaskView,
  TrainingInput,
  TrainingView,
  TrendView,
  WeightsInput,
  WeightsView,
} from '../../../contracts/grassroots.ts';
import { apiGet, apiPost, apiRequest } from './client.ts';

export type {
  AssessmentView,
  AttendanceInput,
  ComplaintInput,
  ComplaintView,
  PostInput,
  PostView,
  ScoresInput,
  TaskView,
  TrainingInput,
  TrainingView,
  TrendView,
  WeightsInput,
  WeightsView,
};

/**
 * A recorded complaint against an assistant (table assistant_complaint). The list endpoint
 * GET /api/v1/assistants/complaints is not on the server yet (only POST is): this is the shape the
 * console expects from it; move it to contracts/grassroots.ts when the route is added.
 */

export type TaskSummaryRow = {
  villageCode: string;
  villageName: string;
  postId: string | null;
  holderName: string | null;
  reviewsDue: number;
  reviewsOverdue: number;
  alertsOpen: number;
  alertsOverdue: number;
};

const base = '/api/v1/assistants';
const enc = encodeURIComponent;

export const grassrootsApi = {
  posts: () => apiGet<{ items: PostView[] }>(`${base}/posts`),
  appoint: (body: PostInput) => apiPost<PostView>(`${base}/posts`, body),
  endPost: (id: string, body: { toOn: string; reason: string }) =>
    apiPost<PostView>(`${base}/posts/${enc(id)}/end`, body),
  complaint: (body: ComplaintInput) => apiPost<{ id: string }>(`${base}/complaints`, body),
  complaints: (q: { postId?: string; from?: string; to?: string } = {}) =>
    apiGet<{ items: ComplaintView[] }>(`${base}/complaints`, q),
  trainings: (q: { from?: string; to?: string } = {}) =>
    apiGet<{ items: TrainingView[] }>(`${base}/trainings`, q),
  createTraining: (body: TrainingInput) => apiPost<{ id: string }>(`${base}/trainings`, body),
  attendance: (id: string, body: AttendanceInput) =>
    apiRequest<{ recorded: number }>('PUT', `${base}/trainings/${enc(id)}/attendance`, body),
  materialUrl: (id: string) => `${base}/materials/${enc(id)}`,
  tasks: (villageCode?: string) => apiGet<TaskView>(`${base}/tasks`, { villageCode }),
  taskSummary: () => apiGet<{ items: TaskSummaryRow[] }>(`${base}/tasks/summary`),
  weights: () => apiGet<{ items: WeightsView[] }>(`${base}/weights`),
  setWeights: (body: WeightsInput) => apiPost<WeightsView>(`${base}/weights`, body),
  assessments: (month: string) => apiGet<{ items: AssessmentView[] }>(`${base}/assessments`, { month }),
  mine: () => apiGet<{ items: AssessmentView[] }>(`${base}/assessments/mine`),
  openMonth: (month: string) =>
    apiPost<{ month: string; written: number }>(`${base}/assessments/${enc(month)}/open`),
  saveScores: (month: string, postId: string, body: ScoresInput) =>
    apiRequest<AssessmentView>('PUT', `${base}/assessments/${enc(month)}/${enc(postId)}/scores`, body),
  confirm: (month: string, postId: string) =>
    apiPost<AssessmentView>(`${base}/assessments/${enc(month)}/${enc(postId)}/confirm`),
  confirmAll: (month: string) =>
    apiPost<{ confirmed: number }>(`${base}/assessments/${enc(month)}/confirm`, { postIds: null }),
  trend: (to: string, postId?: string) => apiGet<TrendView>(`${base}/trend`, { to, postId }),
};
