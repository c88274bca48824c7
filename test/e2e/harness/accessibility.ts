// axe-core over a page as it is drawn now. Serious and critical violations fail the test; the rest are the
// caller's to read. The script is evaluated through the DevTools protocol, which extension pages' content
// security policy does not govern, so the page's own code is untouched.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let axeSource: Promise<string> | null = null;
const loadAxe = () =>
  (axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** Runs axe-core (WCAG 2 A and AA rules and best practices) and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const source = await loadAxe();
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Fails with a readable list when axe finds a serious or critical violation on the page. */
export async function expectNoSeriousAxeViolations(page: Page, where: string): Promise<void> {
  const serious = (await axeViolations(page)).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) => `- ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`,
  );
  throw new Error(`axe-core on ${where}:\n${lines.join('\n')}`);
}
