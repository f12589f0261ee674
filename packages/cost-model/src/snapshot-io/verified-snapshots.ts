/**
 * SHA-256 digests (hex) of snapshot files, byte for byte, that a build has already run through
 * validateSnapshotFile with this code: a file with exactly these bytes loads without being
 * validated again; any other file, including an edited copy, is validated in full. Empty in the
 * source; the command's bundle (packages/planner-tui/scripts/bundle.mjs) lists the embedded
 * snapshots it validated, so a printed plan does not check the same file on every start.
 */
export const VERIFIED_SNAPSHOTS: readonly string[] = [];
