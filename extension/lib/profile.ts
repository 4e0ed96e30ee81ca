import type { ManagedSettings, UserSettings } from './storage';

/** The settings in force: a value set by IT wins over the employee's. */
export type Profile = {
  serverUrl: string;
  enrollmentKey: string;
  department?: string;
  role?: string;
  usageStatistics: boolean;
  /** Which fields IT set, so the UI shows them as locked. */
  locked: { serverUrl: boolean; enrollmentKey: boolean; department: boolean; role: boolean; usageStatistics: boolean };
};

export function effectiveProfile(user: UserSettings, managed: ManagedSettings): Profile {
  const lockProfile = managed.lockProfile === true;
  return {
    serverUrl: managed.serverUrl ?? user.serverUrl,
    enrollmentKey: managed.enrollmentKey ?? user.enrollmentKey,
    department: managed.department ?? user.department,
    role: managed.role ?? user.role,
    usageStatistics: managed.disableUsageStatistics === true ? false : user.usageStatistics,
    locked: {
      serverUrl: managed.serverUrl !== undefined,
      enrollmentKey: managed.enrollmentKey !== undefined,
      // Set by IT: locked. With lockProfile, the employee's own first choice is final too.
      department: managed.department !== undefined || (lockProfile && user.department !== undefined),
      role: managed.role !== undefined || (lockProfile && user.role !== undefined),
      usageStatistics: managed.disableUsageStatistics === true,
    },
  };
}

/** True when the new tab must first ask for department and role. */
export function needsProfile(profile: Profile): boolean {
  return !profile.department || !profile.role;
}
