import type { CiSpec } from '../profiles/profile-types.js';
import type { CiPlan } from './ci-types.js';
import { numberText } from '../number-text.js';

/**
 * Team activity → CI minutes. Runs a month = developers × pushes a day × working days; every
 * job's minutes round up to the next whole minute (GitHub bills per job), times its matrix.
 * Jenkins: agents run the same minutes, `executorsPerAgent` jobs at a time, billed by the hour.
 */
export function planCi(ci: CiSpec): CiPlan {
  const runs = ci.developers * ci.pushesPerDeveloperPerDay * ci.workingDaysPerMonth;
  const minutesByRunner: Record<string, number> = {};
  for (const job of ci.jobs) {
    const runner = job.runner ?? 'linux_2_core';
    minutesByRunner[runner] = (minutesByRunner[runner] ?? 0) + runs * Math.ceil(job.minutes) * (job.matrix ?? 1);
  }
  const totalMinutes = Object.values(minutesByRunner).reduce((a, b) => a + b, 0);
  const jobs = ci.jobs.length;
  const why = `${ci.developers} developer${ci.developers === 1 ? '' : 's'} × ${ci.pushesPerDeveloperPerDay} pushes/day × ${ci.workingDaysPerMonth} days = ${numberText(runs)} pipeline runs of ${jobs} job${jobs === 1 ? '' : 's'}`;
  if (ci.provider === 'jenkins') {
    if (!ci.jenkins) throw new Error('a Jenkins CI profile needs its controller and agent instance types');
    const agentHours = Math.ceil(totalMinutes / 60 / ci.jenkins.executorsPerAgent);
    return { provider: 'jenkins', pipelineRunsPerMonth: runs, minutesByRunner, totalMinutes, jenkins: { controllerType: ci.jenkins.controllerType, agentType: ci.jenkins.agentType, agentHours }, why };
  }
  return { provider: 'github-actions', pipelineRunsPerMonth: runs, minutesByRunner, totalMinutes, why };
}
