// The popup's first script, loaded with a plain `<script src>` at the end of its body (built on its own by
// scripts/classicScript.ts): it reads the published status and asks the background for the fresh one, then,
// once the page is parsed, draws the first frame from the published status, and only then runs the popup's
// module, with the modules it imports preloaded at the same time (scripts/deferredEntry.ts). Whatever happens
// to the first frame, the popup's module runs.
import { runDeferredEntry, whenParsed } from './deferredEntry';
import { nativeBrowser, startEarlyRequests } from './earlyRequests';
import { drawFirstFrame } from './firstFrame';
import { firstFrameMessagesPath } from './firstFrameMessages';
import { bundledLocales, translatorFor } from '../src/ui/loadTranslator';

const browser = nativeBrowser();
const early = startEarlyRequests(() => browser);
const i18n = browser.i18n;
// The translator is picked as soon as the published status names the language: a language chosen in the
// settings has its locale file read meanwhile.
const firstFrame =
  i18n === undefined
    ? null
    : (early?.published.then(
        async (published) =>
          published && {
            status: published.status,
            translator: await translatorFor(published.language, {
              getMessage: (key, subs) => i18n.getMessage(key, subs),
              // Only the messages the first frame can show: the popup's module reads the whole files.
              fetchLocale: bundledLocales((path) => browser.runtime.getURL(path), firstFrameMessagesPath),
            }),
          },
      ) ?? null);
// The storage's answer can come before the parser has reached the page's root and its module's link.
void Promise.all([firstFrame, whenParsed(document)])
  .then(([frame]) => {
    if (frame !== null) drawFirstFrame(frame.status, frame.translator, document);
  })
  .catch((error: unknown) => console.warn("Rampart: the popup's first frame was not drawn", error))
  .finally(() => runDeferredEntry(document));
