// Stable ids of the demo events, so the parts of issue 11 that seed registrations, evaluations and certificates can
// find the events the events part seeds (server/features/demo/demo-events.ts) without looking them up by title.
export const DEMO_EVENT_IDS = {
  /** Autumn 2015: the training for healthcare professionals (Târgu Mureș). */
  training2015: '0d6a0b61-2015-4a10-9a01-000000000001',
  /** Autumn 2015: the roundtable on identification → referral → assistance between institutions and NGOs. */
  roundtable2015: '0d6a0b61-2015-4a10-9a01-000000000002',
  /** April 2016: the final conference shared by two projects of the coordinating association (47 participants). */
  conference2016: '0d6a0b61-2016-4a10-9a01-000000000003',
  /** Upcoming (relative to today): a training with places left, so the public list is never empty. */
  upcomingTraining: '0d6a0b61-2027-4a10-9a01-000000000004',
  /** Upcoming: a webinar that is full, with a waiting list. */
  upcomingWebinar: '0d6a0b61-2027-4a10-9a01-000000000005',
} as const;
