// Counties a service can cover, as ISO 3166-2 codes: Romania's 41 counties and Bucharest, Norway's 15 counties
// (the division in force since 1 January 2024). Names are the official ones, in the country's language.
export const REGIONS = {
  RO: {
    'RO-AB': 'Alba', 'RO-AR': 'Arad', 'RO-AG': 'Argeș', 'RO-BC': 'Bacău', 'RO-BH': 'Bihor', 'RO-BN': 'Bistrița-Năsăud',
    'RO-BT': 'Botoșani', 'RO-BV': 'Brașov', 'RO-BR': 'Brăila', 'RO-B': 'București', 'RO-BZ': 'Buzău',
    'RO-CS': 'Caraș-Severin', 'RO-CL': 'Călărași', 'RO-CJ': 'Cluj', 'RO-CT': 'Constanța', 'RO-CV': 'Covasna',
    'RO-DB': 'Dâmbovița', 'RO-DJ': 'Dolj', 'RO-GL': 'Galați', 'RO-GR': 'Giurgiu', 'RO-GJ': 'Gorj', 'RO-HR': 'Harghita',
    'RO-HD': 'Hunedoara', 'RO-IL': 'Ialomița', 'RO-IS': 'Iași', 'RO-IF': 'Ilfov', 'RO-MM': 'Maramureș',
    'RO-MH': 'Mehedinți', 'RO-MS': 'Mureș', 'RO-NT': 'Neamț', 'RO-OT': 'Olt', 'RO-PH': 'Prahova', 'RO-SM': 'Satu Mare',
    'RO-SJ': 'Sălaj', 'RO-SB': 'Sibiu', 'RO-SV': 'Suceava', 'RO-TR': 'Teleorman', 'RO-TM': 'Timiș', 'RO-TL': 'Tulcea',
    'RO-VS': 'Vaslui', 'RO-VL': 'Vâlcea', 'RO-VN': 'Vrancea',
  },
  NO: {
    'NO-03': 'Oslo', 'NO-11': 'Rogaland', 'NO-15': 'Møre og Romsdal', 'NO-18': 'Nordland', 'NO-31': 'Østfold',
    'NO-32': 'Akershus', 'NO-33': 'Buskerud', 'NO-34': 'Innlandet', 'NO-39': 'Vestfold', 'NO-40': 'Telemark',
    'NO-42': 'Agder', 'NO-46': 'Vestland', 'NO-50': 'Trøndelag', 'NO-55': 'Troms', 'NO-56': 'Finnmark',
  },
} as const satisfies Record<string, Record<string, string>>;

export type Country = keyof typeof REGIONS;
export const COUNTRIES = Object.keys(REGIONS) as Country[];
export const REGION_CODES: string[] = COUNTRIES.flatMap((c) => Object.keys(REGIONS[c]));

export function regionName(code: string): string | undefined {
  for (const c of COUNTRIES) {
    const names: Record<string, string> = REGIONS[c];
    if (names[code]) return names[code];
  }
  return undefined;
}

export function isRegionCode(code: string): boolean {
  return regionName(code) !== undefined;
}
