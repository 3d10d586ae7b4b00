/**
 * The one pagination module: a caller gives PageArgs and gets a Page, whatever the list is read from —
 * keyset SQL over indexed columns (listPage, childrenLoaders), a list in memory (pageOfList) or a
 * LIMIT/OFFSET read (offsetWindow, offsetPage).
 */
export { DEFAULT_PAGE, MAX_PAGE, pageSize, encodeCursor, decodeCursor, type CursorValue } from './cursors';
export { pageWindow, toPage, type Page, type PageArgs, type PageWindow } from './window';
export { keyset, and, cursorShape, cursorOf, listPage, childrenLoaders, type Order, type Direction, type Scope, type ListSpec, type ChildrenSpec } from './keyset';
export { POSITION, pageOfList, offsetWindow, offsetPage, type OffsetWindow } from './positions';
