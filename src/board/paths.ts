import { fileURLToPath } from 'node:url';

/** The sources of the board's bundle (built with the explorer's, into the same assets folder). */
export const boardClientDir = fileURLToPath(new URL('./client/', import.meta.url));

/** Names of the board's built files, as served under `/board/`. */
export const boardAssetNames = { script: 'board.js', style: 'board.css' } as const;
