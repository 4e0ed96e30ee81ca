import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewTab } from '../../../extension/components/new-tab';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { readSnapshot, writeSnapshot } from '../../../extension/lib/new-tab-snapshot';
import { loadNewTabData } from '../../../extension/lib/load-new-tab-data';
import { effectiveProfile } from '../../../extension/lib/profile';
import { userSettings, validation, type CachedValidation } from '../../../extension/lib/storage';
import type { ValidationFigures } from '../../../shared/src/schemas/validation';

const app = () => document.getElementById('app')!;
const line = () => app().querySelector('.validation');
const profile = (department: string) => effectiveProfile({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', usageStatistics: true, department, role: 'manufacturing' }, {});
const figures = (department: string, overrides: Partial<ValidationFigures> = {}): CachedValidation => ({
  department,
  figures: {
    department,
    day: '2026-12-02',
    thisWeek: { from: '2026-11-30', actions: 37 },
    lastWeek: { from: '2026-11-23', actions: 21 },
    thisMonth: { from: '2026-12-01', thanks: 12 },
    generatedAt: '2026-12-02T10:00:00.000Z',
    ...overrides,
  },
  fetchedAt: '2026-12-02T10:00:00.000Z',
});
const show = (department: string, cached: CachedValidation | null) =>
  render(<NewTab bundle={demoBundle()} profile={profile(department)} now={new Date('2026-12-02T10:00:00Z')} validation={cached} saveProfile={async () => undefined} />, app());

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({}));
  document.body.innerHTML = '<main id="app"></main>';
  localStorage.clear();
});
afterEach(() => render(null, app()));

describe('the validation line on the new tab', () => {
  it('says the own department’s actions and thanks, quietly, under the actions', () => {
    show('manufacturing', figures('manufacturing'));
    expect([...line()!.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      'This week Manufacturing logged 37 customer actions (21 last week).',
      'Colleagues thanked Manufacturing 12 times for customer work this month.',
    ]);
    expect(line()!.getAttribute('aria-label')).toBe('Manufacturing’s customer work');
    expect(app().querySelector('.actions')!.compareDocumentPosition(line()!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows only figures of the department the employee is in now: never another department’s', () => {
    show('legal', figures('manufacturing'));
    expect(line()).toBeNull();
    expect(app().textContent).not.toContain('Manufacturing logged');
  });

  it('shows nothing when every figure is withheld (too few active installs), or before any figures arrived', () => {
    show('manufacturing', figures('manufacturing', { thisWeek: null, lastWeek: null, thisMonth: null }));
    expect(line()).toBeNull();
    show('manufacturing', null);
    expect(line()).toBeNull();
  });

  it('comes with the new tab’s data from storage and its snapshot: no request of its own', async () => {
    await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', department: 'manufacturing', role: 'engineer', usageStatistics: true });
    await validation.setValue(figures('manufacturing'));
    const data = await loadNewTabData();
    expect(data.validation).toEqual(figures('manufacturing'));
    writeSnapshot(data, undefined);
    expect(readSnapshot()!.data.validation).toEqual(figures('manufacturing'));
  });
});
