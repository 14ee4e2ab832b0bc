import { processIo } from './output';
import { runCli, type CommandModule } from './program';
import * as generate from './commands/generate';

// One line per subcommand; each module lives in cli/commands/.
const commands: CommandModule[] = [generate];

runCli(process.argv.slice(2), processIo(), commands).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
