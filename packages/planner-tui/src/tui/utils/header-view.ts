import { WORKLOAD_KNOBS, familyPreset, workloadValue, type Scenario } from '../state/scenario.js';
import { fit, joinWhileFits } from './text.js';

const TITLE = 'tier-planner  ';
const SEPARATOR = ' · ';

export interface HeaderText {
  /** Lines up to the one with the profile: users and profile are on screen at any size. */
  readonly identity: readonly string[];
  /** Lines with the rest of the settings (region, purchase, HA, families), when they need lines of their own. */
  readonly settings: readonly string[];
  readonly workload: string;
}

/** Packs `parts` greedily into lines of at most `width` (a part longer than a line is cut); says which line each part went to. */
function pack(parts: readonly string[], width: number, prefix: string): { lines: string[]; lineOf: number[] } {
  const lines: string[] = [];
  const lineOf: number[] = [];
  let line = '';
  for (const part of parts) {
    const start = lines.length === 0 && line === '' ? prefix : '';
    if (line !== '' && line.length + SEPARATOR.length + part.length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? `${start}${part}` : `${line}${SEPARATOR}${part}`;
    lineOf.push(lines.length);
  }
  lines.push(line);
  return { lines: lines.map((l) => fit(l, width)), lineOf };
}

/** The scenario line(s) and the workload line, laid out for `width` columns. */
export function headerText(s: Scenario, region: string, width: number): HeaderText {
  const arch = s.arch !== undefined && s.arch !== 'profile' ? [`arch ${s.arch}`] : [];
  const parts = [`${s.users.toLocaleString('en-US')} users`, s.profile, region, s.purchase, `HA ${s.ha}`, `families ${familyPreset(s.families).label}`, ...arch];
  // The title is the one part a person already knows: it goes when users and profile need its room.
  const title = `${TITLE}${parts[0]}${SEPARATOR}${parts[1]}`.length <= width ? TITLE : '';
  const { lines, lineOf } = pack(parts, width, title);
  const lastIdentity = lineOf[1]!;
  const knobs = WORKLOAD_KNOBS.map((k) => `${k.label} ${workloadValue(s, k.key)}${s.workload[k.key] !== undefined ? '*' : ''}`).join(SEPARATOR);
  return {
    identity: lines.slice(0, lastIdentity + 1),
    settings: lines.slice(lastIdentity + 1),
    workload: joinWhileFits([`workload: ${knobs}`, '(* changed; ? for keys)'], width, '   '),
  };
}
