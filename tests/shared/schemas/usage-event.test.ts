import { describe, expect, it } from 'vitest';
import { EventBatchSchema, UsageEventSchema } from '../../../shared/src/schemas/usage-event';

const valid = {
  id: '019ab2c4-0000-7000-8000-000000000001',
  installId: '019ab2c4-0000-7000-8000-0000000000aa',
  type: 'action_taken',
  department: 'engineering',
  role: 'engineering',
  surface: 'newtab',
  at: '2026-11-23T09:00:00.000Z',
  actionId: 'engineering-read-tickets',
};

function pathsOf(value: unknown) {
  const result = UsageEventSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
}

describe('UsageEventSchema', () => {
  it('accepts a complete event', () => {
    expect(UsageEventSchema.parse(valid)).toEqual(valid);
  });

  it('has exactly the documented fields', () => {
    expect(Object.keys(UsageEventSchema.shape).sort()).toEqual(
      ['actionId', 'at', 'department', 'id', 'installId', 'promptId', 'role', 'storyId', 'surface', 'thankedDepartment', 'type'],
    );
  });

  it('refuses unknown types and surfaces, non-UUID ids, local times and extra fields', () => {
    expect(pathsOf({ ...valid, type: 'story_liked' })).toEqual(['type']);
    expect(pathsOf({ ...valid, surface: 'slack' })).toEqual(['surface']);
    expect(pathsOf({ ...valid, id: 'not-a-uuid' })).toEqual(['id']);
    expect(pathsOf({ ...valid, at: '2026-11-23T10:00:00+01:00' })).toEqual(['at']);
    expect(pathsOf({ ...valid, email: 'someone@example.com' })).toEqual(['']);
  });

  it('bounds every string', () => {
    expect(pathsOf({ ...valid, department: 'd'.repeat(65) })).toEqual(['department']);
    expect(pathsOf({ ...valid, role: '' })).toEqual(['role']);
    expect(pathsOf({ ...valid, actionId: 'a'.repeat(65) })).toEqual(['actionId']);
  });

  it.each([
    ['story_viewed', 'storyId'],
    ['story_inserted', 'storyId'],
    ['story_shared', 'storyId'],
    ['prompt_shown', 'promptId'],
    ['prompt_inserted', 'promptId'],
    ['action_taken', 'actionId'],
  ])('%s needs %s', (type, field) => {
    const { actionId: _a, ...bare } = valid;
    expect(pathsOf({ ...bare, type })).toEqual([field]);
    expect(pathsOf({ ...bare, type, [field]: 'some-id' })).toEqual([]);
  });
});

describe('EventBatchSchema', () => {
  it('takes 1 to 500 events', () => {
    expect(EventBatchSchema.safeParse({ events: [] }).success).toBe(false);
    expect(EventBatchSchema.safeParse({ events: Array(500).fill(valid) }).success).toBe(true);
    expect(EventBatchSchema.safeParse({ events: Array(501).fill(valid) }).success).toBe(false);
  });
});
