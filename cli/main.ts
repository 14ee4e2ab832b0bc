import { processIo } from './output';
import { runCli, type CommandModule } from './program';

// One line per subcommand; each module lives in cli/commands/.
const commands: CommandModule[] = [];

runCli(process.argv.slice(2), processIo(), commands).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
