/** Days over which a department's active installs are counted for the voice inbox (the day itself included): a message's day, or today. */
export const VOICE_SIZE_DAYS = 28;

/**
 * Whether the voice inbox shows a message's department as "a small
 * department" (department: null) rather than by name: when the department
 * had fewer than `minGroupSize` active installs over the 28 days before the
 * message came (`installsWhenSent`, kept with the message), or has fewer
 * over the last 28 days now (`installsNow`). Once small, a message stays
 * masked for good, whatever the department grows to: a name shown later
 * would tell who, among the few, had written.
 */
export function maskVoiceDepartment(installsWhenSent: number, installsNow: number, minGroupSize: number): boolean {
  return installsWhenSent < minGroupSize || installsNow < minGroupSize;
}
