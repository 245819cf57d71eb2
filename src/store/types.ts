import type { Activity } from 'botbuilder';
import type { AgeBand, Locale, Persona } from '../flows/schema';
import type { PlanField } from '../flows/registry';

export interface CodeRecord {
  hash: string;
  municipalityId: string;
  batchId: string | null;
  persona: Persona;
  ageBand: AgeBand | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

export interface ConversationRecord {
  id: string;
  codeHash: string | null;
  municipalityId: string;
  persona: Persona;
  ageBand: AgeBand | null;
  locale: Locale;
  activeAt: number;
}

export interface StoredActivity {
  seq: number;
  activity: Partial<Activity>;
  /** `activity` as JSON, exactly as stored: a stream frame is built from it without serializing it again. */
  json?: string;
}

export interface NoteRecord {
  flow: string;
  slot: string;
  step: string;
  text: string | null;
  updatedAt: number;
}

export interface StatEvent {
  municipalityId: string;
  event: string;
  persona: Persona;
  locale: Locale;
  flow?: string | null;
  step?: string | null;
  category?: string | null;
  at?: number;
}

export interface UserData {
  conversation: ConversationRecord;
  notes: NoteRecord[];
  checkins: Array<{ flow: string; step: string; value: number; at: number }>;
  plan: Partial<Record<PlanField, string | null>>;
  transcript: StoredActivity[];
}
