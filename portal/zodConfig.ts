import { z } from 'zod';

// The service's CSP forbids eval; without this zod probes for it and every page logs a CSP violation.
// Imported first by main.tsx, so it runs before any module builds a schema.
z.config({ jitless: true });
