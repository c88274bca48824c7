// Kept apart from the settings schema so that pages can name the special regions without loading zod.

/** The region value that selects the self-hosted gateway; `optimal` picks the least loaded service gateway. */
export const SELF_HOSTED_REGION = 'self-hosted';
export const OPTIMAL_REGION = 'optimal';
