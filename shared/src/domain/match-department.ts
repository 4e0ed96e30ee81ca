/**
 * The department a provider's claim names: a company department's id when
 * the claim is its id or its name (trimmed, any case), else the claim as
 * sent (a department the company has not set up: it matches no entry).
 */
export function matchDepartment(claim: string, departments: readonly { id: string; name: string }[]): string {
  const wanted = claim.trim().toLowerCase();
  return departments.find((d) => d.id.toLowerCase() === wanted || d.name.trim().toLowerCase() === wanted)?.id ?? claim.trim();
}
