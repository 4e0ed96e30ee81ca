import { demoContent } from '@customer-chair/shared/demo/demo-content';
import type { ContentBundle } from '@customer-chair/shared/schemas/content-bundle';

/** The bundled demo content as a bundle (version 0), shown until the first sync. */
export function demoBundle(): ContentBundle {
  return {
    ...demoContent,
    voiceCards: [],
    version: 0,
    generatedAt: '1970-01-01T00:00:00.000Z',
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
}
