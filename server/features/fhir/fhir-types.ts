// The few FHIR R4 data types and resources the export builds, typed only as far as our mapping needs them.
export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Reference {
  reference: string;
  display?: string;
}
export interface Identifier {
  system: string;
  value: string;
  use?: 'usual' | 'official' | 'secondary';
  assigner?: Reference;
}
export interface Period {
  start?: string;
  end?: string;
}
export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  security?: Coding[];
}
export interface ContactPoint {
  system: 'phone' | 'email' | 'url';
  value: string;
}
export interface Extension {
  url: string;
  valueCoding?: Coding;
}

export interface Resource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  [key: string]: unknown;
}

export interface BundleEntry {
  fullUrl?: string;
  resource: Resource;
  search?: { mode: 'match' | 'include' };
}

export interface Bundle extends Resource {
  resourceType: 'Bundle';
  type: 'collection' | 'searchset';
  timestamp?: string;
  total?: number;
  link?: { relation: string; url: string }[];
  entry?: BundleEntry[];
}

export interface OperationOutcome extends Resource {
  resourceType: 'OperationOutcome';
  issue: { severity: 'fatal' | 'error' | 'warning' | 'information'; code: string; details?: { text: string }; diagnostics?: string; expression?: string[] }[];
}
