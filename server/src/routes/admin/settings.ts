import { SettingsEditSchema, type Settings } from '@customer-chair/shared/schemas/settings';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { editItem } from '../../http/edit-item';
import type { AdminVariables } from '../../middleware/require-admin';
import { getSettings } from '../../storage/queries/get-settings';
import { recordChange } from '../../storage/queries/record-change';
import { setTimezone } from '../../storage/queries/set-timezone';

/** `/api/v1/admin/settings`: the company's time zone (what "today" means for the story and the stats). */
export function adminSettingsRoutes(deps: AppDeps) {
  const { db, config } = deps;
  const read = (): Settings => {
    const stored = getSettings(db);
    return { timezone: stored.timezone ?? config.timezone, timezoneSource: stored.timezone ? 'dashboard' : 'environment', revision: stored.revision };
  };
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', (c) => c.json<Settings>(read()))
    .put('/', (c) =>
      editItem(c, deps, { schema: SettingsEditSchema, entity: 'settings', noun: 'setting', id: 'timezone', find: read }, (body, current, now) => {
        if (current.timezone === body.timezone && current.timezoneSource === 'dashboard') return c.json<Settings>(current);
        setTimezone(db, body.timezone);
        recordChange(db, { actor: c.var.admin, action: 'updated', entity: 'settings', entityId: 'timezone', summary: `time zone ${body.timezone} (was ${current.timezone})` }, now);
        return c.json<Settings>(read());
      }),
    );
}
