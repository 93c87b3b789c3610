/** Staff tables show dates as YYYY-MM-DD (sortable, unambiguous) and statuses in words. */
export const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : "—");
export const dateTime = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";
export const statusLabel = (s: string) => s.replace(/_/g, " ");
