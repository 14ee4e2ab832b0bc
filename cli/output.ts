/** Where CLI commands write: injectable so tests capture output instead of printing. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stdout is an interactive terminal (progress bars, colours). */
  isTty: boolean;
  env: NodeJS.ProcessEnv;
}

export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}
