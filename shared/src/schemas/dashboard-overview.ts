import { z } from 'zod';
import { DepartmentSchema } from './department';
import { RoleActionSchema } from './role-action';
import { RoleSchema } from './role';
import { StatsSchema } from './stats';

/** `GET /api/v1/dashboard/overview`: the stats plus the names the dashboard shows them with. */
export const DashboardOverviewSchema = z.object({
  stats: StatsSchema,
  departments: z.array(DepartmentSchema),
  roles: z.array(RoleSchema),
  actions: z.array(RoleActionSchema),
  stories: z.array(z.object({ id: z.string(), title: z.string(), customer: z.string() })),
});
export type DashboardOverview = z.infer<typeof DashboardOverviewSchema>;
