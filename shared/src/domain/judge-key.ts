/**
 * A judge's key among scorecards and the panel: their admin token's id or,
 * signed in with the company's provider, their person's ("token:3",
 * "person:7"), so the two kinds of judge never mix.
 */
export function judgeKey(judge: { id: number | null; personId: number | null }): string {
  return judge.id !== null ? `token:${judge.id}` : `person:${judge.personId}`;
}
