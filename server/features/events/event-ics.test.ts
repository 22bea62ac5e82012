// The iCalendar invitation, parsed by hand: CRLF lines folded at 75 octets, the required properties, a UID stable per
// event, a neutral SUMMARY, one attendee (the recipient), and a SEQUENCE that rises when the event changes.
import { describe, expect, test } from 'vitest';
import type { TestApp } from '#tests/test-app.ts';
import { onEventChanged } from './event-change.ts';
import { plantEvent, useEventWorld, type EventWorld } from './events.fixtures.ts';
import { byToken, outboxTo, register, registrationOf, tokenOf } from './registration.fixtures.ts';

let t: TestApp;
let w: EventWorld;
useEventWorld((app, world) => {
  [t, w] = [app, world];
});

/** Content lines after unfolding, as name → value (the last of a name wins), with the raw physical lines. */
function parse(ics: string) {
  const physical = ics.split('\r\n');
  const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
  const props = new Map<string, string>();
  for (const line of unfolded) {
    const colon = line.indexOf(':');
    props.set(line.slice(0, colon).split(';')[0]!, line.slice(colon + 1));
  }
  return { physical, unfolded, props };
}

describe('the iCalendar invitation', () => {
  test('is valid, neutral and stable; SEQUENCE rises after a change; a cancelled event sends METHOD:CANCEL', async () => {
    const e = await plantEvent(t.deps.db, { organisationId: w.lead.organisationId, title: 'Identificarea victimelor traficului — o zi lungă de formare în spitalul județean Mureș' });
    await register(t, e.id, { fullName: 'Ștefănița Bălășescu-Țăranu Îndrăgostita Vâlcea', email: 'stefanita.ics@x.example' });
    const [mail] = await outboxTo(t, 'stefanita.ics@x.example');
    const ics = mail!.attachments![0]!.content;
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { physical, unfolded, props } = parse(ics);
    for (const line of physical) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
    expect(unfolded.at(-1)).toBe('END:VCALENDAR');
    for (const name of ['VERSION', 'PRODID', 'METHOD', 'UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SEQUENCE', 'ORGANIZER']) expect(props.has(name), name).toBe(true);
    expect(props.get('VERSION')).toBe('2.0');
    expect(props.get('METHOD')).toBe('REQUEST');
    expect(props.get('UID')).toBe(`event-${e.id}@localhost`);
    expect(props.get('DTSTART')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(props.get('SUMMARY')).toBe('Eveniment Pro Health');
    expect(unfolded.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(unfolded.find((l) => l.startsWith('ATTENDEE'))?.toLowerCase()).toContain('mailto:stefanita.ics@x.example');
    const before = Number(props.get('SEQUENCE'));

    // NOTE: as the events part does: its guarded UPDATE raises the sequence, then the hook tells the registrants.
    await t.deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('event').set((eb) => ({ sequence: eb('sequence', '+', 1) })).where('id', '=', e.id).execute();
      await onEventChanged({ config: t.deps.config, now: new Date(), actor: null }, trx, e.id, 'rescheduled');
    });
    const r = await registrationOf(t, e.id, 'stefanita.ics@x.example');
    const after = parse((await byToken(t, 'ics', tokenOf(t, r.id))).body).props;
    expect(after.get('UID')).toBe(props.get('UID'));
    expect(Number(after.get('SEQUENCE'))).toBeGreaterThan(before);
    const changed = (await outboxTo(t, 'stefanita.ics@x.example')).at(-1)!;
    expect(parse(changed.attachments![0]!.content).props.get('SEQUENCE')).toBe(after.get('SEQUENCE'));

    await t.deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('event').set((eb) => ({ status: 'cancelled', sequence: eb('sequence', '+', 1) })).where('id', '=', e.id).execute();
      await onEventChanged({ config: t.deps.config, now: new Date(), actor: null }, trx, e.id, 'cancelled');
    });
    const cancelled = (await outboxTo(t, 'stefanita.ics@x.example')).at(-1)!;
    const c = parse(cancelled.attachments![0]!.content).props;
    expect([c.get('METHOD'), c.get('STATUS'), c.get('UID')]).toEqual(['CANCEL', 'CANCELLED', props.get('UID')]);
    expect(Number(c.get('SEQUENCE'))).toBeGreaterThan(Number(after.get('SEQUENCE')));
  });
});
