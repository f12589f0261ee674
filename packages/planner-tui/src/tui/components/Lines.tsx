import { Box, Text } from 'ink';
import { memo, useMemo } from 'react';
import { useTheme, type TextRole } from '../style/theme.js';
import { textBands, type TextBand } from '../utils/text-strips.js';

export interface LinesProps {
  readonly lines: readonly string[];
  readonly role?: TextRole;
}

/**
 * Pre-formatted lines (already cut to the width) as few Text nodes. A frame's cost is mostly Ink's
 * layout and per-character output; one node per block instead of a node (or a row of segment
 * nodes) per line keeps Yoga's share small, and lines that fit are never re-wrapped. Unstyled
 * blocks go as strips (see text-strips.ts): the spaces between their columns are never drawn,
 * which looks the same, as a space drawn with no style is the empty cell. Styled text stays whole,
 * so its style runs on across the spaces as before.
 */
export const Lines = memo(function Lines({ lines, role = 'plain' }: LinesProps) {
  const style = useTheme()[role];
  const styled = Object.keys(style).length > 0;
  const bands = useMemo(() => (styled ? undefined : textBands(lines)), [styled, lines]);
  if (!bands || (bands.length === 1 && bands[0]!.strips.length === 1 && bands[0]!.strips[0]!.x === 0)) {
    return <Text {...style}>{lines.map((line) => line.trimEnd() || ' ').join('\n')}</Text>;
  }
  return <Box flexDirection="column">{bands.map((band, i) => <Band key={i} band={band} />)}</Box>;
}, sameLines);

function Band({ band }: { readonly band: TextBand }) {
  let end = 0;
  return (
    <Box height={band.rows} flexShrink={0}>
      {band.strips.map((strip) => {
        const gap = strip.x - end;
        end = strip.x + strip.width;
        return (
          <Box key={strip.x} marginLeft={gap} width={strip.width} flexShrink={0}>
            <Text>{strip.lines.join('\n')}</Text>
          </Box>
        );
      })}
    </Box>
  );
}

/** The same text and role: a block rebuilt with equal lines (a fresh slice) is not drawn anew. */
function sameLines(a: LinesProps, b: LinesProps): boolean {
  return a.role === b.role && a.lines.length === b.lines.length && a.lines.every((line, i) => line === b.lines[i]);
}
