// The event columns a reader may see: everything but the online link, which only confirmed registrants receive.
export const EVENT_COLUMNS_PUBLIC = [
  'id', 'type', 'status', 'sourceLanguage', 'startsAt', 'endsAt', 'timeZone', 'attendanceMode', 'venueName', 'venueAddress', 'venueCity',
  'country', 'capacity', 'seatsHeld', 'registrationOpensAt', 'registrationClosesAt', 'requiresApproval', 'waitlistEnabled', 'maxGroupSize',
  'questions',
] as const;
