// The built-in profiles, one per seed architecture. Each JSON file is checked by parseProfile at
// import, so a bad edit fails loudly on the first use rather than giving a wrong plan.
import eksWebApp from './data/eks-web-app.json' with { type: 'json' };
import fintechFargateJenkins from './data/fintech-fargate-jenkins.json' with { type: 'json' };
import microservicesMysql from './data/microservices-mysql.json' with { type: 'json' };
import nextjsNestjsPostgres from './data/nextjs-nestjs-postgres.json' with { type: 'json' };
import tradingFargate from './data/trading-fargate.json' with { type: 'json' };
import tradingK8sSelfManaged from './data/trading-k8s-self-managed.json' with { type: 'json' };
import { parseProfile, ProfileError } from './parse-profile.js';
import type { Profile } from './profile-types.js';

export { parseProfile, ProfileError } from './parse-profile.js';
export type * from './profile-types.js';

const BUILT_IN: readonly unknown[] = [eksWebApp, nextjsNestjsPostgres, microservicesMysql, fintechFargateJenkins, tradingFargate, tradingK8sSelfManaged];

export const profiles: Readonly<Record<string, Profile>> = Object.freeze(
  Object.fromEntries(
    BUILT_IN.map((data) => {
      const name = (data as { name?: unknown }).name;
      const profile = parseProfile(data, `built-in ${String(name)}`);
      return [profile.name, profile];
    }),
  ),
);

export interface ProfileSummary {
  readonly name: string;
  readonly title: string;
  readonly seed?: string;
  readonly platform: Profile['platform'];
}

/** The built-in profiles, in the order of their seeds. */
export function listProfiles(): ProfileSummary[] {
  return Object.values(profiles).map((p) => ({ name: p.name, title: p.title, ...(p.seed ? { seed: p.seed } : {}), platform: p.platform }));
}

/** A built-in profile by name; an unknown name throws a ProfileError listing the known ones. */
export function getProfile(name: string): Profile {
  const profile = Object.hasOwn(profiles, name) ? profiles[name] : undefined;
  if (!profile) throw new ProfileError(JSON.stringify(name), [`no built-in profile of that name (known: ${Object.keys(profiles).join(', ')})`]);
  return profile;
}
