// Row types of the grassroots tables (migration 0019_grassroots; domain-rules §9.6).
import type { ColumnType, Generated } from 'kysely';
import type { CalendarDate, Json } from './schema.ts';

type Updated = ColumnType<Date, Date, Date>;

export type AssistantPostTable = {
  county_code: string;
  id: Generated<string>;
  town_code: string;
  village_code: string;
  user_id: string | null;
  holder_name: string;
  from_on: CalendarDate;
  to_on: CalendarDate | null;
  end_reason: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Updated;
};

export type AssistantComplaintTable = {
  county_code: string;
  id: Generated<string>;
  post_id: string;
  received_on: CalendarDate;
  channel: 'HOTLINE_12349' | 'VISIT' | 'LETTER' | 'OTHER';
  summary: string;
  substantiated: boolean;
  finding: string;
  recorded_by: string | null;
  recorded_by_name: string;
  recorded_at: Date;
};

export type TrainingSessionTable = {
  county_code: string;
  id: Generated<string>;
  level: 'TOWN' | 'DISTRICT';
  town_code: string | null;
  title: string;
  held_on: CalendarDate;
  place: string;
  trainer: string;
  /** numeric(4,1): read back as a string. */
  hours: ColumnType<string, number, number>;
  content: Generated<string>;
  created_by: string | null;
  created_by_name: string;
  created_at: Date;
};

export type TrainingMaterialTable = {
  county_code: string;
  id: Generated<string>;
  session_id: string;
  title: string;
  url: string | null;
  filename: string | null;
  mime: string | null;
  bytes: Buffer | null;
  sha256: string | null;
  uploaded_by: string | null;
  uploaded_at: Date;
};

export type TrainingAttendanceTable = {
  county_code: string;
  session_id: string;
  post_id: string;
  present: boolean;
  absence_reason: string | null;
  recorded_by: string | null;
  recorded_at: Date;
};

export type AssessmentWeightsTable = {
  county_code: string;
  effective_from: CalendarDate;
  w_de: number;
  w_neng: number;
  w_qin: number;
  w_ji: number;
  w_lian: number;
  w_visits: number;
  w_alerts: number;
  w_quality: number;
  w_complaints: number;
  note: Generated<string>;
  created_by: string | null;
  created_at: Date;
};

export type StoredScores = Record<'de' | 'neng' | 'qin' | 'ji' | 'lian', { score: number; reason: string }>;

export type MonthlyAssessmentTable = {
  county_code: string;
  post_id: string;
  month: CalendarDate;
  town_code: string;
  village_code: string;
  status: Generated<'DRAFT' | 'CONFIRMED'>;
  reviews_on_time: Generated<number>;
  reviews_late: Generated<number>;
  alerts_on_time: Generated<number>;
  alerts_late: Generated<number>;
  dq_integrity_alerts: Generated<number>;
  dq_corrections: Generated<number>;
  complaints: Generated<number>;
  metrics_at: Date;
  scores: ColumnType<StoredScores | null, string | null, string | null>;
  weights: Json<Record<string, number>>;
  total_centi: number | null;
  rank_town: number | null;
  rank_district: number | null;
  scored_by: string | null;
  scored_by_name: string | null;
  scored_at: Date | null;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: Date | null;
};

export type GrassrootsDB = {
  assistant_post: AssistantPostTable;
  assistant_complaint: AssistantComplaintTable;
  training_session: TrainingSessionTable;
  training_material: TrainingMaterialTable;
  training_attendance: TrainingAttendanceTable;
  assessment_weights: AssessmentWeightsTable;
  monthly_assessment: MonthlyAssessmentTable;
};
