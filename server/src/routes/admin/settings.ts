import { SettingsEditSchema, type Settings } from '@customer-chair/shared/schemas/settings';
import { Hono } from 'hono';
import type { AppDeps } from '../../deps';
import { editItem } from '../../editing/edit-item';
import type { AdminVariables } from '../../middleware/require-admin';
import { getSettings } from '../../storage/queries/get-settings';
import { recordChange } from '../../storage/queries/record-change';
import { setTimezone } from '../../storage/queries/set-timezone';
import type { Queries } from '../../storage/storage';

/** `/api/v1/admin/settings`: the company's time zone (what "today" means for the story and the stats). */
export function adminSettingsRoutes(deps: AppDeps) {
  const { storage, config } = deps;
  const read = async (q: Queries): Promise<Settings> => {
    const stored = await getSettings(q);
    return { timezone: stored.timezone ?? config.timezone, timezoneSource: stored.timezone ? 'dashboard' : 'environment', revision: stored.revision };
  };
  return new Hono<{ Variables: AdminVariables }>()
    .get('/', async (c) => c.json<Settings>(await read(storage)))
    .put('/', (c) =>
      editItem(c, deps, { schema: SettingsEditSchema, entity: 'settings', noun: 'setting', id: 'timezone', find: read }, async (tx, body, current, now) => {
        if (current.timezone === body.timezone && current.timezoneSource === 'dashboard') return c.json<Settings>(current);
        await setTimezone(tx, body.timezone);
        await recordChange(tx, { actor: c.var.admin, action: 'updated', entity: 'settings', entityId: 'timezone', summary: `time zone ${body.timezone} (was ${current.timezone})` }, now);
        return c.json<Settings>(await read(tx));
      }),
    );
}
