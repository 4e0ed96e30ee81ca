import { describe, expect, it } from 'vitest';
import { syncOutcome } from '../../../extension/lib/sync-outcome';

const unreachable = 'Cannot reach the server at https://cx.example.com. Check the server URL, or try again later.';

describe('syncOutcome', () => {
  it('says how many events went when both halves worked', () => {
    expect(syncOutcome({ content: { result: 'updated' }, events: { sent: 3, waiting: 0 } })).toEqual({ text: 'Synced. 3 events sent.' });
  });

  it('says an unreachable server once, though the content and the events both failed on it', () => {
    expect(syncOutcome({ content: { result: 'error', error: unreachable }, events: { sent: 0, waiting: 2, error: unreachable } })).toEqual({ text: unreachable, error: true });
  });

  it('says both reasons when the halves failed differently', () => {
    const refused = 'The server refused the content request (HTTP 403).';
    expect(syncOutcome({ content: { result: 'error', error: refused }, events: { sent: 0, waiting: 2, error: unreachable } })).toEqual({ text: `${refused} ${unreachable}`, error: true });
  });

  it('says why the sync could not run at all', () => {
    expect(syncOutcome({ error: 'Set the server URL first.' })).toEqual({ text: 'Set the server URL first.', error: true });
  });
});
