import fs from 'node:fs';
import path from 'node:path';

// LiteLLM's schema dump lives beside the repository (../shared/litellm), never inside the product.
const CANDIDATES = [process.env.LITELLM_REFERENCE_DIR, path.resolve(__dirname, '../../../shared/litellm'), '/work/shared/litellm'];
export const REFERENCE_DIR = CANDIDATES.find((d) => d && fs.existsSync(path.join(d, 'columns.tsv'))) ?? CANDIDATES[1]!;

export type Row = Record<string, string>;

export function readTsv(file: string): Row[] {
  const full = path.join(REFERENCE_DIR, file);
  if (!fs.existsSync(full)) throw new Error(`LiteLLM reference ${full} not found (set LITELLM_REFERENCE_DIR)`);
  const [head, ...lines] = fs.readFileSync(full, 'utf8').trimEnd().split('\n');
  const cols = head.split('\t');
  return lines.map((l) => {
    const v = l.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, v[i] ?? '']));
  });
}
