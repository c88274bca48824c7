import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The portal ("My Rampart") is a plain web app, built apart from the extension and served by the account
// service at the site root (server/portal/registerPortal.ts).
export default defineConfig({
  root: fileURLToPath(new URL('./portal', import.meta.url)),
  base: '/',
  publicDir: false,
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('./dist-portal', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
