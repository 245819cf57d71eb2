/** A small Direct Line REST client for the fault tests: login, post, read the transcript. */

export interface WireActivity {
  id?: string;
  type?: string;
  text?: string;
  replyToId?: string;
  from?: { id?: string; role?: string };
  value?: { action?: string };
  channelData?: { key?: string; progress?: { flow: string; title: string; position: number; total: number } | null; clientActivityID?: string };
  suggestedActions?: { actions?: Array<{ title?: string; value?: { action?: string } }> };
}

export interface Session {
  token: string;
  conversationId: string;
}

export interface PostResult {
  status: number;
  id?: string;
  retryAfter: string | null;
}

export async function login(base: string, code: string, locale = 'sv'): Promise<Session> {
  const res = await fetch(`${base}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, locale }) });
  if (res.status !== 200) throw new Error(`login answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { token: string; conversationId: string };
  return { token: body.token, conversationId: body.conversationId };
}

export async function post(base: string, s: Session, activity: Record<string, unknown>): Promise<PostResult> {
  const res = await fetch(`${base}/v3/directline/conversations/${s.conversationId}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
    body: JSON.stringify(activity),
  });
  const body = (await res.json().catch(() => ({}))) as { id?: unknown };
  return { status: res.status, id: typeof body.id === 'string' ? body.id : undefined, retryAfter: res.headers.get('retry-after') };
}

/** The whole transcript, oldest first. */
export async function transcript(base: string, s: Session): Promise<WireActivity[]> {
  const res = await fetch(`${base}/v3/directline/conversations/${s.conversationId}/activities`, { headers: { authorization: `Bearer ${s.token}` } });
  if (res.status !== 200) throw new Error(`activities answered ${res.status}`);
  return ((await res.json()) as { activities: WireActivity[] }).activities;
}

export const button = (action: string, text = action): Record<string, unknown> => ({ type: 'message', text, value: { action }, from: { id: 'user' } });
export const say = (text: string): Record<string, unknown> => ({ type: 'message', text, from: { id: 'user' } });

export const keyOf = (a: WireActivity): string => a.channelData?.key ?? '';
export const isBot = (a: WireActivity): boolean => a.from?.role === 'bot';

/** The bot's activities in reply to one user activity. */
export const repliesTo = (all: WireActivity[], id: string): WireActivity[] => all.filter((a) => isBot(a) && a.replyToId === id);

/** The last activity of the bot's last turn: it carries the buttons and `channelData.progress`. */
export function lastTurnEnd(all: WireActivity[]): WireActivity | undefined {
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const a = all[i];
    if (a && isBot(a) && a.channelData && 'progress' in a.channelData) return a;
  }
  return undefined;
}

/** A press of one of the buttons of the bot's last turn (never a global intent), picked by `pick`. */
export function nextButton(last: WireActivity | undefined, pick: (n: number) => number = () => 0): Record<string, unknown> {
  const actions = (last?.suggestedActions?.actions ?? []).filter((a) => typeof a.value?.action === 'string' && !a.value.action.startsWith('intent:'));
  const chosen = actions[pick(actions.length)];
  if (!chosen?.value?.action) return button('intent:menu');
  return button(chosen.value.action, chosen.title ?? chosen.value.action);
}
