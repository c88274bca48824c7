import webExt from 'web-ext';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

export interface LintReport {
  errors: LintMessage[];
  warnings: LintMessage[];
}

/** Mozilla's add-on linter (`web-ext lint`) on a Firefox package (.xpi) or a built extension directory. */
export async function lintFirefox(source: string): Promise<LintReport> {
  const result = (await webExt.cmd.lint(
    { sourceDir: source, output: 'none', boring: true, selfHosted: false },
    { shouldExitProgram: false },
  )) as LintReport;
  return { errors: result.errors, warnings: result.warnings };
}
