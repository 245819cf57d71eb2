import { parseArgs } from 'node:util';
import { parseCode } from '../access/codes';
import { issueCodes } from '../access/issue';
import { loadConfig } from '../config';
import { AgeBand, Persona } from '../flows/schema';
import { deriveKeys, hmacHex, loadMasterSecret, Sealer } from '../store/crypto';
import { openDb } from '../store/db';
import { LotsenStore } from '../store/store';
import { audit } from '../console/audit';
import { addStaff, disableStaff, resetStaffPassword } from '../console/staff';

async function openStore() {
  const config = loadConfig();
  const { master } = loadMasterSecret(config.LOTSEN_SECRET, config.LOTSEN_SECRET_FILE);
  const keys = deriveKeys(master);
  const db = await openDb(config.LOTSEN_DB);
  await db.migrate();
  return { config, keys, db, store: new LotsenStore(db, new Sealer(keys.data)) };
}

/** What the command line does is in the audit log like what staff do, with the command line as the actor. */
const cliAudit = (store: LotsenStore, municipalityId: string | null, action: Parameters<typeof audit>[1]['action'], detail: Record<string, string | number | boolean | null>) =>
  audit(store, { staffId: null, actor: 'cli', municipalityId, action, detail });

const MunicipalityId = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** The commands that touch the database. Returns null when the command is not one of them. */
export async function runAdminCommand(argv: string[]): Promise<number | null> {
  const [command, sub, ...rest] = argv;
  if (command === 'codes' && sub === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: {
        municipality: { type: 'string' },
        persona: { type: 'string', default: 'parent' },
        'age-band': { type: 'string' },
        count: { type: 'string', default: '10' },
        'expires-days': { type: 'string', default: '365' },
        label: { type: 'string' },
      },
    });
    if (!values.municipality) throw new Error('--municipality is required');
    const { keys, db, store } = await openStore();
    try {
      if (!(await store.getMunicipality(values.municipality))) throw new Error(`No municipality "${values.municipality}" (start the server once to create "demo")`);
      const days = Number(values['expires-days']);
      const result = await issueCodes(store, keys.codes, {
        municipalityId: values.municipality,
        persona: Persona.parse(values.persona),
        ageBand: values['age-band'] ? AgeBand.parse(values['age-band']) : null,
        count: Number(values.count),
        expiresAt: days > 0 ? Date.now() + days * 86_400_000 : null,
        label: values.label ?? null,
        createdBy: 'cli',
      });
      await cliAudit(store, values.municipality, 'batch.create', {
        batchId: result.batchId, persona: Persona.parse(values.persona), ageBand: values['age-band'] ?? null, count: result.codes.length, expiresDays: days,
      });
      for (const code of result.codes) console.log(code);
      console.error(`${result.codes.length} code(s), batch ${result.batchId}. They are shown only now: hand them out or store them safely.`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'codes' && sub === 'revoke') {
    const parsed = parseCode(rest[0]);
    if (!parsed.ok) throw new Error(parsed.reason === 'check' ? 'The code has a wrong check symbol' : 'That is not a code');
    const { keys, db, store } = await openStore();
    try {
      const hash = hmacHex(keys.codes, parsed.canonical);
      const code = await store.findCode(hash);
      const done = await store.revokeCode(hash, null);
      await cliAudit(store, code?.municipalityId ?? null, 'code.revoke', { result: done ? 'revoked' : 'not_found', batchId: done && code ? code.batchId : null });
      console.log(done ? 'Revoked.' : 'No such active code.');
      return done ? 0 : 1;
    } finally {
      await db.close();
    }
  }
  if (command === 'purge') {
    const { values } = parseArgs({ args: [sub, ...rest].filter((a): a is string => a !== undefined), options: { 'inactive-days': { type: 'string' }, 'audit-days': { type: 'string' } } });
    const days = (flag: 'inactive-days' | 'audit-days') => {
      const given = values[flag];
      if (given === undefined) return null;
      const n = Number(given);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} N: a whole number ≥ 1`);
      return n;
    };
    const inactive = days('inactive-days');
    const audit = days('audit-days');
    if (inactive === null && audit === null) throw new Error('Give --inactive-days N, --audit-days N, or both');
    const { db, store } = await openStore();
    try {
      if (inactive !== null) console.log(`Deleted ${await store.purgeInactive(inactive)} conversation(s) inactive for more than ${inactive} days.`);
      if (audit !== null) {
        const n = await store.purgeAudit(audit);
        console.log(`Deleted ${n} audit ${n === 1 ? 'entry' : 'entries'} older than ${audit} day${audit === 1 ? '' : 's'}.`);
      }
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'staff' && sub === 'add') {
    const { values } = parseArgs({ args: rest, options: { municipality: { type: 'string' }, role: { type: 'string', default: 'staff' }, username: { type: 'string' } } });
    if (values.role !== 'admin' && values.role !== 'staff') throw new Error('--role admin or --role staff');
    const role = values.role;
    const { db, store } = await openStore();
    try {
      const { username, password } = await addStaff(store, { municipalityId: values.municipality ?? null, role, username: values.username ?? null });
      await cliAudit(store, values.municipality ?? null, 'staff.add', { username, role });
      console.log(`Staff user "${username}" created. Password (shown once): ${password}`);
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'staff' && (sub === 'disable' || sub === 'reset-password')) {
    const { values } = parseArgs({ args: rest, options: { username: { type: 'string' } } });
    if (!values.username) throw new Error('--username is required');
    const { db, store } = await openStore();
    try {
      if (sub === 'disable') {
        const done = await disableStaff(store, values.username);
        await cliAudit(store, done.municipalityId, 'staff.disable', { username: done.username, alreadyDisabled: done.alreadyDisabled });
        console.log(`Staff user "${done.username}" ${done.alreadyDisabled ? 'was already disabled' : 'is disabled'}; their console sessions have ended.`);
      } else {
        const done = await resetStaffPassword(store, values.username);
        await cliAudit(store, done.municipalityId, 'staff.password', { username: done.username });
        console.log(`Staff user "${done.username}" has a new password. Password (shown once): ${done.password}`);
        console.log(done.disabled ? 'The account is disabled: it still cannot sign in.' : 'Their console sessions have ended; the old password no longer works.');
      }
    } finally {
      await db.close();
    }
    return 0;
  }
  if (command === 'municipality' && sub === 'add') {
    const { values } = parseArgs({ args: rest, options: { id: { type: 'string' }, name: { type: 'string' }, phone: { type: 'string' } } });
    if (!values.id || !MunicipalityId.test(values.id)) throw new Error('--id: 2–40 lower-case letters, digits or dashes, e.g. --id goteborg');
    const name = values.name?.trim();
    if (!name || name.length > 100) throw new Error('--name is required (at most 100 characters), e.g. --name "Exempelby kommun"');
    const phone = values.phone?.trim() || null;
    if (phone !== null && !/^[0-9 +()-]{3,30}$/.test(phone)) throw new Error('--phone: digits, spaces, +, ( ) and dashes, e.g. --phone "031-365 00 00"');
    const { db, store } = await openStore();
    try {
      if (!(await store.ensureMunicipality(values.id, name, phone))) throw new Error(`A municipality "${values.id}" already exists`);
      await cliAudit(store, values.id, 'municipality.add', { name, phone: phone !== null });
      console.log(`Municipality "${values.id}" (${name}) added.`);
    } finally {
      await db.close();
    }
    return 0;
  }
  return null;
}
