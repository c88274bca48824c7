import { useAction as useSharedAction } from '../src/ui/useAction';
import { toFailure, type ApiFailure } from './api';

/**
 * One request a form or button starts (the extension pages' `useAction`, with the portal's thrown API
 * failures): `busy` disables the control while it runs, `error` is shown next to it, and a double click
 * never sends twice.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  return useSharedAction<A, void, ApiFailure>(action, toFailure);
}
