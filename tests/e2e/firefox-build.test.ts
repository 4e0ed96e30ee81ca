import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildExtension } from '../support/build-extension';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

type LintReport = { summary: { errors: number; warnings: number }; errors: { code: string; message: string; file?: string }[] };

describe('the Firefox build', () => {
  it('passes Mozilla’s addons-linter with no errors', () => {
    buildExtension('firefox');
    let output: string;
    try {
      output = execFileSync(`${ROOT}node_modules/.bin/addons-linter`, ['--output', 'json', `${ROOT}extension/.output/firefox-mv2`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
    } catch (error) {
      // The linter exits non-zero when it finds errors; its report is still on stdout.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as LintReport;
    expect(report.errors.map((e) => `${e.code}: ${e.message} (${e.file ?? ''})`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
