import { ActionTypes, ActivityTypes, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { OutMessage, SuggestedAction, TurnResult } from '../dialogue/types';

export const VIDEO_CONTENT_TYPE = 'application/vnd.lotsen.video+json';
export const IMAGE_CONTENT_TYPE = 'application/vnd.lotsen.image+json';

/** Button presses arrive as `value.action`; the displayed text is the button's label. */
export function toCardAction(a: SuggestedAction): CardAction {
  return { type: ActionTypes.MessageBack, title: a.title, displayText: a.title, text: a.title, value: { action: a.value } };
}

function attachmentOf(m: OutMessage): Attachment | undefined {
  if (m.kind === 'video') return { contentType: VIDEO_CONTENT_TYPE, content: m.video, name: m.video.title };
  if (m.kind === 'image') return { contentType: IMAGE_CONTENT_TYPE, content: { src: m.src, alt: m.alt }, name: m.alt };
  return undefined;
}

/** The dialogue's output as Bot Framework activities: plain text (never markdown or HTML), buttons on the last one. */
export function toActivities(result: TurnResult, locale: string): Array<Partial<Activity>> {
  const out: Array<Partial<Activity>> = result.messages.map((m) => {
    const attachment = attachmentOf(m);
    return {
      type: ActivityTypes.Message,
      locale,
      textFormat: 'plain',
      text: m.kind === 'text' ? m.text : m.kind === 'video' ? m.video.title : m.alt,
      ...(attachment ? { attachments: [attachment] } : {}),
      channelData: { key: m.key, ...(m.kind === 'text' && m.role ? { role: m.role } : {}) },
    };
  });
  const last = out[out.length - 1];
  if (last) {
    if (result.actions.length > 0) last.suggestedActions = { to: [], actions: result.actions.map(toCardAction) };
    last.channelData = { ...(last.channelData as object), progress: result.progress };
  }
  return out;
}

/** The keys of an activity list, as transcript tests name them. */
export const keysOf = (activities: Array<Partial<Activity>>): string[] =>
  activities.map((a) => (a.channelData as { key?: string } | undefined)?.key).filter((k): k is string => typeof k === 'string');
