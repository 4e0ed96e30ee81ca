import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../../shared/src/schemas/api-error';
import { SavedScorecardSchema } from '../../../../shared/src/schemas/judging';
import { databaseChecksum } from '../../../support/database-checksum';
import { DAYS, entriesSeenBy, judging, panelApp, scorecardFor } from '../../../support/judging-api';
import { DEMO_ROUND_ID } from '../../../support/recognition-api';

/**
 * Generated scorecards against real entries while the round is judged: a
 * card is saved exactly as the schema reads it, or refused with the API's
 * error shape and nothing changed; never a 5xx.
 */
describe('PUT /api/v1/judging/entries/:entryId/scorecard under generated cards', () => {
  it('saves what it accepts and changes nothing when it refuses', async () => {
    const t = await panelApp(DAYS.judging);
    const entries = await entriesSeenBy(t, 'chair', DEMO_ROUND_ID);
    const criterionIds = [...new Set(entries.flatMap((e) => e.criteria.map((c) => c.id))), 'usage', '', '__proto__', 'A B'];
    const score = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: -3, max: 9 }), fc.constantFrom(2.5, null, '4', Number.NaN));
    const card = fc.record(
      {
        scores: fc.oneof(
          fc.array(fc.record({ criterionId: fc.constantFrom(...criterionIds), score }), { maxLength: 12 }),
          fc.constant('all fives'),
        ),
        feedback: fc.oneof(fc.string({ maxLength: 40 }), fc.constant('x'.repeat(1600)), fc.constant(null), fc.constant('   ')),
        panelNote: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.constant(null)),
        extra: fc.constant(1),
      },
      { requiredKeys: [] },
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...entries), fc.constantFrom<'jo' | 'kim' | 'chair'>('jo', 'kim', 'chair'), fc.oneof(card, fc.constant(null)), async (entry, who, body) => {
        // Half the time, a complete card with one field generated.
        const sent = body ?? scorecardFor(entry, 3, { feedback: 'Good.' });
        const before = await databaseChecksum(t.storage);
        const response = await judging(t, who, 'PUT', `/entries/${entry.id}/scorecard`, sent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status).toBeLessThan(500);
        const answer = await response.json();
        if (response.status === 200) {
          const saved = SavedScorecardSchema.parse(answer);
          expect(new Set(saved.scores.map((s) => s.criterionId))).toEqual(new Set(entry.criteria.map((c) => c.id)));
          expect((await (await judging(t, who, 'GET', `/entries/${entry.id}`)).json()).scorecard).toEqual(saved);
        } else {
          expect(ApiErrorSchema.safeParse(answer).success).toBe(true);
          expect(await databaseChecksum(t.storage)).toBe(before);
        }
        // Kim never scores support's entries, and is answered as for an entry that does not exist (whatever the card).
        if (who === 'kim' && entry.team.department === 'support') {
          expect(response.status).not.toBe(200);
          const missing = await judging(t, who, 'PUT', '/entries/e-aaaaaaaaaaaa/scorecard', sent);
          expect(missing.status).toBe(response.status);
          expect(JSON.stringify(await missing.json()).replaceAll('e-aaaaaaaaaaaa', 'ID')).toBe(JSON.stringify(answer).replaceAll(entry.id, 'ID'));
        }
      }),
      { numRuns: 120, seed: 20261220 },
    );
    // Both kinds of answer were reached.
    expect(statuses.get(200)).toBeGreaterThan(10);
    expect(statuses.get(400)).toBeGreaterThan(10);
  }, 90_000);
});
