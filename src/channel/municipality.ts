import type { LotsenStore } from '../store/store';

/** What the page shows of a code holder's own municipality: its name, and its contact centre's number if it has one. */
export interface OwnMunicipality {
  name: string;
  phone: string | null;
}

export async function ownMunicipality(store: Pick<LotsenStore, 'getMunicipality'>, id: string): Promise<OwnMunicipality | null> {
  const m = await store.getMunicipality(id);
  return m ? { name: m.name, phone: m.phone } : null;
}

/**
 * The municipality the start page names before login: only on a server that holds one, whose every code is then
 * from it; on a server shared by several, none. Never a phone number: that belongs to the code holder's own municipality.
 */
export async function startPageMunicipality(store: Pick<LotsenStore, 'listMunicipalities'>): Promise<{ name: string } | null> {
  const all = await store.listMunicipalities();
  return all.length === 1 && all[0] ? { name: all[0].name } : null;
}
