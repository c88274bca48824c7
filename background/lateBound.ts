/**
 * A function the composition supplies further down: two parts that need each other (the VPN and the account
 * link, the connection state and the reporter) name the cycle here instead of hiding it in a forward reference.
 */
export function lateBound<A extends unknown[], R>(name: string) {
  let implementation: ((...args: A) => R) | null = null;
  return {
    call: (...args: A): R => {
      if (!implementation) throw new Error(`${name} is called before it is wired`);
      return implementation(...args);
    },
    bind: (fn: (...args: A) => R): void => {
      implementation = fn;
    },
  };
}
