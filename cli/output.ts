/** Where CLI commands write: injectable so tests capture output instead of printing. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stdout is an interactive terminal (progress bars, colours). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  /**
   * Calls `handler` on Ctrl-C until the returned function is called. Optional: without it a
   * command cannot be interrupted gracefully (tests inject their own).
   */
  onInterrupt?: (handler: () => void) => () => void;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
    onInterrupt: (handler) => {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
}
