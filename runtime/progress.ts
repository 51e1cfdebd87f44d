// A phase-based progress bar on stderr (ingest, rate, store, write), shown only when
// stderr is a TTY and only once the run has taken more than a second.
import cliProgress from 'cli-progress';

export interface Progress {
  phase(name: string): void;
  stop(): void;
}

const SILENT: Progress = { phase() {}, stop() {} };

export function phaseProgress(phases: string[], enabled = process.stderr.isTTY === true): Progress {
  if (!enabled) return SILENT;
  const started = Date.now();
  let bar: cliProgress.SingleBar | null = null;
  let done = 0;
  let current = phases[0] ?? '';
  const show = () => {
    if (!bar && Date.now() - started > 1000) {
      bar = new cliProgress.SingleBar(
        { stream: process.stderr, format: 'icx {bar} {value}/{total} {phase}', clearOnComplete: true, hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      bar.start(phases.length, done, { phase: current });
    }
    bar?.update(done, { phase: current });
  };
  const timer = setInterval(show, 250);
  timer.unref();
  return {
    phase(name) {
      const i = phases.indexOf(name);
      done = i >= 0 ? i : done;
      current = name;
      show();
    },
    stop() {
      clearInterval(timer);
      bar?.stop();
    },
  };
}
