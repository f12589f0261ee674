import { Box, Text } from 'ink';

export interface LinesProps {
  readonly lines: readonly string[];
  readonly color?: string;
  readonly dim?: boolean;
  readonly bold?: boolean;
}

/** Pre-formatted lines, each already cut to the width; truncate guards against any miscount. */
export function Lines({ lines, color, dim, bold }: LinesProps) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate" {...(color ? { color } : {})} dimColor={dim ?? false} bold={bold ?? false}>
          {line === '' ? ' ' : line}
        </Text>
      ))}
    </Box>
  );
}
