// Public entry of @tier-planner/reference-infra (filled in by issue #6).
export {};
