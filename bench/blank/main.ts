// The baseline of `bench/popup.mjs`: an extension page with one module script and nothing else, marked the way
// the popup marks its first rendered status. Only development and test builds contain it.
import { FIRST_STATUS_MARK } from '../../popup/marks';

document.body.textContent = 'blank';
performance.mark(FIRST_STATUS_MARK);
