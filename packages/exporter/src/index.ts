// Public entry of @tier-planner/exporter (filled in by issue #5).
export {};
