// "Plan": what the selected plan is and how far through the month we are.
import { instantQuery, organize, stat, table, tableQuery, type Section } from './panel-kit.js';
import { PLAN } from './plan-scope.js';

export function planSection(): Section {
  return {
    title: 'Plan',
    panels: [
      {
        cell: { x: 0, y: 0, w: 10, h: 5 },
        panel: table('Plan', 'The plan as loaded from the exporter config: model profile, region, tier and platform.')
          .withTarget(tableQuery('A', `tier_planner_plan_info{${PLAN}}`))
          .withTransformation(organize(['Time', 'Value', '__name__', 'job', 'instance'])),
      },
      {
        cell: { x: 10, y: 0, w: 4, h: 5 },
        panel: stat('Users', 'Users the plan is sized for.', 'short').withTarget(instantQuery('A', `tier_planner_plan_users{${PLAN}}`)),
      },
      {
        cell: { x: 14, y: 0, w: 4, h: 5 },
        panel: stat('Month elapsed', 'Fraction of the billing month (UTC) gone. Expected month-to-date cost counts hours: the monthly cost is for 730 h.', 'percentunit')
          .withTarget(instantQuery('A', 'max(tier_planner_month_elapsed_ratio)')),
      },
      {
        cell: { x: 18, y: 0, w: 6, h: 5 },
        panel: table('Nodes', 'Nodes the plan runs, by node group and instance type.')
          .withTarget(tableQuery('A', `sum by (node_group, instance_type) (tier_planner_plan_nodes{${PLAN}})`))
          .withTransformation(organize(['Time'], { node_group: 'node group', instance_type: 'instance type', Value: 'nodes' })),
      },
    ],
  };
}
