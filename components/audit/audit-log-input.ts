/** Entries per page of the audit log; "Load older" fetches the next page before the oldest one shown. */
export const AUDIT_PAGE_SIZE = 50;

/** The audit log's input, shared by the page's RSC prefetch and the browser so both hit one cache entry. */
export function auditLogInput(projectId: string) {
  return { projectId, limit: AUDIT_PAGE_SIZE };
}

/** The next page's cursor: a short page is the last one; a full page may be followed by an empty one, which ends the log too. */
export function nextAuditCursor(page: ReadonlyArray<{ id: number }>): number | undefined {
  return page.length === AUDIT_PAGE_SIZE ? page[page.length - 1]?.id : undefined;
}
