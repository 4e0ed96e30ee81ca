import { browser } from 'wxt/browser';
import type { BackgroundRequest, LogRequest, LogResponse, UndoResponse } from './messages';

/** Asks the background to log an event; resolves with its id (undefined when statistics are off). */
export async function logEvent(request: Omit<LogRequest, 'kind'>): Promise<string | undefined> {
  const response = (await browser.runtime.sendMessage({ kind: 'log', ...request } satisfies BackgroundRequest)) as LogResponse | undefined;
  return response?.eventId;
}

/** Takes back an event that has not been sent yet. */
export async function undoEvent(eventId: string): Promise<boolean> {
  const response = (await browser.runtime.sendMessage({ kind: 'undo', eventId } satisfies BackgroundRequest)) as UndoResponse | undefined;
  return response?.undone ?? false;
}
