import { US_STATE_ZONES } from './us-state-zones.js';

/** Sources send a region as a USPS code, an ISO 3166-2 code or a name, in any case and punctuation. */
const NAMES: Readonly<Record<string, string>> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  'washington dc': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'puerto rico': 'PR',
  'us virgin islands': 'VI',
  'virgin islands': 'VI',
  guam: 'GU',
  'northern mariana islands': 'MP',
  'american samoa': 'AS',
};

const BY_LETTERS: ReadonlyMap<string, string> = new Map(
  Object.entries(NAMES).map(([name, code]) => [name.replace(/ /g, ''), code]),
);

/** The USPS code of a US state, DC or territory, or undefined when the region is not one. */
export function usRegionCode(region: string): string | undefined {
  const letters = region
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^us[-\s]/, '')
    .replace(/[^a-z]/g, '');
  const code = letters.length === 2 ? letters.toUpperCase() : BY_LETTERS.get(letters);
  return code !== undefined && code in US_STATE_ZONES ? code : undefined;
}
