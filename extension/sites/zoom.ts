import { firstEditable, type SiteAdapter } from './site-adapter';

/**
 * The web client's meeting pages: /wc/<meeting id>/join (or /start),
 * /wc/join/<meeting id> and a personal link /wc/my/<name>.
 * Sources: Vexa-ai/vexa core/meetings/modules/join/src/zoom/selectors.ts (React client at
 * app.zoom.us/wc/<id>/join, classic client at /wc/join/<id>). /wc/my/<name>: no public source found.
 */
const MEETING_PATH = /^\/wc\/(?:(\d{9,11})\/(?:join|start)|join\/(\d{9,11})|my\/([\w.-]+))(?:$|[/?])/;

function meetingName(url: URL): string | undefined {
  const match = MEETING_PATH.exec(url.pathname);
  if (!match) return undefined;
  return match[1] ?? match[2] ?? `my/${match[3]}`;
}

export const zoom: SiteAdapter = {
  id: 'zoom',
  name: 'Zoom',
  matches: ['https://app.zoom.us/wc/*', 'https://*.zoom.us/wc/*'],
  isMeetingPage: (_doc, url) => meetingName(url) !== undefined,
  // After "Join from your browser" the meeting UI lives in a same-origin `iframe#webclient`
  // (mst-mkt/ctrl-enter reads `iframe#webclient` → contentWindow.document → `.chat-rtf-box__editor-outer`;
  // meeting bots switch into `iframe.pwa-webclient__iframe#webclient`); firstEditable looks into it.
  // Also screenappai/meeting-bot src/bots/ZoomBot.ts (waits for `iframe#webclient`) and
  // src/tasks/RecordingTask.ts (reads its `contentDocument`, so it is same-origin); Vexa-ai/vexa
  // clients/extension/manifest.json injects into Zoom with `all_frames: true`.
  // The chat is a TipTap/ProseMirror editor: class names, not the translated aria-label, come first.
  // Source: Vexa-ai/vexa services/vexa-bot/core/src/platforms/zoom/web/selectors.ts (commit 0b7e941):
  // "TipTap ProseMirror contenteditable … .chat-rtf-box__editor-outer > .chat-rtf-box__editor-wrapper >
  // ._rtfEditor_* > div[contenteditable]", selected as `.chat-rtf-box__editor-outer [contenteditable="true"]`.
  findInsertTarget: (doc) =>
    firstEditable(doc, [
      '.chat-rtf-box__editor-outer [contenteditable="true"]',
      '.chat-rtf-box__editor-outer .ProseMirror',
      'textarea.chat-box__chat-textarea',
      '[contenteditable="true"][aria-label*="message" i]',
      'textarea[aria-label*="message" i]',
    ]),
  targetName: 'the meeting chat',
  targetKind: 'chat',
  // Above the footer's controls, on the left (the chat panel opens on the right).
  placement: { bottom: 80, left: 16 },
  meetingKey: (url) => `zoom:${meetingName(url) ?? url.pathname}`,
};
