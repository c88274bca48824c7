// What the popup benchmarks share (bench/popup.mjs in Chromium, bench/popupFirefox.mjs in Firefox ESR): the two
// pages, the budget of issue 16, and the report.

export const PAGES = { popup: 'popup/index.html', blank: 'bench/blank/index.html' };
/** The marks both pages set (popup/marks.ts): the first rendered status, and the popup answering input. */
export const MARK = 'rampart:first-status';
export const READY_MARK = 'rampart:popup-ready';
/** `[-- runs [language]]`: the runs of each page in each phase, and a language to choose in the settings. */
export const RUNS = Number(process.argv[2] ?? 15);
export const LANGUAGE = process.argv[3];
/** Before every page: the previous page's window has closed, and the browser and the extension have handled it. */
export const PAUSE_MS = 500;
/** The popup's time to first status at most this many times the blank page's: warm, and after a stop. */
export const BUDGET = { warm: 1.3, cold: 2 };

export const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Prints, under a heading naming the browser, the runs and the language, the medians and ratios of `times` (`{ warm, cold }`, each `{ popup: ms[], blank: ms[] }`) and when the
 * popup answered input (`ready`, `{ warm: ms[], cold: ms[] }`), each phase under its label (`{ warm, cold }`);
 * returns whether both ratios are within budget.
 */
export function reportBudget(browser, times, ready, labels) {
  let withinBudget = true;
  console.log(
    `${browser}: popup time to first status vs a blank extension page (${RUNS} runs each, medians` +
      `${LANGUAGE === undefined ? '' : `, language ${LANGUAGE} chosen in the settings`}):`,
  );
  for (const phase of ['warm', 'cold']) {
    const popup = median(times[phase].popup);
    const blank = median(times[phase].blank);
    const ratio = popup / blank;
    withinBudget &&= ratio <= BUDGET[phase];
    const label = labels[phase].padEnd(Math.max(labels.warm.length, labels.cold.length));
    console.log(
      `  ${label}  popup ${popup.toFixed(1)} ms  blank ${blank.toFixed(1)} ms  ratio ${ratio.toFixed(2)}x ` +
        `(budget ${BUDGET[phase]}x: ${ratio <= BUDGET[phase] ? 'within' : 'OVER'}); ` +
        `popup answers input at ${median(ready[phase]).toFixed(1)} ms`,
    );
  }
  return withinBudget;
}
