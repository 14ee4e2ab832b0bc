/** Progress for long work: a real bar on a terminal, plain lines (about every 10%) otherwise. */
import { SingleBar, Presets } from 'cli-progress';
import type { CliIo } from './output';

/** From this many companies on, long file commands (generate, score-file) print progress unless `--no-progress`. */
export const PROGRESS_FROM_COMPANIES = 10_000;

export type Progress = {
  update: (label: string, done: number, total: number | null) => void;
  stop: () => void;
};

export function createProgress(io: CliIo, enabled = true): Progress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  if (io.isTty) {
    let bar: SingleBar | null = null;
    let current = '';
    return {
      update(label, done, total) {
        if (label !== current || !bar) {
          bar?.stop();
          current = label;
          bar = new SingleBar(
            { format: `${label.padEnd(9)} [{bar}] {value}/{total} {duration_formatted}`, hideCursor: true },
            Presets.shades_classic,
          );
          bar.start(total ?? done, done);
        }
        if (total !== null) bar.setTotal(total);
        else if (done > bar.getTotal()) bar.setTotal(done);
        bar.update(done);
      },
      stop() {
        bar?.stop();
        bar = null;
      },
    };
  }
  let lastKey = '';
  return {
    update(label, done, total) {
      // Unknown totals arrive once per read chunk; known ones are printed per 10%.
      const key = total ? `${label}:${Math.floor((done / total) * 10)}` : `${label}:${done}`;
      if (key === lastKey) return;
      lastKey = key;
      io.err(
        total ? `${label}: ${done}/${total} (${Math.round((done / total) * 100)}%)` : `${label}: ${done}`,
      );
    },
    stop: () => undefined,
  };
}
