// Case files (issue 10, docs/decisions/013): the pseudonymous case and its team with grants per data category, the
// identity vault (ciphertexts and a keyed blind index, never plaintext), the consent ledger (the referral consent
// table grows a case, scopes and the seven HTCDS guidance items), assistance records, case comments, support plans
// and their reviews, risk assessments, follow-up tasks, break-glass openings, approvals, attachments, settings.
// Columns marked "sealed" hold AES-256-GCM ciphertext "keyId:iv:tag:data" (server/lib/crypto.ts).
import { sql, type Kysely } from 'kysely';

const now = sql`now()`;
const emptyList = sql`'[]'::jsonb`;
const uuid = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

export async function up(db: Kysely<any>): Promise<void> {
  // NOTE: "case" is a reserved word in SQL; the table is case_file, the word in code and UI stays "case".
  await db.schema
    .createTable('case_file')
    .addColumn('id', 'uuid', uuid)
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('code', 'text', (c) => c.notNull()) // PH-2026-0042: unique per organisation, says nothing about the person
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('Active')) // HTCDS cas_Status
    .addColumn('closure_reason', 'text') // a code of CLOSURE_REASONS
    .addColumn('closure_note', 'text') // sealed
    .addColumn('closed_at', 'timestamptz')
    .addColumn('trafficking_status', 'text') // HTCDS vic_TraffickingStatus
    .addColumn('status_decided_by', 'text') // HTCDS vic_TraffickingStatusDecisionMakingOrg
    .addColumn('age_band', 'text', (c) => c.notNull().defaultTo('unknown')) // CTDC ageBroad when assisted
    .addColumn('gender', 'text') // HTCDS prs_Gender
    .addColumn('citizenship', 'jsonb', (c) => c.notNull().defaultTo(emptyList)) // ISO 3166-1 alpha-2 codes
    .addColumn('languages', 'jsonb', (c) => c.notNull().defaultTo(emptyList)) // ISO 639-1 codes
    .addColumn('victim_context', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // HTCDS vic_ answers, codes only
    .addColumn('child_protection', 'jsonb') // the child path: referral to child protection and its outcome (codes, dates)
    .addColumn('safe_contact', 'text') // sealed JSON: channels, times, code word, what never to do
    .addColumn('owner_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('opened_from_referral_id', 'uuid', (c) => c.references('referral.id'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('legal_hold', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('anonymised_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('case_file_code', ['organisation_id', 'code'])
    .execute();
  // NOTE: the case list reads an organisation's cases newest first, through the team filter (case.policy.ts).
  await db.schema.createIndex('case_file_list_idx').on('case_file').columns(['organisation_id', 'updated_at', 'id']).execute();
  await sql`create index case_file_open_idx on case_file (organisation_id, status) where status in ('Active', 'FollowUp')`.execute(db);
  await db.schema.alterTable('referral').addForeignKeyConstraint('referral_case_fk', ['case_id'], 'case_file', ['id']).execute();
  await db.schema.createIndex('referral_case_idx').on('referral').column('case_id').execute();

  await db.schema
    .createTable('case_code_counter') // one row per organisation and year, so codes are handed out once under load
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_code_counter_pk', ['organisation_id', 'year'])
    .execute();

  await db.schema
    .createTable('case_member')
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
    // the organisation the member works for in this team (may differ from the case's: a case-team grant, design §2)
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('is_owner', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('grants', 'jsonb', (c) => c.notNull()) // CaseCategory codes
    .addColumn('added_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('case_member_once', ['case_id', 'account_id'])
    .execute();
  await db.schema.createIndex('case_member_account_idx').on('case_member').columns(['account_id', 'organisation_id', 'case_id']).execute();

  await db.schema
    .createTable('case_identity') // the identity vault: every personal field sealed on its own
    .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('case_file.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('given_name', 'text')
    .addColumn('family_name', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('contacts', 'text') // sealed JSON list: phone numbers, e-mail addresses
    .addColumn('addresses', 'text') // sealed JSON list
    .addColumn('documents', 'text') // sealed JSON list: document type and number
    .addColumn('guardian', 'text') // sealed JSON: the child's guardian or legal representative
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('case_identity_index') // blind index: HMAC-SHA-256 of a normalised value under its own key
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // name_birth | phone | email | document
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('digest', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_identity_index_lookup').on('case_identity_index').columns(['organisation_id', 'kind', 'digest']).execute();
  await db.schema.createIndex('case_identity_index_case').on('case_identity_index').column('case_id').execute();

  // The consent ledger: the consents of referrals (one named receiver, purposes) become case-level, versioned records.
  await db.schema.alterTable('consent').addColumn('case_id', 'uuid', (c) => c.references('case_file.id')).execute();
  await db.schema.alterTable('consent').addColumn('scopes', 'jsonb', (c) => c.notNull().defaultTo(sql`'["share"]'::jsonb`)).execute();
  await db.schema.alterTable('consent').addColumn('guidance', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)).execute();
  await db.schema.alterTable('consent').addColumn('supersedes_id', 'uuid', (c) => c.references('consent.id')).execute();
  await db.schema.alterTable('consent').addColumn('note', 'text').execute(); // sealed
  // NOTE: a consent to receive services or to anonymised statistics names nobody; a share names exactly one receiver
  // (the service layer checks that pairing); never two.
  await db.schema.alterTable('consent').dropConstraint('consent_one_receiver').execute();
  await db.schema.alterTable('consent').addCheckConstraint('consent_at_most_one_receiver', sql`receiver_organisation_id is null or receiver_directory_organization_id is null`).execute();
  await db.schema.createIndex('consent_case_idx').on('consent').columns(['case_id', 'recorded_at']).execute();

  await db.schema
    .createTable('case_assistance')
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id')) // the case's
    .addColumn('type', 'text', (c) => c.notNull()) // ASSISTANCE_TYPES
    .addColumn('category', 'text', (c) => c.notNull()) // the grant it needs (ASSISTANCE_CATEGORY)
    .addColumn('state', 'text', (c) => c.notNull()) // offered | accepted | declined | delivered
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('provider_organisation_id', 'uuid', (c) => c.references('organisation.id'))
    .addColumn('provider_role', 'text')
    .addColumn('delivery_mode', 'text') // in_person | phone | online
    .addColumn('interpreter_used', 'boolean')
    .addColumn('interpreter_language', 'text')
    .addColumn('service_category', 'text') // the medical record's serviceCategory, for medical types
    .addColumn('outcome', 'text')
    .addColumn('follow_up_due', 'date')
    .addColumn('consent_id', 'uuid', (c) => c.references('consent.id'))
    .addColumn('shared_with', 'jsonb', (c) => c.notNull().defaultTo(emptyList)) // organisation ids
    .addColumn('note', 'text') // sealed
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('case_assistance_case_idx').on('case_assistance').columns(['case_id', 'occurred_on']).execute();
  await sql`create index case_assistance_due_idx on case_assistance (organisation_id, follow_up_due) where follow_up_due is not null`.execute(db);

  await db.schema
    .createTable('case_comment') // HTCDS cco_CaseComment: a formal worker update, in one category
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull()) // sealed
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('case_comment_case_idx').on('case_comment').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_plan') // HTCDS spl_: a support plan with goals, reviewed over time
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull()) // PLAN_TYPES
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft')) // PLAN_STATUSES
    .addColumn('objectives', 'text') // sealed
    .addColumn('action_plan', 'text') // sealed
    .addColumn('goals', 'text') // sealed JSON list of { text, done }
    .addColumn('planned_end', 'date')
    .addColumn('actual_end', 'date')
    .addColumn('approved_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('approved_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('case_plan_case_idx').on('case_plan').column('case_id').execute();
  await db.schema
    .createTable('case_plan_review')
    .addColumn('id', 'uuid', uuid)
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('case_plan.id').onDelete('cascade'))
    .addColumn('reviewed_on', 'date', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull()) // on_track | some_progress | no_progress | goals_met
    .addColumn('note', 'text') // sealed
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('case_plan_review_plan_idx').on('case_plan_review').columns(['plan_id', 'reviewed_on']).execute();

  await db.schema
    .createTable('case_risk_assessment') // repeated over time, so change can be seen (HTCDS assessment sections)
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('assessed_on', 'date', (c) => c.notNull())
    .addColumn('individual', 'text', (c) => c.notNull()) // RISK_LEVELS
    .addColumn('household', 'text', (c) => c.notNull())
    .addColumn('community', 'text', (c) => c.notNull())
    .addColumn('note', 'text') // sealed
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('case_risk_case_idx').on('case_risk_assessment').columns(['case_id', 'assessed_on']).execute();

  await db.schema
    .createTable('case_task') // follow-up: who does what by when; reminders go through jobs, neutrally worded
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('category', 'text', (c) => c.notNull().defaultTo('general'))
    .addColumn('kind', 'text', (c) => c.notNull()) // follow_up_contact | review_plan | risk_assessment | document | other
    .addColumn('note', 'text') // sealed
    .addColumn('assignee_account_id', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create index case_task_open_idx on case_task (assignee_account_id, due_on) where done_at is null`.execute(db);
  await db.schema.createIndex('case_task_case_idx').on('case_task').columns(['case_id', 'due_on']).execute();

  await db.schema
    .createTable('case_break_glass') // a coordinator opening a case outside their grants: reason, time limit, owner told
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('account.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('reason', 'text', (c) => c.notNull()) // sealed
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('owner_seen_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('case_break_glass_account_idx').on('case_break_glass').columns(['account_id', 'case_id', 'expires_at']).execute();

  await db.schema
    .createTable('case_approval') // closure and support plans, when the organisation asks for a coordinator's approval
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisation.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // closure | plan
    .addColumn('plan_id', 'uuid', (c) => c.references('case_plan.id').onDelete('cascade'))
    .addColumn('request', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // codes only (the status asked for, a reason code)
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending')) // pending | approved | rejected | withdrawn
    .addColumn('requested_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('decided_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decision_note', 'text') // sealed
    .execute();
  await sql`create unique index case_approval_one_pending on case_approval (case_id, kind, coalesce(plan_id, case_id)) where status = 'pending'`.execute(db);
  await sql`create index case_approval_pending_idx on case_approval (organisation_id, requested_at) where status = 'pending'`.execute(db);

  await db.schema
    .createTable('case_attachment') // documents and images: sealed bytes, readable only through the case's rules
    .addColumn('id', 'uuid', uuid)
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('case_file.id').onDelete('cascade'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull()) // sniffed from the bytes, not taken from the client
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull()) // sealed
    .addColumn('content', 'bytea', (c) => c.notNull()) // sealed bytes
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('case_attachment_case_idx').on('case_attachment').columns(['case_id', 'created_at']).execute();

  await db.schema
    .createTable('case_setting') // per organisation
    .addColumn('organisation_id', 'uuid', (c) => c.primaryKey().references('organisation.id'))
    .addColumn('code_prefix', 'text', (c) => c.notNull().defaultTo('PH'))
    .addColumn('closure_needs_approval', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('plan_needs_approval', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('retention', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`)) // category → months after closure
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_by', 'uuid', (c) => c.references('account.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
