import { z } from 'zod';
import { text } from './common';

/**
 * Text as a CX lead typed it: kept literally (markup characters are just
 * characters, never HTML), line endings made "\n", trimmed, within `max`.
 */
export const plainText = (max: number) =>
  z.preprocess((value) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value), text(max));

/** The same, optional: an empty or blank field means "none". */
export const optionalPlainText = (max: number) =>
  z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
    plainText(max).optional(),
  );
