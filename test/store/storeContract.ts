import type { Activity } from 'botbuilder';
import { ACTIVE_AT_RESOLUTION_MS, type LotsenStore } from '../../src/store/store';

/**
 * What LotsenStore must do on every engine: transcript order and watermarks (also under concurrent appends), codes and
 * their conversation, notes, check-ins and plan, deletion, throttling counts and the console's portable queries.
 * `make` gives a fresh, empty, migrated store.
 */
export function lotsenStoreContract(name: string, make: () => Promise<{ store: LotsenStore; close: () => Promise<void> }>): void {
  describe(`${name}: LotsenStore contract`, () => {
    let store: LotsenStore;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ store, close } = await make());
      await store.ensureMunicipality('m', 'Kommunen', '010-1');
    });
    afterEach(() => close());

    const code = async (hash = `h${Math.random()}`) => {
      await store.createBatch({ municipalityId: 'm', persona: 'parent', ageBand: null, label: null, createdBy: null, expiresAt: null, hashes: [hash] });
      const found = await store.findCode(hash);
      if (!found) throw new Error('code not stored');
      return found;
    };
    const msg = (text: string): Partial<Activity> => ({ type: 'message', text });

    test('municipalities: created once, read back', async () => {
      expect(await store.ensureMunicipality('m', 'Annat namn', null)).toBe(false);
      expect(await store.getMunicipality('m')).toEqual({ id: 'm', name: 'Kommunen', phone: '010-1' });
      expect((await store.listMunicipalities()).map((x) => x.id)).toEqual(['m']);
    });

    test('codes: one conversation per code, also when two logins race; revoking ends sessions', async () => {
      const c = await code('abc');
      expect(c).toMatchObject({ hash: 'abc', municipalityId: 'm', persona: 'parent', ageBand: null, expiresAt: null, revokedAt: null });
      const [x, y] = await Promise.all([store.conversationForCode(c, 'sv'), store.conversationForCode(c, 'sv')]);
      expect(x.conversation.id).toBe(y.conversation.id);
      expect([x.created, y.created].filter(Boolean)).toHaveLength(1);
      const again = await store.conversationForCode(c, 'en');
      expect(again).toMatchObject({ created: false, conversation: { id: x.conversation.id, locale: 'sv' } });
      expect(typeof again.conversation.activeAt).toBe('number');
      const sid = await store.createSession(x.conversation.id);
      expect(await store.sessionActive(sid, x.conversation.id)).toBe(true);
      expect(await store.revokeCode('abc', 'other')).toBe(false);
      expect(await store.revokeCode('abc', 'm')).toBe(true);
      expect(await store.sessionActive(sid, x.conversation.id)).toBe(false);
      expect((await store.findCode('abc'))?.revokedAt).toEqual(expect.any(Number));
    });

    test('sessions end when idle or too old; activity moves the idle end, within the lifetime, and never revives one', async () => {
      const { idleMs, lifetimeMs } = store.sessionLimits;
      const { conversation } = await store.conversationForCode(await code(), 'sv');
      const t0 = Date.now();
      const sid = await store.createSession(conversation.id, t0);
      expect(await store.session(sid, conversation.id, t0)).toEqual({ idleUntil: t0 + idleMs, endsAt: t0 + lifetimeMs });
      expect(await store.session(sid, 'other', t0)).toBeUndefined();
      expect(await store.sessionActive(sid, conversation.id, t0 + idleMs - 1)).toBe(true);
      expect(await store.sessionActive(sid, conversation.id, t0 + idleMs)).toBe(false);
      // Activity a little before the idle end moves it; near the end of the lifetime, the lifetime still ends it.
      const t1 = t0 + idleMs - 1000;
      await store.touchSession(sid, t1);
      expect((await store.session(sid, conversation.id, t1))?.idleUntil).toBe(t1 + idleMs);
      expect(await store.sessionActive(sid, conversation.id, t0 + lifetimeMs)).toBe(false);
      // An idle session stays ended whatever comes after.
      const other = await store.createSession(conversation.id, t0);
      await store.touchSession(other, t0 + idleMs + 1);
      expect(await store.sessionActive(other, conversation.id, t0 + idleMs + 2)).toBe(false);
      // Revoked is ended too.
      await store.revokeSession(sid);
      expect(await store.session(sid, conversation.id, t1)).toBeUndefined();
    });

    test('transcript: ids and seqs in order, watermarks, and concurrent appends neither lose nor double', async () => {
      const { conversation } = await store.conversationForCode(await code(), 'sv');
      const id = conversation.id;
      expect(await store.lastSeq(id)).toBe(-1);
      const first = await store.appendActivities(id, [msg('a'), msg('b')], 'bot');
      expect(first.map((s) => s.seq)).toEqual([0, 1]);
      expect(first[1]?.activity.id).toBe(`${id}|0000001`);
      await Promise.all(Array.from({ length: 20 }, (_, i) => store.appendActivities(id, [msg(`u${i}`), msg(`v${i}`)], i % 2 ? 'user' : 'bot')));
      const all = await store.activitiesAfter(id, null);
      expect(all.map((s) => s.seq)).toEqual(Array.from({ length: 42 }, (_, i) => i));
      // Each append's two activities are adjacent: u_i right before v_i.
      for (let i = 2; i < 42; i += 2) expect(all[i]?.activity.text?.slice(1)).toBe(all[i + 1]?.activity.text?.slice(1));
      expect(new Set(all.map((s) => s.activity.text)).size).toBe(42);
      expect((await store.activitiesAfter(id, 39)).map((s) => s.seq)).toEqual([40, 41]);
      expect(await store.activitiesAfter(id, 41)).toEqual([]);
      expect((await store.activitiesAfter(id, 5, 3)).map((s) => s.seq)).toEqual([6, 7, 8]);
      expect(await store.lastSeq(id)).toBe(41);
      await expect(store.appendActivities('nope', [msg('x')], 'bot')).rejects.toThrow();
    });

    test("a turn: the user's activity, the state and the replies in one transaction; the state read back, also after another writer", async () => {
      const { conversation } = await store.conversationForCode(await code(), 'sv');
      const key = `directline/conversations/${conversation.id}/`;
      const unreadable = () => ({ unreadable: true });
      const first = await store.commitTurn(conversation.id, { user: msg('hej'), state: { key, value: { n: 1 } }, where: { flow: null, step: null }, activities: [msg('a'), msg('b')] }, async () => undefined);
      const [user, ...replies] = first.stored;
      expect(user?.activity.id).toBe(`${conversation.id}|0000000`);
      expect(replies.map((r) => r.activity.replyToId)).toEqual([user?.activity.id, user?.activity.id]);
      expect((await store.readState(key, unreadable))?.value).toEqual({ n: 1 });

      // A stale eTag is refused, and nothing of that turn is stored.
      await expect(store.commitTurn(conversation.id, { user: msg('igen'), state: { key, value: { n: 9 }, eTag: 'stale' }, where: { flow: null, step: null }, activities: [msg('c')] }, async () => undefined)).rejects.toThrow(/eTag/);
      expect((await store.activitiesAfter(conversation.id, null)).map((a) => a.activity.text)).toEqual(['hej', 'a', 'b']);

      // active_at is kept to within ACTIVE_AT_RESOLUTION_MS: a turn rewrites it only when it is older.
      const activeAt = async () => Number((await store.db.get<{ active_at: number }>('SELECT active_at FROM conversation WHERE id = ?', [conversation.id]))?.active_at);
      const recent = Date.now() - 60_000;
      await store.db.run('UPDATE conversation SET active_at = ? WHERE id = ?', [recent, conversation.id]);
      const written = { n: 2 };
      const second = await store.commitTurn(conversation.id, { state: { key, value: written, eTag: first.eTag }, where: { flow: null, step: null }, activities: [msg('c')] }, async () => undefined);
      expect(await activeAt()).toBe(recent);
      await store.db.run('UPDATE conversation SET active_at = ? WHERE id = ?', [Date.now() - ACTIVE_AT_RESOLUTION_MS - 1000, conversation.id]);
      await store.appendActivities(conversation.id, [msg('d')], 'bot');
      expect(await activeAt()).toBeGreaterThan(Date.now() - 60_000);
      const read = await store.readState(key, unreadable);
      expect(read).toMatchObject({ value: { n: 2 }, eTag: second.eTag });
      // The row is unchanged since this store wrote it: the value comes back as written, not parsed again.
      expect(read?.value).toBe(written);
      // Another writer (another instance) gives the row a new eTag: it is read and opened again.
      await store.db.run('UPDATE bot_state SET body = ?, etag = ? WHERE key = ?', [Buffer.from('not sealed'), 'elsewhere', key]);
      expect(await store.readState(key, unreadable)).toMatchObject({ value: { unreadable: true }, eTag: 'elsewhere' });
    });

    test('notes, check-ins and plan: upserted, sealed, read back in order', async () => {
      const { conversation } = await store.conversationForCode(await code(), 'sv');
      const id = conversation.id;
      await store.saveNote(id, { flow: 'f', slot: 'a', step: 's1', text: 'första' });
      await new Promise((r) => setTimeout(r, 5));
      await store.saveNote(id, { flow: 'f', slot: 'b', step: 's2', text: null });
      await new Promise((r) => setTimeout(r, 5));
      await store.saveNote(id, { flow: 'f', slot: 'a', step: 's3', text: 'ändrad' });
      const notes = await store.notes(id);
      expect(notes.map((n) => [n.slot, n.step, n.text])).toEqual([['b', 's2', null], ['a', 's3', 'ändrad']]);
      expect(typeof notes[0]?.updatedAt).toBe('number');
      await store.saveCheckin(id, { flow: 'f', step: 'c', value: 4 });
      await store.savePlanItem(id, 'residence', 'varannan vecka');
      await store.savePlanItem(id, 'residence', 'hos mamma');
      const data = await store.userData(id);
      expect(data?.checkins).toEqual([{ flow: 'f', step: 'c', value: 4, at: expect.any(Number) }]);
      expect(data?.plan).toEqual({ residence: 'hos mamma' });
      const raw = await store.db.all<{ body: Buffer | null }>('SELECT body FROM note WHERE conversation_id = ?', [id]);
      for (const r of raw) if (r.body) {
        expect(Buffer.isBuffer(r.body)).toBe(true);
        expect(r.body.includes(Buffer.from('ändrad'))).toBe(false);
      }
    });

    test('delete: every row of the conversation goes and the code stops working; purge takes the inactive', async () => {
      const c = await code('del');
      const { conversation } = await store.conversationForCode(c, 'sv');
      const id = conversation.id;
      await store.appendActivities(id, [msg('hej')], 'user');
      await store.saveNote(id, { flow: 'f', slot: 'a', step: 's', text: 'x' });
      await store.saveCheckin(id, { flow: 'f', step: 'c', value: 2 });
      await store.savePlanItem(id, 'handovers', 'y');
      await store.createSession(id);
      await store.deleteUser(id);
      expect(await store.getConversation(id)).toBeUndefined();
      for (const table of ['activity', 'note', 'checkin', 'plan_item', 'session', 'bot_state']) {
        expect(await store.countRows(table, 'conversation_id = ?', [id])).toBe(0);
      }
      expect((await store.findCode('del'))?.revokedAt).toEqual(expect.any(Number));

      const old = await store.conversationForCode(await code(), 'sv');
      const fresh = await store.conversationForCode(await code(), 'sv');
      await store.db.run('UPDATE conversation SET active_at = ? WHERE id = ?', [Date.now() - 10 * 86_400_000, old.conversation.id]);
      expect(await store.purgeInactive(5)).toBe(1);
      expect(await store.getConversation(fresh.conversation.id)).toBeDefined();
    });

    test('throttling counts, batches, audit and statistics', async () => {
      const now = Date.now();
      await store.recordLogin('ip1', false, now - 10);
      await store.recordLogin('ip1', false, now - 5);
      await store.recordLogin('ip2', false, now);
      await store.recordLogin('ip1', true, now);
      expect(await store.failedLogins('ip1', now - 100)).toEqual({ ip: 2, global: 3, oldestIp: now - 10, oldestGlobal: now - 10 });
      await code('b1');
      const batches = await store.listBatches(null);
      expect(batches).toHaveLength(1);
      expect(batches[0]).toMatchObject({ municipality_id: 'm', total: 1, used: 0, revoked: 0 });
      expect(await store.listBatches('other')).toEqual([]);
      const batchId = batches[0]?.id ?? '';
      expect(await store.revokeBatch(batchId, 'other')).toBeNull();
      expect(await store.revokeBatch(batchId, null)).toBe(1);
      await store.writeAudit({ staffId: null, municipalityId: 'm', action: 'a1', detail: { n: 1 } });
      await store.writeAudit({ staffId: null, municipalityId: 'm', action: 'a2', detail: null });
      const audit = await store.listAudit({ limit: 10 });
      expect(audit.map((a) => a.action)).toEqual(['a2', 'a1']);
      expect(typeof audit[0]?.id).toBe('number');
      await store.writeAudit({ staffId: null, municipalityId: 'm', action: 'old', detail: null, at: now - 31 * 86_400_000 });
      expect(await store.purgeAudit(30, now)).toBe(1);
      expect((await store.listAudit({ limit: 10 })).map((a) => a.action)).toEqual(['a2', 'a1']);
      await store.recordStat({ municipalityId: 'm', event: 'login', persona: 'parent', locale: 'sv', at: Date.UTC(2026, 2, 3) });
      await store.recordStat({ municipalityId: 'm', event: 'login', persona: 'parent', locale: 'sv', at: Date.UTC(2026, 2, 9) });
      expect(await store.statCounts('m', '2026-03')).toEqual([{ event: 'login', persona: 'parent', locale: 'sv', flow: null, n: 2 }]);
      // Days are Stockholm's: 23:30 UTC on the 31st is already April there. Counting stops before a given day.
      await store.recordStat({ municipalityId: 'm', event: 'login', persona: 'parent', locale: 'sv', at: Date.UTC(2026, 2, 31, 22, 30) });
      expect(await store.statCounts('m', '2026-04')).toEqual([{ event: 'login', persona: 'parent', locale: 'sv', flow: null, n: 1 }]);
      expect((await store.statCounts('m', '2026-03', '2026-03-09'))[0]?.n).toBe(1);
      for (const step of ['a', 'a', 'b']) await store.recordStat({ municipalityId: 'm', event: 'step', persona: 'parent', locale: 'sv', flow: 'parent/x', step, at: Date.UTC(2026, 2, 5) });
      expect((await store.stepCounts('m', '2026-03')).sort((x, y) => x.step.localeCompare(y.step))).toEqual([{ flow: 'parent/x', step: 'a', n: 2 }, { flow: 'parent/x', step: 'b', n: 1 }]);
      expect(await store.stepCounts('m', '2026-03', '2026-03-05')).toEqual([]);
      await store.writeAudit({ staffId: null, actor: 'cli', municipalityId: 'm', action: 'staff.add', detail: null });
      expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ action: 'staff.add', actor: 'cli', username: null });
    });

    test('batch use counts only codes first used before a given time', async () => {
      await store.createBatch({ municipalityId: 'm', persona: 'parent', ageBand: null, label: null, createdBy: null, expiresAt: null, hashes: ['u1', 'u2'] });
      const found = await store.findCode('u1');
      if (!found) throw new Error('code not stored');
      await store.conversationForCode(found, 'sv');
      const batchId = found.batchId ?? '';
      expect(await store.batchMunicipality(batchId)).toBe('m');
      expect(await store.batchMunicipality('none')).toBeUndefined();
      expect((await store.listBatches('m'))[0]).toMatchObject({ total: 2, used: 1 });
      expect((await store.listBatches('m', Date.now() - 60_000))[0]).toMatchObject({ total: 2, used: 0 });
    });

    test('staff accounts: one per username whatever its case; disabling and a new password end the sessions', async () => {
      const add = (id: string, username: string) => store.createStaff({ id, username, municipalityId: 'm', role: 'staff', passwordHash: 'h', now: 1 });
      expect(await add('s1', 'Eva')).toBe(true);
      expect(await add('s2', 'eVA')).toBe(false);
      await store.createStaffSession({ id: 'x1', staffId: 's1', csrf: 'c', locale: 'sv', now: Date.now() });
      expect(await store.setStaffPassword('s1', 'h2')).toBe(true);
      expect(await store.staffSession('x1')).toBeUndefined();
      expect((await store.staffByUsername('EVA'))?.password_hash).toBe('h2');
      await store.createStaffSession({ id: 'x2', staffId: 's1', csrf: 'c', locale: 'sv', now: Date.now() });
      expect(await store.disableStaff('s1')).toBe(true);
      expect(await store.disableStaff('s1')).toBe(false);
      expect(await store.countRows('staff_session', 'staff_id = ?', ['s1'])).toBe(0);
      expect((await store.staffByUsername('eva'))?.disabled_at).not.toBeNull();
    });

    test('staff are found by username regardless of case', async () => {
      await store.db.run('INSERT INTO staff (id, username, municipality_id, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)', ['s1', 'Anna', 'm', 'staff', 'x', Date.now()]);
      expect((await store.staffByUsername('anna'))?.id).toBe('s1');
      expect((await store.staffByUsername('ANNA'))?.id).toBe('s1');
      expect(await store.staffByUsername('bertil')).toBeUndefined();
    });
  });
}
