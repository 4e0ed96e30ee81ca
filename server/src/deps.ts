import type { Clock } from './clock';
import type { Config } from './config';
import type { WriteRequestLog } from './middleware/request-log';
import type { Storage } from './storage/storage';

/** What the app is made of: everything a route may use, given by main.ts (or a test). */
export type AppDeps = {
  storage: Storage;
  clock: Clock;
  config: Config;
  /** Where one line per request goes (main.ts prints them; tests stay quiet without it). */
  logRequest?: WriteRequestLog;
};
