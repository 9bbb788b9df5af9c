import type { MatchModel } from './match-model.js';

/**
 * Hand-set, for precision. u is the rate among pairs the service actually compares (records that
 * already share a phone, an email, an id or a name and birth year), so it is far above the rate
 * between random people. Within a field, m and u each sum to 1 over the levels ('missing' is not
 * a level: it weighs 0). The bits in the comments are log2(m/u).
 *
 * Thresholds: with a prior of about 1 in 1024 (2^-10) that two records in one component are the
 * same person, a link at 18 bits means posterior odds of 2^8 (over 99.6%); review at 10 bits means
 * about even odds. What that buys, with no term-frequency adjustment:
 * - links: shared live mobile + exact name (19.4), or a mobile one record saw before the telecom
 *   reported it ended (19.4); national id + close name (20.7); close name + birth date + shared live
 *   mobile (24.6, see `decidePair`); exact name + birth date + address (24.7); exact name + email +
 *   compatible birth date (20.6); exact name + the same circle of frequent contacts on a new
 *   number (18.7).
 * - does not link (review): a name alone (8.1) or with a full birth date (17.3): one CN full name
 *   is shared by thousands born the same day; a national id alone (16.6); name and email (16.9);
 *   a shared fixed line (4.6), which a household shares.
 * fs-default-3 added the tenure and fixed-line levels and the close-name gate.
 * clusterMinimum (8): two clusters merge only if their cross pairs average at least an exact,
 * uncommon name's worth of evidence; a chain through one ambiguous record averages far less.
 */
export const DEFAULT_MODEL: MatchModel = {
  version: 'fs-default-3',
  fields: {
    nationalId: {
      exact: { m: 0.97, u: 1e-5 }, // +16.6: collisions are keying errors or a borrowed id
      different: { m: 0.03, u: 0.99999 }, // -5.1: and a cannot-link within one scheme
    },
    name: {
      exact: { m: 0.8, u: 0.003 }, // +8.1: a name alone can never reach the link threshold
      swapped: { m: 0.05, u: 0.001 }, // +5.6: given/family order confused, same words
      close: { m: 0.1, u: 0.006 }, // +4.1: a typo, or a sibling with a similar given name
      different: { m: 0.05, u: 0.99 }, // -4.3: aliases and married names keep m above zero
    },
    birthDate: {
      exact: { m: 0.6, u: 0.001 }, // +9.2: twins and same-day namesakes keep u this high
      compatible: { m: 0.27, u: 0.02 }, // +3.8: only the year (or month) known on one side
      close: { m: 0.08, u: 0.02 }, // +2.0: one digit off or day/month swapped
      incompatible: { m: 0.05, u: 0.959 }, // -4.3: and a cannot-link
    },
    phone: {
      shared_active: { m: 0.5, u: 0.0002 }, // +11.3: a live mobile is mostly one person's
      // +11.3: seen live by one record no later than another says it ended: the same holder's
      // tenure, which says as much as one live mobile
      shared_tenure: { m: 0.1, u: 0.00004 },
      shared_fixed_line: { m: 0.05, u: 0.002 }, // +4.6: a household's or an office's line
      shared_stale: { m: 0.1, u: 0.004 }, // +4.6: disconnected numbers get reassigned
      different: { m: 0.25, u: 0.99376 }, // -2.0: people change numbers often
    },
    email: {
      exact: { m: 0.45, u: 0.001 }, // +8.8: family and shared office mailboxes exist
      different: { m: 0.55, u: 0.999 }, // -0.9: people hold several mailboxes
    },
    address: {
      exact: { m: 0.35, u: 0.002 }, // +7.5: a household shares it
      same_postcode: { m: 0.25, u: 0.03 }, // +3.1: neighbours, or a move within the area
      different: { m: 0.4, u: 0.968 }, // -1.3: people move
    },
    employer: {
      exact: { m: 0.4, u: 0.02 }, // +4.3: big employers are shared by thousands
      close: { m: 0.1, u: 0.02 }, // +2.3
      different: { m: 0.5, u: 0.96 }, // -0.9: people change jobs
    },
    thirdParty: {
      // +12.6: three or more shared frequent contacts covering half of both circles is the SIM-change
      // signal; telecom records carry no birth date, so with an exact uncommon name (+8.1) and the
      // old number gone (-2.0) it must reach the link threshold on its own (fs-default-2).
      strong_overlap: { m: 0.3, u: 0.00005 },
      overlap: { m: 0.3, u: 0.03 }, // +3.3: friends and colleagues share some contacts
      none: { m: 0.4, u: 0.96995 }, // -1.3: circles change over the years
    },
  },
  linkThreshold: 18,
  reviewThreshold: 10,
  clusterMinimum: 8,
};
