// Command-line use cases of organisations: create-organisation and create-user (password from stdin).
import type { CliCommand } from '#server/cli.ts';
import { AppError } from '#server/errors.ts';
import { OrganisationCreateSchema } from '#shared/organisations/organisation.schema.ts';
import { createOrganisationByOperator, createUserByOperator, operatorCtx } from './operator.service.ts';
import { readPassword } from './read-password.ts';

/** Option names of the fields the services name differently. */
const OPTION_OF: Record<string, string> = { displayName: 'name', isPlatformAdmin: 'platform-admin' };

/** Prints a domain error the way an operator needs it: the message and each field as its option. */
export function reportError(error: unknown): number {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  for (const [field, message] of Object.entries(error.fields ?? {})) {
    if (message !== error.message) console.error(field === 'password' ? `  password: ${message}` : `  --${OPTION_OF[field] ?? field}: ${message}`);
  }
  return 1;
}

const createOrganisation: CliCommand = {
  summary: 'create an organisation',
  options: { name: 'its name', type: 'an HTCDS type: NGO, HealthServiceOrganisation, …', country: 'two-letter code (RO, NO, …)', city: 'optional' },
  async run({ options, config, open }) {
    const parsed = OrganisationCreateSchema.safeParse(options);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`  --${issue.path.join('.')}: ${issue.message}`);
      return 2;
    }
    const handle = await open();
    try {
      const organisation = await createOrganisationByOperator(operatorCtx({ db: handle.db, config }), parsed.data);
      console.log(`created organisation ${organisation.id}`);
      return 0;
    } catch (error) {
      return reportError(error);
    } finally {
      await handle.close();
    }
  },
};

const createUser: CliCommand = {
  summary: 'create an account; reads the password from stdin',
  options: {
    email: 'sign-in email',
    name: 'display name',
    organisation: 'organisation id or exact name',
    roles: 'comma-separated roles, e.g. org_admin,coordinator',
    'platform-admin': 'true to make a platform admin',
    language: 'ro, en or nb (optional)',
  },
  async run({ options, config, open }) {
    const password = await readPassword('Password (not shown): ');
    const handle = await open();
    try {
      const input = {
        email: options.email ?? '',
        displayName: options.name ?? '',
        organisation: options.organisation,
        roles: (options.roles ?? '').split(',').map((r) => r.trim()).filter(Boolean),
        isPlatformAdmin: options['platform-admin'] === 'true',
        language: options.language ?? null,
      };
      const created = await createUserByOperator(operatorCtx({ db: handle.db, config }), input, password);
      console.log(`created account ${created.accountId}${created.membershipId ? ` with membership ${created.membershipId}` : ''}`);
      return 0;
    } catch (error) {
      return reportError(error);
    } finally {
      await handle.close();
    }
  },
};

export const ORGANISATION_COMMANDS: Record<string, CliCommand> = {
  'create-organisation': createOrganisation,
  'create-user': createUser,
};
