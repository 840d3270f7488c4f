import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account } from './accounts.ts';
import { body } from './bodies.ts';
import { demand } from './demands.ts';
import { person } from './people.ts';
import { territory } from './territory.ts';

/*
 * Deliberation and decisions (§自治引领 1–6, §共治引领 1–2): the party organisation controls what
 * reaches the agenda, convenes meetings, has their resolutions published and tracked to done.
 * Every record carries its node and a copy of the node's path, so scope is one prefix test.
 */

export const agendaSources = ['resident', 'committee', 'party_org', 'demand', 'carried_over'] as const;
export const agendaStates = ['proposed', 'accepted', 'returned', 'merged', 'scheduled', 'decided', 'withdrawn'] as const;

/**
 * 议题: proposed by a resident (portal), a committee, the party organisation, or made from a demand.
 * Nothing reaches a meeting without the community party organisation's acceptance.
 */
export const agendaItem = pgTable(
  'agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    path: text('path').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').$type<(typeof agendaSources)[number]>().notNull(),
    proposedBy: uuid('proposed_by').references(() => account.id),
    proposerPersonId: uuid('proposer_person_id').references(() => person.id),
    proposerBodyId: uuid('proposer_body_id').references(() => body.id),
    demandId: uuid('demand_id').references(() => demand.id),
    /** An overdue resolution brought back to a review meeting. */
    resolutionId: uuid('resolution_id'),
    state: text('state').$type<(typeof agendaStates)[number]>().notNull().default('proposed'),
    reason: text('reason'),
    mergedIntoId: uuid('merged_into_id'),
    meetingId: uuid('meeting_id'),
    reviewedBy: uuid('reviewed_by').references(() => account.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agenda_item_path_idx').using('btree', sql`${t.path} text_pattern_ops`, t.state),
    index('agenda_item_meeting_idx').on(t.meetingId),
    check('agenda_item_state_check', sql`${t.state} in ('proposed','accepted','returned','merged','scheduled','decided','withdrawn')`),
  ],
);

export const meetingKinds = [
  'joint_four_in_one', // 四位一体联席会: party organisation, residents' committee, owners' committee, property company
  'deliberation', // 议事会
  'hearing', // 听证会: public notice before, people register to speak
  'review', // 评议会: evaluates work done
  'regional_joint_conference', // 区域化党建联席会
  'representative_assembly', // 社区代表大会
  'owners_assembly', // 业主大会
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** A meeting convened by the party organisation: notice, sign-in, quorum, minutes, decisions. */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    path: text('path').notNull(),
    kind: text('kind').$type<MeetingKind>().notNull(),
    title: text('title').notNull(),
    place: text('place').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    /** The convening body (the community's party organisation, or the street's for a joint conference). */
    convenerBodyId: uuid('convener_body_id').references(() => body.id),
    state: text('state').$type<'draft' | 'noticed' | 'in_progress' | 'closed' | 'cancelled'>().notNull().default('draft'),
    noticeText: text('notice_text'),
    noticedAt: timestamp('noticed_at', { withTimezone: true }),
    /** Hearings: the public notice runs this many days before the meeting. */
    publicNoticeDays: integer('public_notice_days'),
    /** Participants present needed for the meeting to decide; null = more than half of those invited. */
    quorum: integer('quorum'),
    /** Keys the rotating sign-in codes shown at the venue. */
    checkinSecret: text('checkin_secret').notNull(),
    clerkAccountId: uuid('clerk_account_id').references(() => account.id),
    summary: text('summary'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('meeting_path_idx').using('btree', sql`${t.path} text_pattern_ops`, t.startsAt),
    check('meeting_kind_check', sql`${t.kind} in ('joint_four_in_one','deliberation','hearing','review','regional_joint_conference','representative_assembly','owners_assembly')`),
  ],
);

/** Who sits in a meeting and for which body; hearing speakers register themselves. */
export const meetingParticipant = pgTable(
  'meeting_participant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => meeting.id),
    personId: uuid('person_id').references(() => person.id),
    name: text('name').notNull(),
    bodyId: uuid('body_id').references(() => body.id),
    /** What they sit as: party_org, residents_committee, owners_committee, property_company, resident_rep, unit, deputy, speaker, observer. */
    capacity: text('capacity').notNull(),
    /** Counts toward the quorum (an observer or a registered speaker does not). */
    voting: boolean('voting').notNull().default(true),
    noticeReadAt: timestamp('notice_read_at', { withTimezone: true }),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    signInMethod: text('sign_in_method').$type<'qr' | 'clerk'>(),
    registeredAt: timestamp('registered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_participant_person_uq').on(t.meetingId, t.personId),
    index('meeting_participant_meeting_idx').on(t.meetingId),
  ],
);

/** An agenda item as taken at a meeting, with the decision on it. */
export const meetingItem = pgTable(
  'meeting_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => meeting.id),
    agendaItemId: uuid('agenda_item_id').notNull().references(() => agendaItem.id),
    position: integer('position').notNull(),
    method: text('method').$type<'show_of_hands' | 'secret_ballot'>(),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    outcome: text('outcome').$type<'adopted' | 'rejected' | 'deferred'>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('meeting_item_uq').on(t.meetingId, t.agendaItemId)],
);

/** A show-of-hands vote is recorded by name; a secret ballot only as counts on the item. */
export const meetingVote = pgTable(
  'meeting_vote',
  {
    meetingItemId: uuid('meeting_item_id').notNull().references(() => meetingItem.id),
    participantId: uuid('participant_id').notNull().references(() => meetingParticipant.id),
    choice: text('choice').$type<'for' | 'against' | 'abstain'>().notNull(),
  },
  (t) => [uniqueIndex('meeting_vote_pk').on(t.meetingItemId, t.participantId)],
);

/** Structured minutes: who spoke, on which item, what they said. */
export const minutesEntry = pgTable(
  'minutes_entry',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id').notNull().references(() => meeting.id),
    meetingItemId: uuid('meeting_item_id').references(() => meetingItem.id),
    participantId: uuid('participant_id').references(() => meetingParticipant.id),
    speaker: text('speaker').notNull(),
    opinion: text('opinion').notNull(),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('minutes_entry_meeting_idx').on(t.meetingId, t.position)],
);

/**
 * A resolution: published (公示) for some days with an objection channel, then tracked to done by
 * its responsible body before its deadline. Overdue ones come back on the next review meeting.
 */
export const resolution = pgTable(
  'resolution',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    path: text('path').notNull(),
    meetingId: uuid('meeting_id').references(() => meeting.id),
    meetingItemId: uuid('meeting_item_id').references(() => meetingItem.id),
    title: text('title').notNull(),
    text: text('text').notNull(),
    state: text('state').$type<'draft' | 'published' | 'in_progress' | 'done' | 'withdrawn'>().notNull().default('draft'),
    publicDays: integer('public_days').notNull().default(7),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publicUntil: timestamp('public_until', { withTimezone: true }),
    responsibleBodyId: uuid('responsible_body_id').references(() => body.id),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    /** Set when an overdue resolution was put back on a review meeting's agenda (once per lapse). */
    carriedOverAt: timestamp('carried_over_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resolution_path_idx').using('btree', sql`${t.path} text_pattern_ops`, t.state),
    uniqueIndex('resolution_item_uq').on(t.meetingItemId),
  ],
);

export const resolutionObjection = pgTable(
  'resolution_objection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resolutionId: uuid('resolution_id').notNull().references(() => resolution.id),
    accountId: uuid('account_id').references(() => account.id),
    text: text('text').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by').references(() => account.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resolution_objection_idx').on(t.resolutionId)],
);

export const resolutionProgress = pgTable(
  'resolution_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    resolutionId: uuid('resolution_id').notNull().references(() => resolution.id),
    note: text('note').notNull(),
    photoPath: text('photo_path'),
    accountId: uuid('account_id').references(() => account.id),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resolution_progress_idx').on(t.resolutionId, t.at)],
);

/**
 * 提议—商议—评议: a co-governance matter passes three recorded stages across three bodies — the
 * community committee proposes, the regional joint conference consults, the representative assembly
 * reviews — each with its meeting, outcome and date.
 */
export const cogovMatter = pgTable(
  'cogov_matter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    path: text('path').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    state: text('state').$type<'proposed' | 'consulted' | 'reviewed' | 'dropped'>().notNull().default('proposed'),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cogov_matter_path_idx').using('btree', sql`${t.path} text_pattern_ops`)],
);

export const cogovStage = pgTable(
  'cogov_stage',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matterId: uuid('matter_id').notNull().references(() => cogovMatter.id),
    stage: text('stage').$type<'propose' | 'consult' | 'review'>().notNull(),
    bodyId: uuid('body_id').references(() => body.id),
    meetingId: uuid('meeting_id').references(() => meeting.id),
    outcome: text('outcome').notNull(),
    decidedOn: date('decided_on').notNull(),
    recordedBy: uuid('recorded_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('cogov_stage_uq').on(t.matterId, t.stage)],
);

/** 自治公约, 议事规则, 管理规约: versioned documents of a community or an estate. */
export const charter = pgTable(
  'charter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    path: text('path').notNull(),
    estateId: uuid('estate_id'),
    kind: text('kind').$type<'convention' | 'rules_of_procedure' | 'management_statute'>().notNull(),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('charter_path_idx').using('btree', sql`${t.path} text_pattern_ops`)],
);

/** One version: draft → comment period → adopted (by a resolution or an owners' vote) → published; superseded by the next. */
export const charterVersion = pgTable(
  'charter_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    charterId: uuid('charter_id').notNull().references(() => charter.id),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    state: text('state').$type<'draft' | 'commenting' | 'adopted' | 'published' | 'superseded'>().notNull().default('draft'),
    commentUntil: timestamp('comment_until', { withTimezone: true }),
    adoptedByResolutionId: uuid('adopted_by_resolution_id').references(() => resolution.id),
    adoptedByMatterId: uuid('adopted_by_matter_id'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('charter_version_uq').on(t.charterId, t.version),
    // Exactly one published version per charter, whatever two requests do at once.
    uniqueIndex('charter_version_published_uq').on(t.charterId).where(sql`state = 'published'`),
  ],
);

export const charterComment = pgTable(
  'charter_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id').notNull().references(() => charterVersion.id),
    accountId: uuid('account_id').references(() => account.id),
    authorName: text('author_name').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('charter_comment_idx').on(t.versionId)],
);

/** 矛盾调解: a dispute between residents or with the property company, mediated by a "老娘舅". */
export const mediationCase = pgTable(
  'mediation_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    no: text('no').notNull().unique(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    path: text('path').notNull(),
    kind: text('kind').$type<'neighbour' | 'property' | 'family' | 'other'>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    demandId: uuid('demand_id').references(() => demand.id),
    mediatorPersonId: uuid('mediator_person_id').references(() => person.id),
    state: text('state').$type<'open' | 'in_mediation' | 'agreed' | 'failed' | 'closed'>().notNull().default('open'),
    agreementText: text('agreement_text'),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    /** Why mediation failed, when it did. */
    failReason: text('fail_reason'),
    followUpOn: date('follow_up_on'),
    followUpNote: text('follow_up_note'),
    followedUpAt: timestamp('followed_up_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mediation_case_path_idx').using('btree', sql`${t.path} text_pattern_ops`, t.state)],
);

/** A party to a dispute. Their name and phone are personal information: encrypted, shown masked. */
export const mediationParty = pgTable(
  'mediation_party',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => mediationCase.id),
    side: text('side').$type<'applicant' | 'respondent'>().notNull(),
    personId: uuid('person_id').references(() => person.id),
    bodyId: uuid('body_id').references(() => body.id),
    nameEnc: text('name_enc').notNull(),
    nameMasked: text('name_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    /** When this party signed the agreement. */
    signedAt: timestamp('signed_at', { withTimezone: true }),
  },
  (t) => [index('mediation_party_case_idx').on(t.caseId)],
);

export const mediationSession = pgTable(
  'mediation_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').notNull().references(() => mediationCase.id),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    place: text('place').notNull().default(''),
    notes: text('notes').notNull(),
    accountId: uuid('account_id').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mediation_session_case_idx').on(t.caseId, t.heldAt)],
);
