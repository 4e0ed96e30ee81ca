import type { SyncNowResponse } from './messages';

/**
 * What the options page says after "Sync now". Both halves can fail, for
 * different reasons (content refused, events kept back): each reason is
 * said once, so an unreachable server, which fails both alike, reads as one
 * sentence.
 */
export function syncOutcome(answer: SyncNowResponse | undefined): { text: string; error?: boolean } {
  const reasons = answer?.error ? [answer.error] : [answer?.content?.error, answer?.events?.error].filter((reason): reason is string => !!reason);
  const problem = [...new Set(reasons)].join(' ');
  return problem ? { text: problem, error: true } : { text: `Synced. ${answer?.events?.sent ?? 0} events sent.` };
}
