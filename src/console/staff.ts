import { randomBytes, randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import type { LotsenStore } from '../store/store';

/** Adds a staff account with a generated password, hashed with argon2id; the password is returned once. */
export async function addStaff(store: LotsenStore, req: { municipalityId: string | null; role: 'admin' | 'staff'; username: string | null }) {
  if (req.role === 'staff' && !req.municipalityId) throw new Error('A staff user belongs to a municipality: give --municipality');
  if (req.municipalityId && !(await store.getMunicipality(req.municipalityId))) throw new Error(`No municipality "${req.municipalityId}"`);
  const username = req.username ?? `staff-${randomBytes(3).toString('hex')}`;
  if (!/^[a-z0-9._-]{2,40}$/i.test(username)) throw new Error('Username: 2–40 letters, digits, dots, dashes or underscores');
  const password = randomBytes(15).toString('base64url');
  const hash = await argon2.hash(password, { type: argon2.argon2id });
  await store.db.run('INSERT INTO staff (id, username, municipality_id, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
    randomUUID(), username, req.municipalityId, req.role, hash, Date.now(),
  ]);
  return { username, password };
}
