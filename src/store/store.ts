import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { DEFAULT_SESSION_SETTINGS, sessionLimitsOf, type SessionLimits } from '../config';
import { AgeBand, Locale, Persona } from '../flows/schema';
import type { PlanField } from '../flows/registry';
import { readStateRow, writeStateRow, type KnownState, type StateRow } from './botStorage';
import { Sealer } from './crypto';
import { stockholmDay } from './days';
import type { Db, SqlValue, Tx } from './db';
import type { CodeRecord, ConversationRecord, NoteRecord, StatEvent, StoredActivity, UserData } from './types';

interface CodeRow {
  hash: string;
  municipality_id: string;
  batch_id: string | null;
  persona: string;
  age_band: string | null;
  expires_at: number | null;
  revoked_at: number | null;
}
interface ConversationRow {
  id: string;
  code_hash: string | null;
  municipality_id: string;
  persona: string;
  age_band: string | null;
  locale: string;
  active_at: number;
}

const toCode = (r: CodeRow): CodeRecord => ({
  hash: r.hash,
  municipalityId: r.municipality_id,
  batchId: r.batch_id,
  persona: Persona.parse(r.persona),
  ageBand: r.age_band === null ? null : AgeBand.parse(r.age_band),
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});
const toConversation = (r: ConversationRow): ConversationRecord => ({
  id: r.id,
  codeHash: r.code_hash,
  municipalityId: r.municipality_id,
  persona: Persona.parse(r.persona),
  ageBand: r.age_band === null ? null : AgeBand.parse(r.age_band),
  locale: Locale.parse(r.locale),
  activeAt: r.active_at,
});

/** Every table the product uses, over SQLite or PostgreSQL (portable SQL with `?` placeholders). User text is sealed (AES-256-GCM) before it is written. */
/** How stale a conversation's `active_at` may be before a turn rewrites it. */
export const ACTIVE_AT_RESOLUTION_MS = 10 * 60_000;

/** A session's `seen_at` is written at most this often. */
const SESSION_TOUCH_MS = 60_000;
/** Sessions whose last activity is remembered, at most. */
const SESSIONS_SEEN = 10_000;

/** Dialogue states kept in memory, at most; about 5 KiB each. */
const KNOWN_STATES = 1000;

/** A transcript activity's id: its conversation and its seq there (the seq is also the stream's watermark). */
export const activityId = (conversationId: string, seq: number): string => `${conversationId}|${String(seq).padStart(7, '0')}`;

export class LotsenStore {
  /**
   * The dialogue states this instance last read or wrote, by key, least recently used first: a turn whose row still
   * has the known eTag skips reading and opening it. A row written elsewhere (another instance) has another eTag.
   */
  private readonly known = new Map<string, KnownState>();

  /** The last activity (`seen_at`) of sessions this instance read or wrote lately, least recently used first. */
  private readonly sessionSeen = new Map<string, number>();

  constructor(
    readonly db: Db,
    private readonly sealer: Sealer,
    /** How long code holders' sessions last (from the configuration; the defaults where none is given, e.g. the CLI). */
    readonly sessionLimits: SessionLimits = sessionLimitsOf(DEFAULT_SESSION_SETTINGS),
  ) {}

  private remember(key: string, state: KnownState): void {
    this.known.delete(key);
    this.known.set(key, state);
    if (this.known.size > KNOWN_STATES) this.known.delete(this.known.keys().next().value as string);
  }

  // ---- municipalities and codes ----

  async ensureMunicipality(id: string, name: string, phone: string | null): Promise<boolean> {
    const r = await this.db.run('INSERT INTO municipality (id, name, phone, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [id, name, phone, Date.now()]);
    return r.changes > 0;
  }

  getMunicipality(id: string) {
    return this.db.get<{ id: string; name: string; phone: string | null }>('SELECT id, name, phone FROM municipality WHERE id = ?', [id]);
  }

  listMunicipalities() {
    return this.db.all<{ id: string; name: string; phone: string | null }>('SELECT id, name, phone FROM municipality ORDER BY name');
  }

  async createBatch(batch: { municipalityId: string; persona: Persona; ageBand: AgeBand | null; label: string | null; createdBy: string | null; expiresAt: number | null; hashes: string[] }): Promise<string> {
    const id = randomUUID();
    const now = Date.now();
    await this.db.transaction(async (tx) => {
      await tx.run('INSERT INTO code_batch (id, municipality_id, persona, age_band, label, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        id, batch.municipalityId, batch.persona, batch.ageBand, batch.label, batch.createdBy, now, batch.expiresAt,
      ]);
      for (const hash of batch.hashes) {
        await tx.run('INSERT INTO access_code (hash, municipality_id, batch_id, persona, age_band, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
          hash, batch.municipalityId, id, batch.persona, batch.ageBand, now, batch.expiresAt,
        ]);
      }
    });
    return id;
  }

  async findCode(hash: string): Promise<CodeRecord | undefined> {
    const row = await this.db.get<CodeRow>('SELECT hash, municipality_id, batch_id, persona, age_band, expires_at, revoked_at FROM access_code WHERE hash = ?', [hash]);
    return row ? toCode(row) : undefined;
  }

  /** Gives a code without an expiry one `lifetimeMs` after it was made (and its batch likewise); a code with one keeps it. */
  async expireCodeAfterCreation(hash: string, lifetimeMs: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run('UPDATE access_code SET expires_at = created_at + ? WHERE hash = ? AND expires_at IS NULL', [lifetimeMs, hash]);
      await tx.run('UPDATE code_batch SET expires_at = created_at + ? WHERE expires_at IS NULL AND id = (SELECT batch_id FROM access_code WHERE hash = ?)', [lifetimeMs, hash]);
    });
  }

  async revokeCode(hash: string, municipalityId: string | null): Promise<boolean> {
    const r = await this.db.run(
      `UPDATE access_code SET revoked_at = ? WHERE hash = ? AND revoked_at IS NULL ${municipalityId ? 'AND municipality_id = ?' : ''}`,
      municipalityId ? [Date.now(), hash, municipalityId] : [Date.now(), hash],
    );
    if (r.changes > 0) await this.db.run('UPDATE session SET revoked_at = ? WHERE revoked_at IS NULL AND conversation_id IN (SELECT id FROM conversation WHERE code_hash = ?)', [Date.now(), hash]);
    return r.changes > 0;
  }

  // ---- conversations ----

  /** The conversation bound to a code, created on first login: the same code always gets the same conversation. */
  async conversationForCode(code: CodeRecord, locale: Locale): Promise<{ conversation: ConversationRecord; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const existing = await tx.get<ConversationRow>('SELECT * FROM conversation WHERE code_hash = ?', [code.hash]);
      const now = Date.now();
      if (existing) {
        await tx.run('UPDATE conversation SET active_at = ? WHERE id = ?', [now, existing.id]);
        return { conversation: toConversation({ ...existing, active_at: now }), created: false };
      }
      const id = randomUUID().replace(/-/g, '');
      // Two instances may log the same code in at once: the second finds the first one's conversation.
      const inserted = await tx.run(
        'INSERT INTO conversation (id, code_hash, municipality_id, persona, age_band, locale, created_at, active_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code_hash) DO NOTHING',
        [id, code.hash, code.municipalityId, code.persona, code.ageBand, locale, now, now],
      );
      if (inserted.changes === 0) {
        const other = await tx.get<ConversationRow>('SELECT * FROM conversation WHERE code_hash = ?', [code.hash]);
        if (!other) throw new Error('conversation vanished');
        return { conversation: toConversation(other), created: false };
      }
      await tx.run('UPDATE access_code SET first_used_at = COALESCE(first_used_at, ?) WHERE hash = ?', [now, code.hash]);
      return {
        conversation: { id, codeHash: code.hash, municipalityId: code.municipalityId, persona: code.persona, ageBand: code.ageBand, locale, activeAt: now },
        created: true,
      };
    });
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const row = await this.db.get<ConversationRow>('SELECT * FROM conversation WHERE id = ?', [id]);
    return row ? toConversation(row) : undefined;
  }

  async setLocale(id: string, locale: Locale): Promise<void> {
    await this.db.run('UPDATE conversation SET locale = ? WHERE id = ?', [locale, id]);
  }

  // ---- transcript ----

  /** Appends activities in order, assigning ids `conversationId|0000001`; durable when the promise resolves. */
  async appendActivities(conversationId: string, activities: Array<Partial<Activity>>, role: 'user' | 'bot', user?: Partial<Activity>): Promise<StoredActivity[]> {
    if (activities.length === 0 && !user) return [];
    return this.db.transaction((tx) => this.insertActivities(tx, conversationId, { user, activities, role }, null));
  }

  /**
   * One turn of a conversation as one transaction: the user's activity that started it (if it is to be kept), its
   * dialogue state (compare-and-swap on the eTag), what `effects` writes (notes, statistics), the conversation's
   * place and the bot's replies. All or nothing.
   */
  async commitTurn(
    conversationId: string,
    turn: { user?: Partial<Activity>; state: StateRow; where: { flow: string | null; step: string | null }; activities: Array<Partial<Activity>> },
    effects: (tx: Tx) => Promise<void>,
  ): Promise<{ stored: StoredActivity[]; eTag: string }> {
    const { stored, state } = await this.db.transaction(async (tx) => {
      const written = await writeStateRow(tx, this.sealer, turn.state);
      await effects(tx);
      return { stored: await this.insertActivities(tx, conversationId, { user: turn.user, activities: turn.activities, role: 'bot' }, turn.where), state: written };
    });
    this.remember(turn.state.key, { ...state, value: turn.state.value });
    return { stored, eTag: state.eTag };
  }

  /**
   * Reserves seqs and inserts: first `user` (the user's activity, when given), then `activities` as `role`, which
   * then answer it (their `replyToId` is its id). Also records the conversation's place when `where` is given.
   */
  private async insertActivities(
    tx: Tx,
    conversationId: string,
    batch: { user?: Partial<Activity>; activities: Array<Partial<Activity>>; role: 'user' | 'bot' },
    where: { flow: string | null; step: string | null } | null,
  ): Promise<StoredActivity[]> {
    const entries: Array<{ activity: Partial<Activity>; role: 'user' | 'bot' }> = batch.activities.map((activity) => ({ activity, role: batch.role }));
    if (batch.user) entries.unshift({ activity: batch.user, role: 'user' });
    // Reserve the seqs first: the UPDATE locks the conversation row until commit, so concurrent appends
    // (from any instance) get consecutive, distinct ranges.
    const now = Date.now();
    const row = where
      ? await tx.get<{ next_seq: number; active_at: number }>('UPDATE conversation SET next_seq = next_seq + ?, last_flow = ?, last_step = ? WHERE id = ? RETURNING next_seq, active_at', [
          entries.length, where.flow, where.step, conversationId,
        ])
      : await tx.get<{ next_seq: number; active_at: number }>('UPDATE conversation SET next_seq = next_seq + ? WHERE id = ? RETURNING next_seq, active_at', [entries.length, conversationId]);
    if (!row) throw new Error(`No conversation ${conversationId}`);
    // Two indexes hold active_at: rewriting it on every turn costs about a fifth of a turn's writes. Purging (days)
    // and the monthly statistics need it to within minutes.
    if (now - row.active_at >= ACTIVE_AT_RESOLUTION_MS) await tx.run('UPDATE conversation SET active_at = ? WHERE id = ?', [now, conversationId]);
    if (entries.length === 0) return [];
    const out: StoredActivity[] = [];
    const params: SqlValue[] = [];
    let seq = row.next_seq - entries.length;
    let replyToId: string | undefined;
    for (const e of entries) {
      const id = activityId(conversationId, seq);
      const activity = e.role === 'bot' && replyToId !== undefined ? { ...e.activity, replyToId, id } : { ...e.activity, id };
      if (e.activity === batch.user) replyToId = id;
      const json = JSON.stringify(activity);
      params.push(conversationId, seq, e.role, this.sealer.seal(json, `activity:${conversationId}:${seq}`), now);
      out.push({ seq, activity, json });
      seq += 1;
    }
    await tx.run(`INSERT INTO activity (conversation_id, seq, role, body, created_at) VALUES ${entries.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, params);
    return out;
  }

  /** The dialogue state row a botbuilder `Storage` keeps under `key`, opened; undefined when there is none. */
  async readState(key: string, unreadable: () => Record<string, unknown>): Promise<StateRow | undefined> {
    const known = this.known.get(key);
    const row = await readStateRow(this.db, this.sealer, key, unreadable, known);
    // The object this store wrote stays remembered while the row is unchanged; a row read anew keeps only its JSON.
    if (row?.eTag && row.json !== undefined) this.remember(key, { eTag: row.eTag, json: row.json, value: row.value === known?.value ? known?.value : undefined });
    else this.known.delete(key);
    return row;
  }

  /** Activities after a watermark (the seq of the last one seen), oldest first. */
  async activitiesAfter(conversationId: string, watermark: number | null, limit = 1000): Promise<StoredActivity[]> {
    const rows = await this.db.all<{ seq: number; body: Buffer }>('SELECT seq, body FROM activity WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?', [
      conversationId, watermark ?? -1, limit,
    ]);
    return rows.map((r) => {
      const json = this.sealer.open(r.body, `activity:${conversationId}:${r.seq}`);
      return { seq: r.seq, activity: JSON.parse(json) as Partial<Activity>, json };
    });
  }

  /**
   * The button values the bot offers at the step the conversation is at: those of its last activity with buttons,
   * among its last few (an apology after a failed turn has none and changes no step). Empty before it offered any.
   */
  async offeredActions(conversationId: string): Promise<Set<string>> {
    const rows = await this.db.all<{ seq: number; body: Buffer }>("SELECT seq, body FROM activity WHERE conversation_id = ? AND role = 'bot' ORDER BY seq DESC LIMIT 4", [conversationId]);
    for (const r of rows) {
      const a = JSON.parse(this.sealer.open(r.body, `activity:${conversationId}:${r.seq}`)) as Partial<Activity>;
      const actions = a.suggestedActions?.actions;
      if (!actions) continue;
      return new Set(actions.map((x) => (x.value as { action?: unknown } | undefined)?.action).filter((v): v is string => typeof v === 'string'));
    }
    return new Set();
  }

  async lastSeq(conversationId: string): Promise<number> {
    const row = await this.db.get<{ next_seq: number }>('SELECT next_seq FROM conversation WHERE id = ?', [conversationId]);
    return (row?.next_seq ?? 0) - 1;
  }

  // ---- notes, check-ins, plan ----

  async saveNote(conversationId: string, note: { flow: string; slot: string; step: string; text: string | null }, tx: Tx = this.db): Promise<void> {
    const key = `note:${conversationId}:${note.flow}:${note.slot}`;
    await tx.run(
      `INSERT INTO note (conversation_id, flow, slot, step, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id, flow, slot) DO UPDATE SET step = excluded.step, body = excluded.body, updated_at = excluded.updated_at`,
      [conversationId, note.flow, note.slot, note.step, note.text === null ? null : this.sealer.seal(note.text, key), Date.now()],
    );
  }

  async notes(conversationId: string): Promise<NoteRecord[]> {
    const rows = await this.db.all<{ flow: string; slot: string; step: string; body: Buffer | null; updated_at: number }>(
      `SELECT flow, slot, step, body, updated_at FROM note WHERE conversation_id = ? ORDER BY updated_at, ${this.db.engine === 'sqlite' ? 'rowid' : 'flow, slot'}`,
      [conversationId],
    );
    return rows.map((r) => ({
      flow: r.flow,
      slot: r.slot,
      step: r.step,
      text: r.body === null ? null : this.sealer.open(r.body, `note:${conversationId}:${r.flow}:${r.slot}`),
      updatedAt: r.updated_at,
    }));
  }

  async saveCheckin(conversationId: string, c: { flow: string; step: string; value: number }, tx: Tx = this.db): Promise<void> {
    await tx.run('INSERT INTO checkin (conversation_id, flow, step, value, created_at) VALUES (?, ?, ?, ?, ?)', [conversationId, c.flow, c.step, c.value, Date.now()]);
  }

  async savePlanItem(conversationId: string, field: PlanField, text: string | null, tx: Tx = this.db): Promise<void> {
    await tx.run(
      `INSERT INTO plan_item (conversation_id, field, body, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id, field) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
      [conversationId, field, text === null ? null : this.sealer.seal(text, `plan:${conversationId}:${field}`), Date.now()],
    );
  }

  /** Everything stored for one code holder, decrypted: for "my notes", export and the printable plan. */
  async userData(conversationId: string, options: { transcript: boolean } = { transcript: true }): Promise<UserData | undefined> {
    const conversation = await this.getConversation(conversationId);
    if (!conversation) return undefined;
    const checkins = await this.db.all<{ flow: string; step: string; value: number; created_at: number }>(
      'SELECT flow, step, value, created_at FROM checkin WHERE conversation_id = ? ORDER BY id',
      [conversationId],
    );
    const planRows = await this.db.all<{ field: PlanField; body: Buffer | null }>('SELECT field, body FROM plan_item WHERE conversation_id = ?', [conversationId]);
    const plan: UserData['plan'] = {};
    for (const r of planRows) plan[r.field] = r.body === null ? null : this.sealer.open(r.body, `plan:${conversationId}:${r.field}`);
    return {
      conversation,
      notes: await this.notes(conversationId),
      checkins: checkins.map((c) => ({ flow: c.flow, step: c.step, value: c.value, at: c.created_at })),
      plan,
      transcript: options.transcript ? await this.activitiesAfter(conversationId, null, 1_000_000) : [],
    };
  }

  /** Deletes every row of a code holder and revokes the code, so it stops working. */
  async deleteUser(conversationId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const conv = await tx.get<{ code_hash: string | null }>('SELECT code_hash FROM conversation WHERE id = ?', [conversationId]);
      await deleteConversationRows(tx, conversationId);
      if (conv?.code_hash) await tx.run('UPDATE access_code SET revoked_at = COALESCE(revoked_at, ?) WHERE hash = ?', [Date.now(), conv.code_hash]);
    });
  }

  /** Deletes conversations inactive for longer than `days`; returns how many. */
  async purgeInactive(days: number, now = Date.now()): Promise<number> {
    const cutoff = now - days * 86_400_000;
    const ids = await this.db.all<{ id: string }>('SELECT id FROM conversation WHERE active_at < ?', [cutoff]);
    for (const { id } of ids) await this.db.transaction((tx) => deleteConversationRows(tx, id));
    await this.db.run('DELETE FROM login_attempt WHERE at < ?', [now - 86_400_000]);
    return ids.length;
  }

  // ---- sessions ----

  // A code holder's login session ends when revoked (logout, quick exit, pause, deletion, a revoked code), after
  // `sessionLimits.idleMs` without activity (`seen_at`: login, resume, a message), and at the latest
  // `sessionLimits.lifetimeMs` after login. Every check below applies all three.

  async createSession(conversationId: string, now = Date.now()): Promise<string> {
    const id = randomUUID();
    await this.db.run('INSERT INTO session (id, conversation_id, created_at, seen_at) VALUES (?, ?, ?, ?)', [id, conversationId, now, now]);
    this.rememberSeen(id, now);
    return id;
  }

  /** A live session's two ends: `idleUntil` (moves with activity) and `endsAt` (fixed at login); undefined once it has ended. */
  async session(id: string, conversationId: string, now = Date.now()): Promise<{ idleUntil: number; endsAt: number } | undefined> {
    const row = await this.db.get<{ created_at: number; seen_at: number; revoked_at: number | null }>(
      'SELECT created_at, seen_at, revoked_at FROM session WHERE id = ? AND conversation_id = ?',
      [id, conversationId],
    );
    if (!row || row.revoked_at !== null) return undefined;
    this.rememberSeen(id, row.seen_at);
    const idleUntil = row.seen_at + this.sessionLimits.idleMs;
    const endsAt = row.created_at + this.sessionLimits.lifetimeMs;
    return idleUntil > now && endsAt > now ? { idleUntil, endsAt } : undefined;
  }

  async sessionActive(id: string, conversationId: string, now = Date.now()): Promise<boolean> {
    return (await this.session(id, conversationId, now)) !== undefined;
  }

  /**
   * The code holder did something: the idle time starts again. An ended session stays ended. Written at most once a
   * minute per session, judged by the last time this instance read or wrote it, so a conversation's messages do not
   * each cost a write.
   */
  async touchSession(id: string, now = Date.now()): Promise<void> {
    const seen = this.sessionSeen.get(id);
    if (seen !== undefined && now - seen < SESSION_TOUCH_MS) return;
    await this.db.run('UPDATE session SET seen_at = ? WHERE id = ? AND revoked_at IS NULL AND seen_at < ? AND seen_at > ? AND created_at > ?', [
      now, id, now, now - this.sessionLimits.idleMs, now - this.sessionLimits.lifetimeMs,
    ]);
    this.rememberSeen(id, now);
  }

  private rememberSeen(id: string, seenAt: number): void {
    this.sessionSeen.delete(id);
    this.sessionSeen.set(id, seenAt);
    if (this.sessionSeen.size > SESSIONS_SEEN) this.sessionSeen.delete(this.sessionSeen.keys().next().value as string);
  }

  /** Of these session ids, those still active (by the same rule as `sessionActive`): for the streams' periodic check. */
  async activeSessions(ids: string[]): Promise<Set<string>> {
    const active = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows = await this.db.all<{ id: string }>(`SELECT id FROM session WHERE revoked_at IS NULL AND id IN (${chunk.map(() => '?').join(', ')})`, chunk);
      for (const r of rows) active.add(r.id);
    }
    return active;
  }

  /** The conversation a code opens, if it has been used: its streams end when the code is revoked. */
  async conversationsOfCode(hash: string): Promise<string[]> {
    return (await this.db.all<{ id: string }>('SELECT id FROM conversation WHERE code_hash = ?', [hash])).map((r) => r.id);
  }

  /** The conversations the codes of a batch opened. */
  async conversationsOfBatch(batchId: string): Promise<string[]> {
    return (await this.db.all<{ id: string }>('SELECT v.id FROM conversation v JOIN access_code c ON c.hash = v.code_hash WHERE c.batch_id = ?', [batchId])).map((r) => r.id);
  }

  async revokeSession(id: string): Promise<void> {
    await this.db.run('UPDATE session SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [Date.now(), id]);
  }

  // ---- throttling ----

  async recordLogin(ipKey: string, ok: boolean, at = Date.now()): Promise<void> {
    await this.db.run('INSERT INTO login_attempt (ip_key, ok, at) VALUES (?, ?, ?)', [ipKey, ok ? 1 : 0, at]);
  }

  /** Failed logins since `since`: from this address, and from everyone. */
  async failedLogins(ipKey: string, since: number): Promise<{ ip: number; global: number; oldestIp: number | null; oldestGlobal: number | null }> {
    const ip = await this.db.get<{ n: number; oldest: number | null }>('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_attempt WHERE ip_key = ? AND ok = 0 AND at >= ?', [ipKey, since]);
    const all = await this.db.get<{ n: number; oldest: number | null }>('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM login_attempt WHERE ok = 0 AND at >= ?', [since]);
    return { ip: ip?.n ?? 0, global: all?.n ?? 0, oldestIp: ip?.oldest ?? null, oldestGlobal: all?.oldest ?? null };
  }

  // ---- statistics ----

  /** Counts one event under its day and month in Stockholm (the time of the event is not kept). */
  async recordStat(e: StatEvent, tx: Tx = this.db): Promise<void> {
    const day = stockholmDay(e.at ?? Date.now());
    await tx.run('INSERT INTO stat_event (municipality_id, month, day, event, persona, locale, flow, step, category) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      e.municipalityId, day.slice(0, 7), day, e.event, e.persona, e.locale, e.flow ?? null, e.step ?? null, e.category ?? null,
    ]);
  }

  async countRows(table: string, where: string, params: string[]): Promise<number> {
    if (!/^[a-z_]+$/.test(table)) throw new Error(`Bad table name ${table}`);
    const row = await this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params);
    return row?.n ?? 0;
  }

  // ---- console ----
  // The contact-centre console (src/console): staff, their sessions, batches, audit and statistics.
  // Every query that reads codes or statistics takes the municipality it is limited to (null only for admins).

  staffByUsername(username: string) {
    return this.db.get<{ id: string; username: string; municipality_id: string | null; role: 'admin' | 'staff'; password_hash: string; disabled_at: number | null }>(
      'SELECT id, username, municipality_id, role, password_hash, disabled_at FROM staff WHERE lower(username) = lower(?)',
      [username],
    );
  }

  /** Adds a staff account; false when the username is taken, whatever its case. */
  async createStaff(s: { id: string; username: string; municipalityId: string | null; role: 'admin' | 'staff'; passwordHash: string; now: number }): Promise<boolean> {
    const r = await this.db.run(
      'INSERT INTO staff (id, username, municipality_id, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [s.id, s.username, s.municipalityId, s.role, s.passwordHash, s.now],
    );
    return r.changes > 0;
  }

  /** Disables an account and ends its console sessions; false when there is no such (enabled) account. */
  async disableStaff(id: string, now = Date.now()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const r = await tx.run('UPDATE staff SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL', [now, id]);
      await tx.run('DELETE FROM staff_session WHERE staff_id = ?', [id]);
      return r.changes > 0;
    });
  }

  /** Sets a new password hash and ends the account's console sessions. */
  async setStaffPassword(id: string, passwordHash: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const r = await tx.run('UPDATE staff SET password_hash = ? WHERE id = ?', [passwordHash, id]);
      await tx.run('DELETE FROM staff_session WHERE staff_id = ?', [id]);
      return r.changes > 0;
    });
  }

  async createStaffSession(s: { id: string; staffId: string; csrf: string; locale: string; now: number }): Promise<void> {
    await this.db.run('INSERT INTO staff_session (id, staff_id, csrf, locale, created_at, seen_at) VALUES (?, ?, ?, ?, ?, ?)', [s.id, s.staffId, s.csrf, s.locale, s.now, s.now]);
  }

  /** A session with its staff member; disabled staff have none. */
  staffSession(id: string) {
    return this.db.get<{ id: string; staff_id: string; csrf: string; locale: string; created_at: number; seen_at: number; username: string; role: 'admin' | 'staff'; municipality_id: string | null }>(
      `SELECT s.id, s.staff_id, s.csrf, s.locale, s.created_at, s.seen_at, f.username, f.role, f.municipality_id
       FROM staff_session s JOIN staff f ON f.id = s.staff_id WHERE s.id = ? AND f.disabled_at IS NULL`,
      [id],
    );
  }

  async touchStaffSession(id: string, now: number): Promise<void> {
    await this.db.run('UPDATE staff_session SET seen_at = ? WHERE id = ?', [now, id]);
  }

  async setStaffSessionLocale(id: string, locale: string): Promise<void> {
    await this.db.run('UPDATE staff_session SET locale = ? WHERE id = ?', [locale, id]);
  }

  async deleteStaffSession(id: string): Promise<void> {
    await this.db.run('DELETE FROM staff_session WHERE id = ?', [id]);
  }

  /** Deletes sessions idle since before `idleBefore` or created before `createdBefore`. */
  async pruneStaffSessions(idleBefore: number, createdBefore: number): Promise<void> {
    await this.db.run('DELETE FROM staff_session WHERE seen_at < ? OR created_at < ?', [idleBefore, createdBefore]);
    await this.db.run('DELETE FROM staff_login_attempt WHERE at < ?', [Math.min(idleBefore, createdBefore)]);
  }

  /** The console preview's state, sealed: what staff type in a preview is treated like user text. */
  async setStaffPreview(sessionId: string, value: unknown): Promise<void> {
    const body = value === null ? null : this.sealer.seal(JSON.stringify(value), `preview:${sessionId}`);
    await this.db.run('UPDATE staff_session SET preview = ? WHERE id = ?', [body, sessionId]);
  }

  async staffPreview(sessionId: string): Promise<unknown> {
    const row = await this.db.get<{ preview: Buffer | null }>('SELECT preview FROM staff_session WHERE id = ?', [sessionId]);
    return row?.preview ? (JSON.parse(this.sealer.open(row.preview, `preview:${sessionId}`)) as unknown) : null;
  }

  async recordStaffLogin(userKey: string, ipKey: string, ok: boolean, at = Date.now()): Promise<void> {
    await this.db.run('INSERT INTO staff_login_attempt (user_key, ip_key, ok, at) VALUES (?, ?, ?, ?)', [userKey, ipKey, ok ? 1 : 0, at]);
  }

  /** Failed sign-ins since `since` for this username and from this address, with the oldest of each. */
  async failedStaffLogins(userKey: string, ipKey: string, since: number) {
    const user = await this.db.get<{ n: number; oldest: number | null }>('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM staff_login_attempt WHERE user_key = ? AND ok = 0 AND at >= ?', [userKey, since]);
    const ip = await this.db.get<{ n: number; oldest: number | null }>('SELECT COUNT(*) AS n, MIN(at) AS oldest FROM staff_login_attempt WHERE ip_key = ? AND ok = 0 AND at >= ?', [ipKey, since]);
    return { user: user?.n ?? 0, oldestUser: user?.oldest ?? null, ip: ip?.n ?? 0, oldestIp: ip?.oldest ?? null };
  }

  /** Batches with how many of their codes were first used before `usedBefore` and how many are revoked; never which. */
  listBatches(municipalityId: string | null, usedBefore = Number.MAX_SAFE_INTEGER, limit = 200) {
    return this.db.all<{
      id: string; municipality_id: string; persona: string; age_band: string | null; label: string | null; created_by: string | null;
      created_at: number; expires_at: number | null; revoked_at: number | null; total: number; used: number; revoked: number;
    }>(
      `SELECT b.id, b.municipality_id, b.persona, b.age_band, b.label, b.created_by, b.created_at, b.expires_at, b.revoked_at,
              COUNT(c.hash) AS total, COUNT(CASE WHEN c.first_used_at < ? THEN 1 END) AS used, COUNT(c.revoked_at) AS revoked
       FROM code_batch b LEFT JOIN access_code c ON c.batch_id = b.id
       WHERE (CAST(? AS TEXT) IS NULL OR b.municipality_id = ?)
       GROUP BY b.id ORDER BY b.created_at DESC, b.id LIMIT ?`,
      [usedBefore, municipalityId, municipalityId, limit],
    );
  }

  /** The municipality a batch belongs to, or undefined when there is no such batch. */
  async batchMunicipality(batchId: string): Promise<string | undefined> {
    return (await this.db.get<{ municipality_id: string }>('SELECT municipality_id FROM code_batch WHERE id = ?', [batchId]))?.municipality_id;
  }

  /** Revokes every active code of a batch and ends their sessions; null when the batch is not in the municipality. */
  async revokeBatch(batchId: string, municipalityId: string | null, now = Date.now()): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      const batch = await tx.get<{ id: string }>('SELECT id FROM code_batch WHERE id = ? AND (CAST(? AS TEXT) IS NULL OR municipality_id = ?)', [batchId, municipalityId, municipalityId]);
      if (!batch) return null;
      await tx.run(
        `UPDATE session SET revoked_at = ? WHERE revoked_at IS NULL AND conversation_id IN
           (SELECT v.id FROM conversation v JOIN access_code c ON c.hash = v.code_hash WHERE c.batch_id = ? AND c.revoked_at IS NULL)`,
        [now, batchId],
      );
      const r = await tx.run('UPDATE access_code SET revoked_at = ? WHERE batch_id = ? AND revoked_at IS NULL', [now, batchId]);
      await tx.run('UPDATE code_batch SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', [now, batchId]);
      return r.changes;
    });
  }

  /** One audit entry: by a staff member, or (`actor`, e.g. 'cli') by the command line. */
  async writeAudit(e: { staffId: string | null; actor?: string | null; municipalityId: string | null; action: string; detail: Record<string, unknown> | null; at?: number }): Promise<void> {
    await this.db.run('INSERT INTO audit (staff_id, actor, municipality_id, action, detail, at) VALUES (?, ?, ?, ?, ?, ?)', [
      e.staffId, e.actor ?? null, e.municipalityId, e.action, e.detail ? JSON.stringify(e.detail) : null, e.at ?? Date.now(),
    ]);
  }

  /** Deletes audit entries older than `days` days; returns how many. */
  async purgeAudit(days: number, now = Date.now()): Promise<number> {
    return (await this.db.run('DELETE FROM audit WHERE at < ?', [now - days * 86_400_000])).changes;
  }

  /** Audit entries, newest first, with the staff member's username; `before` pages by id. */
  listAudit(opts: { before?: number; limit: number }) {
    return this.db.all<{ id: number; staff_id: string | null; username: string | null; actor: string | null; municipality_id: string | null; action: string; detail: string | null; at: number }>(
      `SELECT a.id, a.staff_id, f.username, a.actor, a.municipality_id, a.action, a.detail, a.at
       FROM audit a LEFT JOIN staff f ON f.id = a.staff_id WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`,
      [opts.before ?? Number.MAX_SAFE_INTEGER, opts.limit],
    );
  }

  /**
   * Statistic events of one municipality and month on days before `beforeDay` (`YYYY-MM-DD`, Stockholm), counted per
   * kind, persona, language and module. Events from before days were recorded count in their month.
   */
  statCounts(municipalityId: string, month: string, beforeDay = '9999-12-31') {
    return this.db.all<{ event: string; persona: string; locale: string; flow: string | null; n: number }>(
      `SELECT event, persona, locale, flow, COUNT(*) AS n FROM stat_event WHERE municipality_id = ? AND month = ? AND (day IS NULL OR day < ?)
       GROUP BY event, persona, locale, flow`,
      [municipalityId, month, beforeDay],
    );
  }

  /** How often each step of each module was reached in that month, on days before `beforeDay`. */
  stepCounts(municipalityId: string, month: string, beforeDay = '9999-12-31') {
    return this.db.all<{ flow: string; step: string; n: number }>(
      `SELECT flow, step, COUNT(*) AS n FROM stat_event
       WHERE municipality_id = ? AND month = ? AND event = 'step' AND flow IS NOT NULL AND step IS NOT NULL AND (day IS NULL OR day < ?)
       GROUP BY flow, step`,
      [municipalityId, month, beforeDay],
    );
  }
}

/** Tables that hold a conversation's rows; a test checks none is forgotten. */
export const CONVERSATION_TABLES = ['bot_state', 'activity', 'note', 'checkin', 'plan_item', 'session'] as const;

async function deleteConversationRows(tx: Tx, conversationId: string): Promise<void> {
  for (const table of CONVERSATION_TABLES) await tx.run(`DELETE FROM ${table} WHERE conversation_id = ?`, [conversationId]);
  await tx.run('DELETE FROM conversation WHERE id = ?', [conversationId]);
}
