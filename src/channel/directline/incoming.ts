import { ActivityTypes, type Activity } from 'botbuilder';
import { z } from 'zod';
import type { Config } from '../../config';
import { cleanUserText } from '../../dialogue/text';
import { isLocale } from '../../i18n/ui';
import { toWire } from '../adapter';
import { CLIENT_ACTIVITY_ID } from './hub';

/** What a client may post, as far as its shape goes; the limits below come on top. The server sets ids, timestamps and roles itself. */
export const IncomingActivity = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(8000).optional(),
  textFormat: z.string().max(20).optional(),
  locale: z.string().max(20).optional(),
  name: z.string().max(100).optional(),
  value: z.unknown().optional(),
  from: z.object({ id: z.string().max(128), name: z.string().max(128).optional(), role: z.string().max(20).optional() }).strip().optional(),
  channelData: z.record(z.string(), z.unknown()).optional(),
  attachments: z.array(z.unknown()).optional(),
  timestamp: z.string().max(40).optional(),
  localTimestamp: z.string().max(40).optional(),
  timezone: z.string().max(64).optional(),
  localTimezone: z.string().max(64).optional(),
  entities: z.array(z.unknown()).optional(),
}).strip();
export type IncomingActivity = z.infer<typeof IncomingActivity>;

/** The limits on one posted activity (settings). */
export interface ActivityLimits {
  maxBytes: number;
  maxEntities: number;
  maxValueDepth: number;
}

export const activityLimits = (config: Pick<Config, 'ACTIVITY_MAX_BYTES' | 'ACTIVITY_MAX_ENTITIES' | 'ACTIVITY_MAX_VALUE_DEPTH'>): ActivityLimits => ({
  maxBytes: config.ACTIVITY_MAX_BYTES,
  maxEntities: config.ACTIVITY_MAX_ENTITIES,
  maxValueDepth: config.ACTIVITY_MAX_VALUE_DEPTH,
});

/** Which limit an activity broke: the field and the limit, for a precise 400. */
export type LimitBroken = { field: 'activity'; limit: number; unit: 'bytes' } | { field: 'entities' | 'attachments'; limit: number; unit: 'items' } | { field: 'value'; limit: number; unit: 'depth' };

/** How deep objects and arrays nest in `v` (a scalar is 0), counting no further than `stop`. */
export function depthOf(v: unknown, stop: number): number {
  if (typeof v !== 'object' || v === null) return 0;
  if (stop <= 0) return 1;
  let deepest = 0;
  for (const child of Array.isArray(v) ? v : Object.values(v)) {
    deepest = Math.max(deepest, depthOf(child, stop - 1));
    if (deepest >= stop) break;
  }
  return 1 + deepest;
}

/** The first limit `raw` (the parsed body, before validation) breaks, or null. */
export function brokenLimit(raw: unknown, bytes: number, limits: ActivityLimits): LimitBroken | null {
  if (bytes > limits.maxBytes) return { field: 'activity', limit: limits.maxBytes, unit: 'bytes' };
  if (typeof raw !== 'object' || raw === null) return null;
  const a = raw as { entities?: unknown; attachments?: unknown; value?: unknown };
  if (Array.isArray(a.entities) && a.entities.length > limits.maxEntities) return { field: 'entities', limit: limits.maxEntities, unit: 'items' };
  // Web Chat sends an empty list with every message; nothing is ever attached.
  if (Array.isArray(a.attachments) && a.attachments.length > 0) return { field: 'attachments', limit: 0, unit: 'items' };
  if (depthOf(a.value, limits.maxValueDepth + 1) > limits.maxValueDepth) return { field: 'value', limit: limits.maxValueDepth, unit: 'depth' };
  return null;
}

/** Button values that work at every step: the page's own bar (menu, pause) and the global intents. */
const ALWAYS_OFFERED = new Set(['intent:help', 'intent:menu', 'intent:pause', 'intent:back', 'intent:restart', 'intent:resume']);

/** Who the user is in every stored activity: never a name or role the client chose. */
export const USER_ACCOUNT = { id: 'user', role: 'user' } as const;

/**
 * Text as it is stored and as the bot reads it: NFC, no control characters but newline (a tab becomes a space), no
 * bidirectional overrides, embeddings or isolates (U+202A–U+202E, U+2066–U+2069), which could make a message read
 * differently from what it says; lone surrogates become U+FFFD.
 */
export function storedText(text: string): string {
  return cleanUserText(text.replace(LONE_SURROGATE, '\uFFFD').replace(/\t/g, ' '));
}
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** An event name the bot may act on; others are kept as a bare event. */
const EventName = z.string().regex(/^[A-Za-z0-9_./:-]{1,64}$/);

/**
 * The user's activity in our own shape, which is what the bot reads and the transcript keeps: its type, the cleaned
 * text, the chosen button's value only when the bot offered it at this step (`offered`; otherwise the press counts
 * as its typed label), the language asked for, and our own `from`. Nothing else the client sent is kept.
 */
export function ownShape(incoming: IncomingActivity, conversationId: string, offered: ReadonlySet<string>): Partial<Activity> {
  const base: Partial<Activity> = {
    type: incoming.type,
    channelId: 'directline',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { ...USER_ACCOUNT, name: '' },
    recipient: { id: 'lotsen', name: 'Lotsen', role: 'bot' },
    timestamp: new Date(),
  };
  const locale = incoming.locale?.toLowerCase().split('-')[0];
  if (isLocale(locale)) base.locale = locale;
  if (incoming.type === ActivityTypes.Event) {
    const name = EventName.safeParse(incoming.name);
    return name.success ? { ...base, name: name.data } : base;
  }
  const action = (incoming.value as { action?: unknown } | undefined)?.action;
  const pressed = typeof action === 'string' && (offered.has(action) || ALWAYS_OFFERED.has(action)) ? action : undefined;
  const text = storedText(incoming.text ?? '');
  return { ...base, textFormat: 'plain', text, ...(pressed === undefined ? {} : { value: { action: pressed } }) };
}

/** The client's id for its pending message, when it has one of the shape Web Chat uses. */
export function clientActivityIdOf(incoming: IncomingActivity): string | undefined {
  const id = incoming.channelData?.clientActivityID;
  return typeof id === 'string' && CLIENT_ACTIVITY_ID.test(id) ? id : undefined;
}

let typingCount = 0;

/** A typing indicator as the streams echo it: not stored, so it has no seq; its id says so. */
export function typingActivity(conversationId: string, clientActivityID?: string): Partial<Activity> {
  typingCount = (typingCount + 1) % 1_000_000_000;
  return toWire({
    type: ActivityTypes.Typing,
    id: `${conversationId}|typing-${Date.now().toString(36)}-${typingCount.toString(36)}`,
    timestamp: new Date(),
    channelId: 'directline',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { ...USER_ACCOUNT, name: '' },
    ...(clientActivityID === undefined ? {} : { channelData: { clientActivityID } }),
  });
}
