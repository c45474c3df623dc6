/** The history-growth rows of the bench table (the full run and `--only history`). */
import type { HistoryResult } from './history.ts';
import type { ByTypeResult } from './history-by-type.ts';
import { round } from './stats.ts';

/** Every row this file writes starts with one of these, so `--only history` can replace them in the kept table. */
export const HISTORY_ROW = /^\| (Cost per op, 1|100k ÷ 1k|Per op type|Commit stall during|Restart with 100|Data with 100)/;

export function historyRows(history: HistoryResult, byType: ByTypeResult): Array<[string, string, string?]> {
  const mb = (b: number): string => `${round(b / 2 ** 20, 1)} MB`;
  const costs = Object.entries(byType.costs).sort((a, b) => b[1].ratio.median - a[1].ratio.median);
  const c = byType.count;
  return [
    [
      'Cost per op, 1,000 stored (all-in wall / steady wall / CPU)',
      `${history.at1k.wallMsPerOp} / ${history.at1k.medianWaveMsPerOp} / ${history.at1k.cpuMsPerOp} ms`,
    ],
    [
      'Cost per op, 100,000 stored (all-in wall / steady wall / CPU)',
      `${history.at100k.wallMsPerOp} / ${history.at100k.medianWaveMsPerOp} / ${history.at100k.cpuMsPerOp} ms`,
    ],
    ['100k ÷ 1k (all-in wall / steady wall / CPU)', `${history.ratioWall}× / ${history.ratioMedianWave}× / ${history.ratioCpu}×`, '≤ 2×'],
    [
      `Per op type, ${byType.measure} 100k ÷ 1k stored, median of ${byType.rounds} paired rounds [95 % interval]`,
      `${c.types} types, ${c.types - c.medianWithin} above ${byType.limit}× (interval: ${c.flat} flat, ${c.grows} grow, ${c.undecided} not told apart)` +
        (costs.length
          ? `; highest ${costs
              .slice(0, 4)
              .map(([t, r]) => `${t} ${r.ratio.median}× [${r.ratio.low}–${r.ratio.high}]`)
              .join(', ')}`
          : ''),
      '≤ 1.2× each',
    ],
    [
      'Commit stall during the checkpoint write, 1k / 100k',
      `slowest commit ${history.at1k.slowestCommitMs} / ${history.at100k.slowestCommitMs} ms (median ${history.at1k.medianCommitMs} / ${history.at100k.medianCommitMs}); ` +
        `slowest 150-op wave (three commits in a row) ${history.at1k.slowestWaveMs} / ${history.at100k.slowestWaveMs} ms`,
      '≤ 50 ms a commit',
    ],
    ['Restart with 100,000 stored', `${history.restartMs} ms (checkpoint + ${history.replayedOnRestart} ops replayed)`],
    ['Data with 100,000 stored', `${mb(history.dataBytes)} in ${history.dataFiles} files`],
  ];
}
