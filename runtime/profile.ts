// ICX_PROFILE=1: the seconds of each step of a long command on stderr — how the benchmarks'
// figures are taken apart. Silent otherwise.
export function profileLaps(): (step: string) => void {
  let t = performance.now();
  return (step) => {
    if (process.env.ICX_PROFILE) process.stderr.write(`${step}: ${((performance.now() - t) / 1000).toFixed(2)} s\n`);
    t = performance.now();
  };
}
