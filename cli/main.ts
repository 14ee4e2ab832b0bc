import { tuneHeapForPortfolios } from './heap-tuning';
import { processIo } from './output';
import { runCli, type CommandModule } from './program';
import * as backtest from './commands/backtest';
import * as calibrate from './commands/calibrate';
import * as configure from './commands/configure';
import * as demo from './commands/demo';
import * as emulator from './commands/emulator';
import * as generate from './commands/generate';
import * as report from './commands/report';
import * as scoreFile from './commands/score-file';
import * as serve from './commands/serve';
import * as setup from './commands/setup';
import * as sync from './commands/sync';

tuneHeapForPortfolios();

// A reader that stops early (`kam score-file s.json --json | head`) closes the pipe: that is the
// reader's choice, not an error, so exit quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// One line per subcommand; each module lives in cli/commands/.
const commands: CommandModule[] = [
  backtest,
  calibrate,
  configure,
  demo,
  emulator,
  generate,
  report,
  scoreFile,
  serve,
  setup,
  sync,
];

runCli(process.argv.slice(2), processIo(), commands).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
