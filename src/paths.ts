import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root: the nearest folder above this file with a package.json (works from src/ and dist/src/). */
function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'flows'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No project root (package.json beside flows/) above ${start}`);
    dir = parent;
  }
}

export const ROOT = findRoot(__dirname);
export const projectPath = (...parts: string[]) => path.join(ROOT, ...parts);
