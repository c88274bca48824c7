// Worker wake benchmark (issue 18): runs bench/wakeRun.ts through Vite, which gives the background code the
// `import.meta.env` it reads. Run: node bench/wake.mjs (about half a minute).
import { createServer } from 'vite';

const server = await createServer({
  configFile: false,
  appType: 'custom',
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false, ws: false },
});
try {
  await server.ssrLoadModule('/bench/wakeRun.ts');
} finally {
  await server.close();
}
