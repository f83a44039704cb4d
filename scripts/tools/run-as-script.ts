/** What a tool's `main` is given: where its output goes and the environment (tests pass their own). */
export interface ToolIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs a tool's `main(argv, io)` when its file is the script being executed (`tsx scripts/tools/<name>.ts`), whether
 * tsx loads it as CommonJS or ESM, and not when a test imports it; the exit code is main's (1 if it throws).
 */
export function runAsScript(name: string, main: (argv: string[], io: ToolIo) => Promise<number>): void {
  if (!new RegExp(`[\\\\/]${name}\\.[cm]?[jt]s$`).test(process.argv[1] ?? '')) return;
  main(process.argv.slice(2), {
    stdout: (s) => console.log(s),
    stderr: (s) => console.error(s),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
