import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '../../../extension/components/options-page';
import { demoBundle } from '../../../extension/lib/demo-bundle';
import { cachedBundle, managedMirror, userSettings } from '../../../extension/lib/storage';
import { lateManagedStorage } from '../support/late-managed-storage';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const settle = async () => {
  for (let i = 0; i < 6; i++) await tick();
};
const app = () => document.getElementById('app')!;
const field = <T extends Element>(selector: string) => app().querySelector<T>(selector)!;

beforeEach(async () => {
  fakeBrowser.reset();
  document.body.innerHTML = '<main id="app"></main>';
  await cachedBundle.setValue({ bundle: demoBundle(), source: 'demo' });
  await userSettings.setValue({ serverUrl: 'http://127.0.0.1:8787', enrollmentKey: '', department: 'sales', role: 'sales', usageStatistics: true });
});
afterEach(() => {
  render(null, app());
  vi.restoreAllMocks();
});

describe('the options page while storage.managed answers late', () => {
  it('shows its fields from the mirror at once, then corrects them when the managed read arrives', async () => {
    await managedMirror.setValue({ department: 'legal', serverUrl: 'https://old.example.com' });
    const late = lateManagedStorage({ department: 'safety', disableUsageStatistics: true });
    render(<OptionsPage />, app());
    await settle();

    expect(app().textContent).not.toContain('Loading…');
    expect(field<HTMLSelectElement>('#department').value).toBe('legal');
    expect(field<HTMLSelectElement>('#department').disabled).toBe(true);
    expect(field<HTMLInputElement>('#server-url').value).toBe('https://old.example.com');
    expect(field<HTMLInputElement>('#server-url').disabled).toBe(true);
    expect(field<HTMLInputElement>('#usage').disabled).toBe(false);

    await late.answer();
    expect(field<HTMLSelectElement>('#department').value).toBe('safety');
    // IT removed the server URL: the employee's own value is back, and editable.
    expect(field<HTMLInputElement>('#server-url').value).toBe('http://127.0.0.1:8787');
    expect(field<HTMLInputElement>('#server-url').disabled).toBe(false);
    expect(field<HTMLInputElement>('#usage').disabled).toBe(true);
    expect(field<HTMLInputElement>('#usage').checked).toBe(false);
  });

  it('shows the employee’s own settings at once on a fresh profile, before anything was mirrored', async () => {
    const late = lateManagedStorage({ role: 'legal' });
    render(<OptionsPage />, app());
    await settle();
    expect(app().textContent).not.toContain('Loading…');
    expect(field<HTMLSelectElement>('#role').value).toBe('sales');
    expect(field<HTMLSelectElement>('#role').disabled).toBe(false);
    await late.answer();
    expect(field<HTMLSelectElement>('#role').value).toBe('legal');
    expect(field<HTMLSelectElement>('#role').disabled).toBe(true);
  });

  it('follows a policy change while open, without waiting for the background’s copy', async () => {
    const late = lateManagedStorage({ role: 'legal' });
    render(<OptionsPage />, app());
    await settle();
    await late.answer();
    expect(field<HTMLSelectElement>('#role').disabled).toBe(true);
    await late.setPolicy({});
    await late.answer();
    expect(field<HTMLSelectElement>('#role').value).toBe('sales');
    expect(field<HTMLSelectElement>('#role').disabled).toBe(false);
  });
});

describe('the options page’s list of what is sent', () => {
  it('names the department thanked, what the voice form sends (with a sender key that is not the install id) and the validation request’s department', async () => {
    render(<OptionsPage />, app());
    await settle();
    const sent = [...app().querySelectorAll('.fields-sent li')].map((li) => li.textContent).join('\n');
    expect(sent).toContain('team thanked');
    expect(sent).toContain('which department you thanked');
    expect(sent).toMatch(/sends its kind, its text and your department, with a random sender key used only for the daily limit \(made for the form, never the install id/);
    expect(sent).toMatch(/validation line .* sends only your department/);
  });
});
