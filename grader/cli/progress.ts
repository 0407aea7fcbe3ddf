/** A one-line progress bar on standard error — only when it is a terminal, so pipes and files stay clean. */
import { gradeMessages as g } from "./grade-messages.ts";

export interface Progress {
  tick(failed: boolean): void;
  done(): void;
}

const WIDTH = 24;

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total === 0) return { tick() {}, done() {} };
  let count = 0;
  let failed = 0;
  let last = 0;
  const draw = () => {
    const filled = Math.round((count / total) * WIDTH);
    stream.write(
      `\r${g.progress("█".repeat(filled) + "░".repeat(WIDTH - filled), count, total, failed)}\x1b[K`,
    );
  };
  draw();
  return {
    tick(isFailure) {
      count++;
      if (isFailure) failed++;
      const now = Date.now();
      if (now - last > 50 || count === total) {
        last = now;
        draw();
      }
    },
    done() {
      stream.write("\r\x1b[K");
    },
  };
}
