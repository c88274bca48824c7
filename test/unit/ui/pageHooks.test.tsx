// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../src/result';
import { useAction } from '../../../src/ui/useAction';
import { useLoad } from '../../../src/ui/useLoad';

/** A reply the test answers when it chooses. */
function later<T>() {
  let answer!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}
afterEach(cleanup);
const failure = { code: 'x', messageKey: 'errorX' };

function Shown({ hook }: { hook: ReturnType<typeof useLoad<string>> }) {
  return (
    <p data-testid="shown" data-status={hook.state.status}>
      {hook.value ?? '-'}|{hook.error?.code ?? '-'}
    </p>
  );
}

describe('useLoad: the reply → state/error step of every page', () => {
  it('shows loading, then the value; a failed re-read keeps the value beside the error', async () => {
    const replies: Result<string>[] = [ok('first'), err(failure), ok('third')];
    let hook!: ReturnType<typeof useLoad<string>>;
    function Page() {
      hook = useLoad<string>(async () => replies.shift()!);
      return <Shown hook={hook} />;
    }
    render(<Page />);
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('first|-'));
    await act(async () => void (await hook.reload()));
    expect(screen.getByTestId('shown').textContent).toBe('first|x');
    expect(screen.getByTestId('shown').dataset.status).toBe('failed');
    await act(async () => void (await hook.reload()));
    expect(screen.getByTestId('shown').textContent).toBe('third|-');
  });

  it('reads again when its dependencies change', async () => {
    let reads = 0;
    function Page({ revision }: { revision: number }) {
      const hook = useLoad<string>(async () => ok(`read ${++reads} at ${revision}`), [revision]);
      return <Shown hook={hook} />;
    }
    const view = render(<Page revision={0} />);
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('read 1 at 0|-'));
    view.rerender(<Page revision={1} />);
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('read 2 at 1|-'));
  });

  it('draws a reply read before the page in its first render, skips the mount read, and reads on changes', async () => {
    let reads = 0;
    const drawn: string[] = [];
    function Page({ revision }: { revision: number }) {
      const hook = useLoad<string>(async () => ok(`read ${++reads}`), [revision], ok('read before'));
      drawn.push(`${hook.state.status}:${hook.value}`);
      return <Shown hook={hook} />;
    }
    const view = render(<Page revision={0} />);
    expect(drawn[0]).toBe('ready:read before');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(0);
    expect(screen.getByTestId('shown').textContent).toBe('read before|-');
    view.rerender(<Page revision={1} />);
    await waitFor(() => expect(screen.getByTestId('shown').textContent).toBe('read 1|-'));
  });

  it('never lets an older read that answers late overwrite a newer reply', async () => {
    const slow = later<Result<string>>();
    let hook!: ReturnType<typeof useLoad<string>>;
    function Page() {
      hook = useLoad<string>(() => slow.promise);
      return <Shown hook={hook} />;
    }
    render(<Page />);
    await act(() => void hook.apply(ok('from the action')));
    await act(async () => slow.answer(ok('stale read')));
    expect(screen.getByTestId('shown').textContent).toBe('from the action|-');
  });
});

describe('useAction: one request a control starts', () => {
  it('is busy while it runs, ignores a second start, and shows a failed reply', async () => {
    const pending = later<Result<null>>();
    let calls = 0;
    let action!: ReturnType<typeof useAction<[], Result<null>>>;
    function Button() {
      action = useAction(async () => {
        calls += 1;
        return pending.promise;
      });
      return (
        <button disabled={action.busy} data-error={action.error?.code ?? ''}>
          go
        </button>
      );
    }
    render(<Button />);
    let first!: Promise<unknown>;
    await act(() => void (first = action.run()));
    await act(async () => expect(await action.run()).toBeUndefined());
    expect(calls).toBe(1);
    expect(screen.getByRole('button')).toHaveProperty('disabled', true);
    await act(async () => {
      pending.answer(err(failure));
      await first;
    });
    expect(screen.getByRole('button')).toHaveProperty('disabled', false);
    expect(screen.getByRole('button').dataset.error).toBe('x');
  });

  it('turns what an action throws into its error when given the way to, and clears it on the next start', async () => {
    let fail = true;
    let action!: ReturnType<typeof useAction<[], void, string>>;
    function Button() {
      action = useAction(
        async () => {
          if (fail) throw new Error('refused');
        },
        (caught) => (caught as Error).message,
      );
      return <p data-testid="error">{action.error ?? '-'}</p>;
    }
    render(<Button />);
    await act(() => action.run());
    expect(screen.getByTestId('error').textContent).toBe('refused');
    fail = false;
    await act(() => action.run());
    expect(screen.getByTestId('error').textContent).toBe('-');
  });
});
