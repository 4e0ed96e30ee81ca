import { z } from 'zod';
import { DAY_WINDOW_MESSAGE, isInDayWindow } from './day-window';
import { LIMITS } from './limits';

/** Content ids are slugs: readable in URLs, CSV and logs. */
export const IdSchema = z
  .string()
  .min(1, { message: 'must not be empty', abort: true })
  .max(LIMITS.id)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_"');

/** A calendar day, YYYY-MM-DD, that really exists, in the years 2000–2100 (MIN_DAY to MAX_DAY). */
export const IsoDateSchema = z.iso
  .date({ message: 'must be a real date as YYYY-MM-DD', abort: true })
  .refine(isInDayWindow, DAY_WINDOW_MESSAGE);

/** An instant, always UTC with a Z, as the extension sends it. */
export const UtcInstantSchema = z.iso.datetime({ offset: false });

export const TimezoneSchema = z
  .string()
  .min(1)
  .max(LIMITS.timezone)
  .refine(isKnownTimezone, 'must be an IANA time zone such as "Europe/Paris"');

function isKnownTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Trimmed, non-empty text up to `max` characters. */
export const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
