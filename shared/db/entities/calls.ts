import { itemType } from '../entity';

/**
 * A call, its selection counter and its criteria versions share one partition, so "the call with
 * everything it needs" is one Query. Lists: all calls (gsi1) and a season's calls (gsi2), latest opening last.
 */
export const call = itemType({
  type: 'Call',
  pk: 'CALL#{callId}',
  sk: 'CALL',
  indexes: {
    gsi1: { pk: 'CALLS', sk: '{opensAt}#{callId}' },
    gsi2: { pk: 'SEASON#{seasonId}#CALLS', sk: '{opensAt}#{callId}' },
  },
  personal: false,
  description: 'A call for candidate territories (draft, open, closed); every call on gsi1, a season’s calls on gsi2, by opening date',
});

export const callCounter = itemType({
  type: 'CallCounter',
  pk: 'CALL#{callId}',
  sk: 'COUNTER#SELECTED',
  personal: false,
  description: 'How many applications of a call are selected, and its maximum: the cap is a condition on this item',
});

export const criteriaVersion = itemType({
  type: 'CriteriaVersion',
  pk: 'CALL#{callId}',
  sk: 'CRITERIA#{paddedVersion}',
  personal: false,
  description: 'One version of the eligibility criteria of a call (version number padded to 4 digits)',
});

/** Item types of shared/calls (key templates, indexes, personal data). */
export const callsItemTypes = [call, callCounter, criteriaVersion];
