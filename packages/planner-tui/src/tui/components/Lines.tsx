import { Box, Text } from 'ink';
import { memo } from 'react';
import { splitOnSpaceRuns } from '../utils/text.js';

export interface LinesProps {
  readonly lines: readonly string[];
  readonly color?: string;
  readonly dim?: boolean;
  readonly bold?: boolean;
}

interface LineProps {
  readonly line: string;
  readonly color?: string;
  readonly dim: boolean;
  readonly bold: boolean;
}

/**
 * One pre-formatted line (already cut to the width). Runs of blanks become layout gaps rather
 * than written spaces: Ink's cost per frame is per written character (see splitOnSpaceRuns).
 */
const Line = memo(function Line({ line, color, dim, bold }: LineProps) {
  const segments = splitOnSpaceRuns(line);
  const style = { ...(color ? { color } : {}), dimColor: dim, bold };
  if (segments.length === 0) return <Text> </Text>;
  if (segments.length === 1 && segments[0]!.gap === 0) {
    return (
      <Text wrap="truncate" {...style}>
        {line.trimEnd()}
      </Text>
    );
  }
  return (
    <Box flexDirection="row">
      {segments.map((s, i) => (
        <Box key={i} marginLeft={s.gap} flexShrink={0}>
          <Text wrap="truncate" {...style}>
            {s.text}
          </Text>
        </Box>
      ))}
    </Box>
  );
});

/** Pre-formatted lines, one Text (or a row of segments) each. */
export function Lines({ lines, color, dim, bold }: LinesProps) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Line key={i} line={line} {...(color ? { color } : {})} dim={dim ?? false} bold={bold ?? false} />
      ))}
    </Box>
  );
}
