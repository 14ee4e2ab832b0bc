import { Command, CommanderError } from 'commander';
import type { CliIo } from './output';
import { exitCodeFor } from './exit-codes';
import { isKeystoneError } from '../src/engine/errors';

/** A `kam` subcommand: adds itself to the program; its action writes through `io`. */
export type CommandModule = { register: (program: Command, io: CliIo) => void };

export function buildProgram(io: CliIo, commands: CommandModule[]): Command {
  const program = new Command('kam')
    .description('Keystone key-account management for HubSpot: score, sync, report.')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  for (const command of commands) command.register(program, io);
  return program;
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it. */
export async function runCli(argv: string[], io: CliIo, commands: CommandModule[]): Promise<number> {
  const program = buildProgram(io, commands);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isKeystoneError(error)) {
      io.err(`kam: ${error.message} [${error.code}]`);
    } else {
      io.err(
        `kam: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    return exitCodeFor(error);
  }
}
