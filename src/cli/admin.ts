import { parseArgs } from 'node:util';
import { parseCode } from '../access/codes';
import { issueCodes } from '../access/issue';
import { loadConfig } from '../config';
import { AgeBand, Persona } from '../flows/schema';
import { deriveKeys, hmacHex, loadMasterSecret, Sealer } from '../store/crypto';
import { openDb } from '../store/db';
import { LotsenStore } from '../store/store';
import { addStaff } from '../console/staff';

async function openStore() {
  const config = loadConfig();
  const { master } = loadMasterSecret(config.LOTSEN_SECRET, config.LOTSEN_SECRET_FILE);
  const keys = deriveKeys(master);
  const db = await openDb(config.LOTSEN_DB);
  await db.migrate();
  return { config, keys, db, store: new LotsenStore(db, new Sealer(keys.data)) };
}

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
      const done = await store.revokeCode(hmacHex(keys.codes, parsed.canonical), null);
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
    const { db, store } = await openStore();
    try {
      const { username, password } = await addStaff(store, { municipalityId: values.municipality ?? null, role: values.role === 'admin' ? 'admin' : 'staff', username: values.username ?? null });
      console.log(`Staff user "${username}" created. Password (shown once): ${password}`);
    } finally {
      await db.close();
    }
    return 0;
  }
  return null;
}
