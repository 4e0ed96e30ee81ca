import { describe, expect, it } from 'vitest';
import { ContentBundleSchema } from '../../../shared/src/schemas/content-bundle';
import { StorySchema } from '../../../shared/src/schemas/story';

const story = { id: 'night-shift', title: 'The night shift', customer: 'Acme — nurse', body: 'Text.', tags: [], archived: false };
const bundle = {
  version: 3,
  generatedAt: '2026-11-23T10:00:00.000Z',
  timezone: 'Europe/Paris',
  stories: [story],
  prompts: [{ id: 'want-this', text: 'Did customers tell us they want this?', where: 'both' }],
  actions: [{ id: 'legal-plain', role: 'legal', text: 'Rewrite one clause in plain words.' }],
  roles: [{ id: 'legal', name: 'Legal' }],
  departments: [{ id: 'legal', name: 'Legal', headcount: 12 }],
  schedule: { '2026-11-24': 'night-shift' },
};

describe('ContentBundleSchema', () => {
  it('accepts a consistent bundle', () => {
    // Older servers send no voice cards: none.
    expect(ContentBundleSchema.parse(bundle)).toEqual({ ...bundle, voiceCards: [] });
  });

  it('refuses a schedule naming a missing story, or an impossible date', () => {
    const missing = ContentBundleSchema.safeParse({ ...bundle, schedule: { '2026-11-24': 'nope' } });
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['schedule.2026-11-24']);
    expect(ContentBundleSchema.safeParse({ ...bundle, schedule: { '2026-02-30': 'night-shift' } }).success).toBe(false);
  });

  it('refuses actions for unknown roles and the reserved role id "other"', () => {
    const unknown = ContentBundleSchema.safeParse({ ...bundle, actions: [{ ...bundle.actions[0], role: 'pilots' }] });
    expect(unknown.error?.issues.map((i) => i.path.join('.'))).toEqual(['actions.0.role']);
    expect(ContentBundleSchema.safeParse({ ...bundle, roles: [{ id: 'other', name: 'Other' }] }).success).toBe(false);
  });

  it('refuses duplicate ids and stories naming unknown roles', () => {
    const twice = ContentBundleSchema.safeParse({ ...bundle, stories: [story, story] });
    expect(twice.error?.issues.map((i) => i.path.join('.'))).toEqual(['stories.1.id']);
    const role = ContentBundleSchema.safeParse({ ...bundle, stories: [{ ...story, roles: ['legal', 'pilots'] }] });
    expect(role.error?.issues.map((i) => i.path.join('.'))).toEqual(['stories.0.roles.1']);
  });

  it('refuses an unknown time zone', () => {
    expect(ContentBundleSchema.safeParse({ ...bundle, timezone: 'Moon/Base' }).success).toBe(false);
  });
});

describe('StorySchema', () => {
  it('trims text, defaults tags and archived, and bounds lengths', () => {
    expect(StorySchema.parse({ id: 'a', title: '  T  ', customer: 'C', body: 'B' })).toEqual({
      id: 'a',
      title: 'T',
      customer: 'C',
      body: 'B',
      tags: [],
      archived: false,
    });
    expect(StorySchema.safeParse({ ...story, title: 't'.repeat(121) }).success).toBe(false);
    expect(StorySchema.safeParse({ ...story, id: 'Not A Slug' }).success).toBe(false);
    expect(StorySchema.safeParse({ ...story, body: '   ' }).success).toBe(false);
  });

  it('carries a recognition mark, bounded like the names it copies, and nothing else in it', () => {
    const recognition = { roundName: ' 2027 Q1 ', categoryName: 'Faster for customers', teamName: 'Line 4 maintenance crew' };
    expect(StorySchema.parse({ ...story, recognition }).recognition).toEqual({ ...recognition, roundName: '2027 Q1' });
    expect(ContentBundleSchema.parse({ ...bundle, stories: [{ ...story, recognition }] }).stories[0]!.recognition?.teamName).toBe('Line 4 maintenance crew');
    const refused = (mark: object) => StorySchema.safeParse({ ...story, recognition: mark }).error?.issues.map((i) => i.path.join('.'));
    expect(refused({ ...recognition, teamName: 't'.repeat(81) })).toEqual(['recognition.teamName']);
    expect(refused({ ...recognition, roundName: '  ' })).toEqual(['recognition.roundName']);
    expect(refused({ roundName: '2027 Q1', categoryName: 'Faster' })).toEqual(['recognition.teamName']);
    expect(refused({ ...recognition, person: 'Ana' })).toEqual(['recognition']);
  });
});
