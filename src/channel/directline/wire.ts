import { z } from 'zod';

/** A conversation id in a path: what ours look like, nothing that could mean something else. */
export const ConversationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
/** A watermark in a query: the seq of the last activity seen; none or empty for "from the start". */
export const Watermark = z.union([z.undefined(), z.literal(''), z.string().regex(/^-?\d{1,12}$/)]).transform((w) => (w === undefined || w === '' ? null : Number(w)));
