// web-ext ships no types; this declares the one programmatic call the release uses (lib/cmd/lint.js).
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        options: {
          sourceDir: string;
          output: 'json' | 'text' | 'none';
          boring: boolean;
          selfHosted: boolean;
        },
        context: { shouldExitProgram: boolean },
      ): Promise<unknown>;
    };
  };
  export default webExt;
}
