// The stable public addresses of our Open Badges documents, all under the installation's PUBLIC_URL.
import type { Config } from '#server/config.ts';

const base = (config: Pick<Config, 'publicUrl'>) => config.publicUrl.replace(/\/$/, '');

export const issuerIdOf = (config: Pick<Config, 'publicUrl'>) => `${base(config)}/ob/issuer`;
export const statusListIdOf = (config: Pick<Config, 'publicUrl'>) => `${base(config)}/ob/status/1`;
export const achievementIdOf = (config: Pick<Config, 'publicUrl'>, kind: 'event' | 'course', id: string) => `${base(config)}/ob/achievements/${kind}-${id}`;
export const credentialUrlOf = (config: Pick<Config, 'publicUrl'>, code: string) => `${base(config)}/ob/credentials/${code}`;
export const verifyUrlOf = (config: Pick<Config, 'publicUrl'>, code: string) => `${base(config)}/verify/${code}`;
export const siteUrlOf = base;
