import { build, type Plugin, type Rollup } from 'vite';

/**
 * Builds `entry` on its own, everything it imports inlined, into `fileName` as a classic script (an IIFE) for
 * a page to load with a plain `<script src>` in its head: such a script runs while the page is still being
 * parsed, before the page's module scripts, which wait for the whole document and its stylesheets. The popup
 * asks for its status this way (popup/early.ts, speed budget of issue 16).
 */
export function classicScript(entry: string, fileName: string): Plugin {
  let root = process.cwd();
  // The same browsers as the rest of the build.
  let target: string | string[] | false = 'modules';
  return {
    name: 'rampart-classic-script',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      target = config.build.target;
    },
    async generateBundle() {
      const built = (await build({
        configFile: false,
        root,
        logLevel: 'warn',
        build: {
          write: false,
          target,
          minify: true,
          rollupOptions: { input: entry, output: { format: 'iife' } },
        },
      })) as Rollup.RollupOutput | Rollup.RollupOutput[];
      const [output] = Array.isArray(built) ? built : [built];
      const chunks = output!.output.filter((file) => file.type === 'chunk');
      if (chunks.length !== 1) this.error(`${entry} must build into one script, not ${chunks.length}`);
      this.emitFile({ type: 'asset', fileName, source: chunks[0]!.code });
    },
  };
}
