/** The size rules of an event (SPEC §1), in one place for validation, docs and tests. */
export const LIMITS = {
  idLength: 100,
  sourceIdLength: 200,
  tagKeyLength: 100,
  tagValueLength: 200,
  tagKeys: 100,
  tagValuesPerKey: 1000,
  detailUrlNameLength: 100,
  detailUrlLength: 4096,
  detailUrls: 100,
  descriptionBytes: 64 * 1024,
  searchLength: 1000,
  batchSize: 1000,
  /** changes a live subscriber may fall behind before it is cut off */
  subscriberBuffer: 1000,
  pageSize: 1000,
  /** numbered pages (REST): skipping is read row by row, so far pages are refused */
  pageNumber: 10_000,
  ancestors: 1000,
  /** earlier versions read back per event at most */
  revisions: 1000,
  treeNodes: 10_000,
  /** children listed for all events of one request together */
  childrenPerRequest: 10_000,
  treeDepth: 100,
  /** how deep eventTree and the REST impact go unless asked otherwise */
  defaultTreeDepth: 10,
} as const;

/** The limits an operator may lower or raise (ETS_MAX_BATCH, ETS_MAX_PAGE_SIZE). */
export interface RequestLimits {
  batchSize: number;
  pageSize: number;
}
