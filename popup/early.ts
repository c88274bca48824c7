// The popup's first script, loaded with a plain `<script src>` at the end of its body (built on its own by
// scripts/classicScript.ts): it reads the published status and asks the background for the fresh one, then,
// once the page is parsed, shows the first frame the background drew with the published status, and only then
// runs the popup's module, with the modules it imports preloaded at the same time (scripts/deferredEntry.ts).
// Whatever happens to the first frame, the popup's module runs.
import { runDeferredEntry, whenParsed } from './deferredEntry';
import { nativeBrowser, startEarlyRequests } from './earlyRequests';
import { showPublishedFrame } from './publishedFrame';

const early = startEarlyRequests(nativeBrowser);
// The page's root and the deferred modules' links come before this script in the built page; the end of
// parsing is awaited anyway, so that neither depends on where the build puts them.
void Promise.all([early?.published ?? null, whenParsed(document)])
  .then(([published]) => {
    if (published !== null) showPublishedFrame(published, document);
  })
  .catch((error: unknown) => console.warn("Rampart: the popup's first frame was not shown", error))
  .finally(() => runDeferredEntry(document));
