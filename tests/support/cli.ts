/**
 * Runs `kam` in-process, as cli/main.ts does but with only the commands a test registers and an
 * output that keeps what the command printed instead of writing it to the terminal.
 */
import type { CliIo } from '../../cli/output';
import { runCli, type CommandModule } from '../../cli/program';

/** A CliIo that keeps stdout and stderr apart, and `lines` in the order they were written. */
export type CapturedIo = CliIo & { stdout: string[]; stderr: string[]; lines: string[] };

export function captureIo(env: NodeJS.ProcessEnv = {}): CapturedIo {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines: string[] = [];
  return {
    out: (text) => {
      stdout.push(text);
      lines.push(text);
    },
    err: (text) => {
      stderr.push(text);
      lines.push(text);
    },
    isTty: false,
    env,
    stdout,
    stderr,
    lines,
  };
}

export type KamRun = { code: number; out: string; err: string };

/** `kam <argv>` with `commands` registered and `env` as its environment: exit code and output. */
export async function runKam(
  commands: CommandModule[],
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<KamRun> {
  const io = captureIo(env);
  const code = await runCli(argv, io, commands);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}
