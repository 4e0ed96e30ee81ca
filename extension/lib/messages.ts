import type { EventType, Surface } from '@customer-chair/shared/schemas/usage-event';
import type { SyncStatus } from './storage';

/** What pages ask the background to do (pages never build or send events themselves). */
export type LogRequest = {
  kind: 'log';
  type: EventType;
  surface: Surface;
  storyId?: string;
  promptId?: string;
  actionId?: string;
  /** team_thanked only: the credited department thanked. */
  thankedDepartment?: string;
};
export type UndoRequest = { kind: 'undo'; eventId: string };
export type SyncNowRequest = { kind: 'sync-now' };
export type BackgroundRequest = LogRequest | UndoRequest | SyncNowRequest;

export type LogResponse = { eventId?: string };
export type UndoResponse = { undone: boolean };
/** The content sync's status and the events sent, or why the sync could not run at all. */
export type SyncNowResponse = {
  content?: SyncStatus;
  events?: { sent: number; waiting: number; error?: string };
  error?: string;
};
