import { z } from 'zod';
import { IdSchema, IsoDateSchema, TimezoneSchema, UtcInstantSchema } from './common';
import { DepartmentSchema } from './department';
import { PromptSchema } from './prompt';
import { RoleActionSchema } from './role-action';
import { RoleSchema } from './role';
import { StorySchema } from './story';
import { VoiceCardSchema } from './voice';

/** The content itself, as the bundle serves it and an export file holds it. */
export const contentLists = {
  stories: z.array(StorySchema).max(5000),
  prompts: z.array(PromptSchema).max(1000),
  actions: z.array(RoleActionSchema).max(2000),
  roles: z.array(RoleSchema).max(200),
  departments: z.array(DepartmentSchema).max(500),
  /** Local day → story id; days not listed follow the rotation. */
  schedule: z.record(IsoDateSchema, IdSchema),
};

/**
 * Everything the extension shows, in one versioned document
 * (`GET /api/v1/content`). The extension keeps the last good one.
 */
export const ContentBundleSchema = z
  .object({
    /** Goes up by one with every content change. */
    version: z.number().int().positive(),
    generatedAt: UtcInstantSchema,
    /** The company's time zone: "today" is decided in it, for everyone. */
    timezone: TimezoneSchema,
    ...contentLists,
    /**
     * The CX team's public cards ("You said, we did" replies, lessons shared
     * to all departments), each shown on every new tab from `from` to
     * `until` (company-local days). Absent from older servers: none.
     */
    voiceCards: z.array(VoiceCardSchema).max(200).default([]),
  })
  .superRefine(checkContentReferences);
export type ContentBundle = z.infer<typeof ContentBundleSchema>;

type ContentLists = Pick<ContentBundle, 'stories' | 'prompts' | 'actions' | 'roles' | 'departments' | 'schedule'>;

/**
 * What a single item's schema cannot see: ids unique per list, schedule days
 * naming existing stories, actions and stories naming existing roles.
 */
export function checkContentReferences(bundle: ContentLists, ctx: z.RefinementCtx): void {
  for (const list of ['stories', 'prompts', 'actions', 'roles', 'departments'] as const) {
    const seen = new Set<string>();
    bundle[list].forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicate id "${item.id}"` });
      seen.add(item.id);
    });
  }
  const storyIds = new Set(bundle.stories.map((s) => s.id));
  for (const [day, storyId] of Object.entries(bundle.schedule)) {
    if (!storyIds.has(storyId)) {
      ctx.addIssue({ code: 'custom', path: ['schedule', day], message: `unknown story "${storyId}"` });
    }
  }
  const roleIds = new Set(bundle.roles.map((r) => r.id));
  bundle.actions.forEach((action, i) => {
    if (!roleIds.has(action.role)) {
      ctx.addIssue({ code: 'custom', path: ['actions', i, 'role'], message: `unknown role "${action.role}"` });
    }
  });
  const departmentIds = new Set(bundle.departments.map((d) => d.id));
  bundle.stories.forEach((story, i) => {
    story.roles?.forEach((role, j) => {
      if (!roleIds.has(role)) ctx.addIssue({ code: 'custom', path: ['stories', i, 'roles', j], message: `unknown role "${role}"` });
    });
    story.credits?.forEach((department, j) => {
      if (!departmentIds.has(department)) ctx.addIssue({ code: 'custom', path: ['stories', i, 'credits', j], message: `unknown department "${department}"` });
      else if (story.credits!.indexOf(department) !== j) ctx.addIssue({ code: 'custom', path: ['stories', i, 'credits', j], message: `credits "${department}" twice` });
    });
  });
}
