import { PageWindow } from './window';

/** What pageInfo may select: its four fields, or a constant (__typename). */
export type PageInfoPart = 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor' | { literal: string };

/** One entry of a connection's selection, by response key: the nodes, pageInfo, or a constant (__typename). */
export type PagePart = { key: string; nodes: true } | { key: string; pageInfo: [string, PageInfoPart][] } | { key: string; literal: string };

/** A page read as JSON in PostgreSQL: its rows, and how one row becomes a node and a cursor. */
export interface JsonPageSource {
  /**
   * The rows of the page in list order, one more than the page holds, each numbered from 1 in a column
   * __n (row_number() over the list order, so a LIMIT stops the scan)
   */
  rows: string;
  /** alias of a page row in node, cursor and joins */
  alias: string;
  /** SQL of one node as JSON text */
  node: string;
  /** SQL of a row's cursor values as JSON array text, as encodeCursor's JSON.stringify writes them */
  cursor: string;
  /** LEFT JOINs by primary key (never more than one row each) that node reads */
  joins?: string;
}

/** encodeCursor in SQL: the JSON text's UTF-8 bytes in base64url without padding. */
const base64url = (jsonText: string) => `rtrim(translate(encode(convert_to(${jsonText}, 'UTF8'), 'base64'), E'+/\\n', '-_'), '=')`;

/** The JSON array text of cursor values as JSON.stringify writes them: text and numbers, no spaces. */
export const cursorJson = (values: string[]) => `'[' || ${values.join(` || ',' || `)} || ']'`;

/**
 * Where a JSON read's answer may be cut into rows: a control character, which JSON text never holds raw
 * (PostgreSQL writes it as \u0001 inside strings).
 */
export const CUT = 'chr(1)';

/** A JSON object as text, from its entries' JSON texts (keys are GraphQL names: nothing to escape). */
export function textObject(entries: [string, string][]): string {
  if (!entries.length) return `'{}'`;
  return `'{' || ${entries.map(([key, value], i) => `'${i ? ',' : ''}"${key}":' || ${value}`).join(' || ')} || '}'`;
}

/**
 * A page as JSON text in the selection's shape, from its rows: toPage's rules for a forward page
 * (first/after) in SQL: the first `size` rows are the nodes, a row beyond them means hasNextPage, and a
 * cursor given means hasPreviousPage. With `cut`, a CUT follows each node's comma.
 */
export function jsonPage(src: JsonPageSource, w: PageWindow, parts: PagePart[], cut = false): string {
  if (w.backward) throw new Error('jsonPage reads forward pages only');
  const a = src.alias;
  const kept = `${a}.__n <= ${w.size}`;
  // the cursor of a page's first or last node: the rows' cursor texts in order, the end one encoded once
  const end = (direction: 'ASC' | 'DESC') => `coalesce('"' || ${base64url(`(array_agg(${src.cursor} ORDER BY ${a}.__n ${direction}) FILTER (WHERE ${kept}))[1]`)} || '"', 'null')`;
  const info = (part: PageInfoPart): string => {
    if (typeof part === 'object') return `'"${part.literal}"'`;
    switch (part) {
      case 'hasNextPage':
        return `(count(*) > ${w.size})::text`;
      case 'hasPreviousPage':
        return w.cursor !== null ? `'true'` : `'false'`;
      case 'startCursor':
        return end('ASC');
      case 'endCursor':
        return end('DESC');
    }
  };
  const separator = cut ? `',' || ${CUT}` : `','`;
  const text = parts.map((part): [string, string] => {
    if ('nodes' in part) return [part.key, `'[' || coalesce(string_agg(${src.node}, ${separator} ORDER BY ${a}.__n) FILTER (WHERE ${kept}), '') || ']'`];
    if ('pageInfo' in part) return [part.key, textObject(part.pageInfo.map(([key, p]) => [key, info(p)]))];
    return [part.key, `'"${part.literal}"'`];
  });
  // GROUP BY (): one row, even for a selection with no aggregate (only __typename) over no rows
  return `(SELECT ${textObject(text)} FROM (${src.rows}) ${a}${src.joins ?? ''} GROUP BY ())`;
}
