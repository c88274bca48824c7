import { useEffect, useState } from 'preact/hooks';
import type { StartProblem } from '../src/messages';
import { usePage } from '../src/ui';

/**
 * A part of the background that did not start (routing, web protection, the language) is named here with
 * the browser's reason and a "Try again"; the parts that did start keep working meanwhile.
 */
export function StartProblems() {
  const { t, send } = usePage();
  const [problems, setProblems] = useState<StartProblem[]>([]);
  const [retrying, setRetrying] = useState(false);

  useEffect(() => {
    void send({ type: 'getStartProblems' }).then((reply) => reply.ok && setProblems(reply.value));
  }, [send]);

  if (!problems.length) return null;
  const retry = async () => {
    setRetrying(true);
    const reply = await send({ type: 'retryStart' });
    if (reply.ok) setProblems(reply.value);
    setRetrying(false);
  };
  return (
    <section class="notice error" role="alert" data-testid="start-problems" aria-busy={retrying}>
      {problems.map((problem) => (
        <p key={problem.part} data-part={problem.part}>
          {t(`startFailed_${problem.part}`)} <span class="muted">({problem.message})</span>
        </p>
      ))}
      <button type="button" class="secondary" disabled={retrying} onClick={() => void retry()}>
        {t('tryAgain')}
      </button>
    </section>
  );
}
