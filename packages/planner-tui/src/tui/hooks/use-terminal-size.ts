import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

export const MIN_COLUMNS = 80;
const FALLBACK_ROWS = 24;

/** Columns (at least 80) and rows of the terminal, updated on resize. */
export function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: Math.max(MIN_COLUMNS, stdout.columns || MIN_COLUMNS), rows: stdout.rows || FALLBACK_ROWS });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
