// The identity vault's fields as a form: name, birth date, and contacts, addresses and documents as repeatable rows;
// on the child path the guardian or legal representative. Used when opening a case and in the identity section.
import { useTranslation } from 'react-i18next';
import { ADDRESS_KINDS, CONTACT_KINDS, DOCUMENT_TYPES, type CaseIdentityFields } from '#shared/cases/case.schema.ts';
import { SelectField, TextField } from '#web/components/ui/form.tsx';

export interface IdentityDraft {
  givenName: string;
  familyName: string;
  birthDate: string;
  contacts: { kind: (typeof CONTACT_KINDS)[number]; value: string }[];
  addresses: { kind: (typeof ADDRESS_KINDS)[number]; text: string }[];
  documents: { type: (typeof DOCUMENT_TYPES)[number]; number: string }[];
  guardian: { name: string; relationship: string; contact: string };
}

export const emptyIdentity = (): IdentityDraft => ({ givenName: '', familyName: '', birthDate: '', contacts: [], addresses: [], documents: [], guardian: { name: '', relationship: '', contact: '' } });

export function identityDraftOf(f: CaseIdentityFields): IdentityDraft {
  return {
    givenName: f.givenName ?? '',
    familyName: f.familyName ?? '',
    birthDate: f.birthDate ?? '',
    contacts: f.contacts,
    addresses: f.addresses,
    documents: f.documents,
    guardian: { name: f.guardian?.name ?? '', relationship: f.guardian?.relationship ?? '', contact: f.guardian?.contact ?? '' },
  };
}

/** The vault's fields as the server takes them; empty rows are dropped, an empty guardian is none. */
export function identityOf(d: IdentityDraft, childPath: boolean): CaseIdentityFields {
  const g = d.guardian;
  return {
    givenName: d.givenName.trim() || null,
    familyName: d.familyName.trim() || null,
    birthDate: d.birthDate || null,
    contacts: d.contacts.map((c) => ({ ...c, value: c.value.trim() })).filter((c) => c.value),
    addresses: d.addresses.map((a) => ({ ...a, text: a.text.trim() })).filter((a) => a.text),
    documents: d.documents.map((x) => ({ ...x, number: x.number.trim() })).filter((x) => x.number),
    guardian: childPath && g.name.trim() ? { name: g.name.trim(), relationship: g.relationship.trim(), contact: g.contact.trim() || null } : null,
  };
}

/** Something to look for in the blind index: a name with a birth date, a contact or a document. */
export function hasSearchable(f: CaseIdentityFields): boolean {
  return Boolean((f.givenName && f.familyName && f.birthDate) || f.contacts.length > 0 || f.documents.length > 0);
}

type Rows<K extends 'contacts' | 'addresses' | 'documents'> = IdentityDraft[K];

export function IdentityFields({ value, onChange, childPath, idPrefix }: { value: IdentityDraft; onChange(v: IdentityDraft): void; childPath: boolean; idPrefix: string }) {
  const { t } = useTranslation('cases');
  const set = (patch: Partial<IdentityDraft>) => onChange({ ...value, ...patch });
  const rows = <K extends 'contacts' | 'addresses' | 'documents'>(key: K, next: Rows<K>) => set({ [key]: next } as Partial<IdentityDraft>);
  const patchRow = <K extends 'contacts' | 'addresses' | 'documents'>(key: K, i: number, p: Partial<Rows<K>[number]>) => rows(key, value[key].map((r, j) => (j === i ? { ...r, ...p } : r)) as Rows<K>);
  const drop = (key: 'contacts' | 'addresses' | 'documents', i: number) => rows(key, value[key].filter((_, j) => j !== i) as never);
  return (
    <>
      <TextField id={`${idPrefix}-given`} label={t('identity.givenName')} value={value.givenName} onChange={(givenName) => set({ givenName })} maxLength={200} />
      <TextField id={`${idPrefix}-family`} label={t('identity.familyName')} value={value.familyName} onChange={(familyName) => set({ familyName })} maxLength={200} />
      <TextField id={`${idPrefix}-birth`} type="date" label={t('identity.birthDate')} value={value.birthDate} onChange={(birthDate) => set({ birthDate })} />
      <fieldset className="case-answer">
        <legend>{t('identity.contacts')}</legend>
        {value.contacts.map((c, i) => (
          <div className="case-row" key={i} role="group" aria-label={t('identity.contactN', { n: i + 1 })}>
            <SelectField id={`${idPrefix}-contact-${i}-kind`} label={t('identity.kind')} value={c.kind} onChange={(kind) => patchRow('contacts', i, { kind: kind as typeof c.kind })} options={CONTACT_KINDS.map((k) => ({ value: k, label: t(`contactKind.${k}`) }))} />
            <TextField id={`${idPrefix}-contact-${i}-value`} type={c.kind === 'phone' ? 'tel' : c.kind === 'email' ? 'email' : 'text'} label={t('identity.contactValue')} value={c.value} onChange={(v) => patchRow('contacts', i, { value: v })} maxLength={200} />
            <RemoveRow label={t('identity.removeContact', { n: i + 1 })} onClick={() => drop('contacts', i)} />
          </div>
        ))}
        {value.contacts.length < 10 && <AddRow label={t('identity.addContact')} onClick={() => rows('contacts', [...value.contacts, { kind: 'phone', value: '' }])} />}
      </fieldset>
      <fieldset className="case-answer">
        <legend>{t('identity.addresses')}</legend>
        {value.addresses.map((a, i) => (
          <div className="case-row" key={i} role="group" aria-label={t('identity.addressN', { n: i + 1 })}>
            <SelectField id={`${idPrefix}-address-${i}-kind`} label={t('identity.kind')} value={a.kind} onChange={(kind) => patchRow('addresses', i, { kind: kind as typeof a.kind })} options={ADDRESS_KINDS.map((k) => ({ value: k, label: t(`addressKind.${k}`) }))} />
            <TextField id={`${idPrefix}-address-${i}-text`} label={t('identity.address')} value={a.text} onChange={(text) => patchRow('addresses', i, { text })} maxLength={500} />
            <RemoveRow label={t('identity.removeAddress', { n: i + 1 })} onClick={() => drop('addresses', i)} />
          </div>
        ))}
        {value.addresses.length < 5 && <AddRow label={t('identity.addAddress')} onClick={() => rows('addresses', [...value.addresses, { kind: 'current', text: '' }])} />}
      </fieldset>
      <fieldset className="case-answer">
        <legend>{t('identity.documents')}</legend>
        {value.documents.map((x, i) => (
          <div className="case-row" key={i} role="group" aria-label={t('identity.documentN', { n: i + 1 })}>
            <SelectField id={`${idPrefix}-document-${i}-type`} label={t('identity.documentType')} value={x.type} onChange={(type) => patchRow('documents', i, { type: type as typeof x.type })} options={DOCUMENT_TYPES.map((k) => ({ value: k, label: t(`documentType.${k}`) }))} />
            <TextField id={`${idPrefix}-document-${i}-number`} label={t('identity.documentNumber')} value={x.number} onChange={(number) => patchRow('documents', i, { number })} maxLength={60} />
            <RemoveRow label={t('identity.removeDocument', { n: i + 1 })} onClick={() => drop('documents', i)} />
          </div>
        ))}
        {value.documents.length < 5 && <AddRow label={t('identity.addDocument')} onClick={() => rows('documents', [...value.documents, { type: 'identity_card', number: '' }])} />}
      </fieldset>
      {childPath && (
        <fieldset className="case-answer">
          <legend>{t('identity.guardian')}</legend>
          <p className="hint">{t('identity.guardianHint')}</p>
          <TextField id={`${idPrefix}-guardian-name`} label={t('identity.guardianName')} value={value.guardian.name} onChange={(name) => set({ guardian: { ...value.guardian, name } })} maxLength={200} />
          <TextField id={`${idPrefix}-guardian-relationship`} label={t('identity.guardianRelationship')} value={value.guardian.relationship} onChange={(relationship) => set({ guardian: { ...value.guardian, relationship } })} maxLength={100} />
          <TextField id={`${idPrefix}-guardian-contact`} label={t('identity.guardianContact')} value={value.guardian.contact} onChange={(contact) => set({ guardian: { ...value.guardian, contact } })} maxLength={200} />
        </fieldset>
      )}
    </>
  );
}

function AddRow({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="secondary" onClick={onClick}>
      {label}
    </button>
  );
}

function RemoveRow({ label, onClick }: { label: string; onClick(): void }) {
  return (
    <button type="button" className="secondary case-row-remove" onClick={onClick}>
      {label}
    </button>
  );
}
