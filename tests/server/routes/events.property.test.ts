import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/src/schemas/api-error';
import { makeEvent } from '../../support/make-event';
import { countStored, sumStored } from '../../support/stored-events';
import { makeTestApp, postEvents } from '../../support/test-app';

/** What a refused request must leave untouched. */
async function snapshot(storage: Awaited<ReturnType<typeof makeTestApp>>['storage']) {
  return { events: await countStored(storage, 'events'), counts: await sumStored(storage, 'daily_counts'), items: await sumStored(storage, 'daily_item_counts') };
}

const FIELDS = ['id', 'installId', 'type', 'department', 'role', 'surface', 'at', 'storyId', 'promptId', 'actionId'];
const nasty = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\uD800', 'a'.repeat(100_000), '__proto__', 'constructor', '2026-13-40T99:99:99Z', 'NaN'),
  fc.integer(),
  fc.double(),
  fc.constant(null),
);

describe('POST /api/v1/events under generated bad input', () => {
  it('never answers 5xx, always names the problem, and changes nothing when it refuses', async () => {
    const t = await makeTestApp();
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          // Any JSON at all as the body.
          fc.jsonValue().map((value) => JSON.stringify(value)),
          // A valid batch with one field of one event replaced, removed or added.
          fc.record({ field: fc.constantFrom(...FIELDS, '__proto__', 'constructor', 'email'), value: nasty, drop: fc.boolean() }).map(({ field, value, drop }) => {
            const event: Record<string, unknown> = { ...makeEvent() };
            if (drop) delete event[field];
            // defineProperty, so that "__proto__" becomes a real key of the JSON, as an attacker would send it.
            else Object.defineProperty(event, field, { value, enumerable: true, configurable: true, writable: true });
            return JSON.stringify({ events: [makeEvent(), event] });
          }),
          // Deep nesting and prototype keys at the top.
          fc.integer({ min: 1, max: 5000 }).map((depth) => '{"events":' + '['.repeat(depth) + ']'.repeat(depth) + '}'),
          fc.constant('{"__proto__":{"events":[]},"constructor":{"prototype":{}}}'),
          // Truncated bodies.
          fc.integer({ min: 1, max: 300 }).map((cut) => JSON.stringify({ events: [makeEvent(), makeEvent()] }).slice(0, cut)),
        ),
        async (body) => {
          cases++;
          const before = await snapshot(t.storage);
          const response = await postEvents(t.app, body);
          expect(response.status).toBeLessThan(500);
          if (response.status === 200) {
            const result = (await response.json()) as { accepted: number; duplicates: number };
            expect((await snapshot(t.storage)).events).toBe(before.events + result.accepted);
          } else {
            expect([400, 413]).toContain(response.status);
            const error = ApiErrorSchema.parse(await response.json()).error;
            expect(error.message.length).toBeGreaterThan(0);
            if (error.code === 'invalid_request') expect(error.issues!.length).toBeGreaterThan(0);
            expect(await snapshot(t.storage)).toEqual(before);
          }
        },
      ),
      { numRuns: 400, seed: 20261123 },
    );
    expect(cases).toBeGreaterThanOrEqual(400);
    // The server still works after all that.
    expect((await postEvents(t.app, { events: [makeEvent()] })).status).toBe(200);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
