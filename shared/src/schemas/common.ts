import { z } from 'zod';
import { LIMITS } from './limits';

/** Content ids are slugs: readable in URLs, CSV and logs. */
export const IdSchema = z
  .string()
  .min(1, { message: 'must not be empty', abort: true })
  .max(LIMITS.id)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_"');

/** A calendar day, YYYY-MM-DD, that really exists. */
export const IsoDateSchema = z.iso.date({ message: 'must be a real date as YYYY-MM-DD' });

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
