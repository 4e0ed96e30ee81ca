import type { DepartmentDetail } from '@customer-chair/shared/schemas/department-detail';

const SURFACE_MEASURES = ['storyViews', 'promptsShown', 'promptsInserted', 'storiesInserted', 'storiesShared', 'actionsTaken'] as const;

/**
 * One department's detail as CSV (RFC 4180, CRLF), one figure per line —
 * `section,id,name,measure,value` — so a spreadsheet can pivot it. The
 * figures are the API's, unchanged; names are the ones the page shows.
 */
export function departmentCsv(detail: DepartmentDetail, name: { role(id: string): string; action(id: string): string; surface(id: string): string; story(id: string): string }): string {
  const lines: (string | number)[][] = [['section', 'id', 'name', 'measure', 'value']];
  lines.push(['department', detail.department, '', 'activeInstalls', detail.activeInstalls]);
  for (const [role, n] of Object.entries(detail.actionsByRole)) lines.push(['role', role, name.role(role), 'actionsTaken', n]);
  for (const a of detail.topActions) lines.push(['action', a.actionId, name.action(a.actionId), 'count', a.count]);
  for (const s of detail.surfaces) for (const measure of SURFACE_MEASURES) lines.push(['surface', s.surface, name.surface(s.surface), measure, s[measure]]);
  for (const s of detail.topStories) {
    lines.push(['story', s.storyId, name.story(s.storyId), 'views', s.views], ['story', s.storyId, name.story(s.storyId), 'inserted', s.inserted], ['story', s.storyId, name.story(s.storyId), 'shared', s.shared]);
  }
  return lines.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number): string {
  let text = String(value);
  // A spreadsheet would run a cell starting with one of these as a formula.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
