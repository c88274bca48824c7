import type { JSX } from 'preact';
import { strings } from '../strings';

// The outbox exists only on a development service; a loopback address is the sign of one.
const isDevelopment = () => ['127.0.0.1', 'localhost', '[::1]'].includes(location.hostname);

export function DevOutboxLink(): JSX.Element | null {
  if (!isDevelopment()) return null;
  return (
    <p class="notice info">
      <a href="/dev/outbox" data-testid="dev-outbox">
        {strings.devOutbox}
      </a>
    </p>
  );
}
