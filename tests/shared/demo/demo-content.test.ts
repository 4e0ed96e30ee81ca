import { describe, expect, it } from 'vitest';
import { demoContent } from '../../../shared/src/demo/demo-content';
import { ContentBundleSchema } from '../../../shared/src/schemas/content-bundle';

const NON_CUSTOMER_FACING = ['engineering', 'legal', 'it', 'safety', 'manufacturing', 'finance'];
const NAMED_ROLES = ['engineering', 'manufacturing', 'legal', 'safety', 'it', 'sales', 'support', 'finance'];

describe('demo content', () => {
  it('is a valid bundle', () => {
    const result = ContentBundleSchema.safeParse({ ...demoContent, version: 1, generatedAt: '2026-11-23T10:00:00.000Z', timezone: 'UTC' });
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('has at least 14 stories, several showing a non-customer-facing team changing an outcome', () => {
    expect(demoContent.stories.length).toBeGreaterThanOrEqual(14);
    // The team must be what the story is about (a tag), not only one of the roles it speaks to.
    const behindTheScenes = demoContent.stories.filter((s) => s.tags.some((t) => NON_CUSTOMER_FACING.includes(t)));
    expect(behindTheScenes.length).toBeGreaterThanOrEqual(5);
    for (const s of behindTheScenes) expect(s.impact, s.id).toMatch(/Before:.*After/);
  });

  it('tells every story in full: quote, two or three paragraphs, impact and source, as plain text', () => {
    for (const s of demoContent.stories) {
      expect(s.quote, s.id).toBeDefined();
      expect(s.impact, s.id).toBeDefined();
      expect(s.source, s.id).toBeDefined();
      expect(s.body.split('\n\n').length, s.id).toBeGreaterThanOrEqual(2);
      expect(s.body.split('\n\n').length, s.id).toBeLessThanOrEqual(3);
      const all = [s.title, s.customer, s.quote, s.body, s.impact, s.source].join('\n');
      expect(all, s.id).not.toMatch(/<[a-z/]|\*\*|^#|\]\(/m);
      expect(s.customer, s.id).toContain(' — ');
    }
  });

  it('points stories only at roles that exist', () => {
    const roles = new Set(demoContent.roles.map((r) => r.id));
    for (const s of demoContent.stories) for (const r of s.roles ?? []) expect(roles.has(r), `${s.id} → ${r}`).toBe(true);
  });

  it('has at least 10 prompts including the customer-chair question, for both places', () => {
    expect(demoContent.prompts.length).toBeGreaterThanOrEqual(10);
    expect(demoContent.prompts).toContainEqual({ id: expect.any(String), text: 'Did customers tell us they want this?', where: 'both' });
    const places = new Set(demoContent.prompts.map((p) => p.where));
    expect(places).toEqual(new Set(['meeting', 'newtab', 'both']));
  });

  it('has 3 to 5 actions for each of at least 8 roles, the named eight among them', () => {
    const roles = demoContent.roles.map((r) => r.id);
    expect(roles.length).toBeGreaterThanOrEqual(8);
    expect(roles).toEqual(expect.arrayContaining(NAMED_ROLES));
    for (const role of roles) {
      const n = demoContent.actions.filter((a) => a.role === role).length;
      expect(n, role).toBeGreaterThanOrEqual(3);
      expect(n, role).toBeLessThanOrEqual(5);
    }
    for (const a of demoContent.actions) expect(a.id.startsWith(`${a.role}-`), a.id).toBe(true);
  });

  it('lists at least 8 departments, each with a headcount', () => {
    expect(demoContent.departments.length).toBeGreaterThanOrEqual(8);
    for (const d of demoContent.departments) expect(d.headcount, d.id).toBeGreaterThan(0);
  });

  it('uses unique ids everywhere', () => {
    for (const list of [demoContent.stories, demoContent.prompts, demoContent.actions, demoContent.roles, demoContent.departments]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
