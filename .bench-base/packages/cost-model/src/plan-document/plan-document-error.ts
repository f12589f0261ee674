/** A plan file that is not a tier-planner plan, has another schema version, or is damaged. */
export class PlanDocumentError extends Error {
  override readonly name = 'PlanDocumentError';
}
