/** Pattern 8: a hromada's audit trail is one partition, sorted by time (queried newest first). */
export const auditPk = (hromadaId: string) => `AUDIT#${hromadaId}`;
export const auditKey = (hromadaId: string, at: string, id: string) => ({
  pk: auditPk(hromadaId),
  sk: `${at}#${id}`,
});
