import { Text } from 'ink';
import { memo } from 'react';
import { useTheme, type TextRole } from '../style/theme.js';

export interface LinesProps {
  readonly lines: readonly string[];
  readonly role?: TextRole;
}

/**
 * Pre-formatted lines (already cut to the width) as one Text node. A frame's cost is mostly Ink's
 * layout and per-character output; one node per block instead of a node (or a row of segment
 * nodes) per line keeps Yoga's share small, and lines that fit are never re-wrapped.
 */
export const Lines = memo(function Lines({ lines, role = 'plain' }: LinesProps) {
  const theme = useTheme();
  const text = lines.map((line) => line.trimEnd() || ' ').join('\n');
  return <Text {...theme[role]}>{text}</Text>;
});
