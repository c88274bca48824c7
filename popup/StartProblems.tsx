import type { StartProblem } from '../src/messages';
import { useAction, useLoad, usePage } from '../src/ui';

/**
 * A part of the background that did not start (routing, web protection, the language) is named here with
 * the browser's reason and a "Try again"; the parts that did start keep working meanwhile.
 */
export function StartProblems() {
  const { t, send } = usePage();
  const problems = useLoad(() => send({ type: 'getStartProblems' }), [send]);
  const retry = useAction(async () => {
    const reply = await send({ type: 'retryStart' });
    problems.apply(reply);
    return reply;
  });

  const list: StartProblem[] = problems.value ?? [];
  if (!list.length) return null;
  return (
    <section class="notice error" role="alert" data-testid="start-problems" aria-busy={retry.busy}>
      {list.map((problem) => (
        <p key={problem.part} data-part={problem.part}>
          {t(`startFailed_${problem.part}`)} <span class="muted">({problem.message})</span>
        </p>
      ))}
      <button type="button" class="secondary" disabled={retry.busy} onClick={() => void retry.run()}>
        {t('tryAgain')}
      </button>
    </section>
  );
}
