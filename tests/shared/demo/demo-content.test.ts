import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../shared/src/demo/demo-content';
import { ContentBundleSchema } from '../../../shared/src/schemas/content-bundle';

const NON_CUSTOMER_FACING = ['engineering', 'legal', 'it', 'safety', 'manufacturing', 'finance'];

describe('demo content', () => {
  it('is a valid bundle', () => {
    const result = ContentBundleSchema.safeParse({ ...demoContent, version: 1, generatedAt: '2026-11-23T10:00:00.000Z', timezone: 'UTC' });
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('has at least 14 stories, several showing a non-customer-facing team changing an outcome', () => {
    expect(demoContent.stories.length).toBeGreaterThanOrEqual(14);
    const behindTheScenes = demoContent.stories.filter((s) => s.tags.some((t) => NON_CUSTOMER_FACING.includes(t)));
    expect(behindTheScenes.length).toBeGreaterThanOrEqual(5);
    for (const s of behindTheScenes) expect(s.impact, s.id).toMatch(/Before:.*After/);
  });

  it('has at least 10 prompts including the customer-chair question', () => {
    expect(demoContent.prompts.length).toBeGreaterThanOrEqual(10);
    expect(demoContent.prompts).toContainEqual({ id: expect.any(String), text: 'Did customers tell us they want this?', where: 'both' });
  });

  it('has 3 to 5 actions for each of at least 8 roles, the named eight among them', () => {
    const roles = demoContent.roles.map((r) => r.id);
    expect(roles).toEqual(expect.arrayContaining(['engineering', 'manufacturing', 'legal', 'safety', 'it', 'sales', 'support', 'finance']));
    for (const role of roles) {
      const n = demoContent.actions.filter((a) => a.role === role).length;
      expect(n, role).toBeGreaterThanOrEqual(3);
      expect(n, role).toBeLessThanOrEqual(5);
    }
  });

  it('uses unique ids everywhere', () => {
    for (const list of [demoContent.stories, demoContent.prompts, demoContent.actions, demoContent.roles, demoContent.departments]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
