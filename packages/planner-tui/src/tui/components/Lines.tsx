import { Text } from 'ink';
import { memo } from 'react';

export interface LinesProps {
  readonly lines: readonly string[];
  readonly color?: string;
  readonly dim?: boolean;
  readonly bold?: boolean;
}

/**
 * Pre-formatted lines (already cut to the width) as one Text node. A frame's cost is mostly Ink's
 * layout and per-character output; one node per block instead of a node (or a row of segment
 * nodes) per line keeps Yoga's share small, and lines that fit are never re-wrapped.
 */
export const Lines = memo(function Lines({ lines, color, dim, bold }: LinesProps) {
  const text = lines.map((line) => line.trimEnd() || ' ').join('\n');
  return (
    <Text {...(color ? { color } : {})} dimColor={dim ?? false} bold={bold ?? false}>
      {text}
    </Text>
  );
});
