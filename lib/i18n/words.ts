/**
 * The fact base's fixed vocabularies in the interface language: entity types and relation types. Card keys, since
 * the hover card shows them too (its page gets only the card's part of the catalog).
 */
import type { EntityType } from '../factbase/types';
import { t, type MessageKey } from './translator';

const TYPES: Record<EntityType, MessageKey> = {
  person: 'cardTypePerson',
  organization: 'cardTypeOrganization',
  company: 'cardTypeCompany',
  country: 'cardTypeCountry',
  region: 'cardTypeRegion',
  place: 'cardTypePlace',
  agreement: 'cardTypeAgreement',
  pipeline: 'cardTypePipeline',
  corridor: 'cardTypeCorridor',
  port: 'cardTypePort',
  railway: 'cardTypeRailway',
  'gas-field': 'cardTypeGasField',
  'military-system': 'cardTypeMilitarySystem',
  event: 'cardTypeEvent',
  program: 'cardTypeProgram',
  idea: 'cardTypeIdea',
};

/** "Person", "Gas or oil field"; an unknown type as written. */
export function typeLabel(type: string): string {
  const key = TYPES[type as EntityType];
  return key ? t(key) : type.replace(/-/g, ' ');
}

/** Each relation read from its subject, and (where it reads differently) from its object. */
const RELATIONS: Record<string, [out: MessageKey, inverse?: MessageKey]> = {
  'member-of': ['cardRelMemberOf', 'cardRelHasMember'],
  leads: ['cardRelLeads', 'cardRelLedBy'],
  'head-of-state-of': ['cardRelHeadOfStateOf', 'cardRelHeadOfState'],
  'minister-of': ['cardRelMinisterOf', 'cardRelMinister'],
  'part-of': ['cardRelPartOf', 'cardRelIncludes'],
  operates: ['cardRelOperates', 'cardRelOperatedBy'],
  owns: ['cardRelOwns', 'cardRelOwnedBy'],
  'shareholder-of': ['cardRelShareholderOf', 'cardRelShareholder'],
  signed: ['cardRelSigned', 'cardRelSignedBy'],
  'signed-by': ['cardRelSignedBy', 'cardRelSigned'],
  founded: ['cardRelFounded', 'cardRelFoundedBy'],
  supplies: ['cardRelSupplies', 'cardRelSuppliedBy'],
  connects: ['cardRelConnects', 'cardRelConnectedBy'],
  'located-in': ['cardRelLocatedIn', 'cardRelLocationOf'],
  'successor-of': ['cardRelSuccessorOf', 'cardRelPredecessorOf'],
  'produced-by': ['cardRelProducedBy', 'cardRelProduces'],
  uses: ['cardRelUses', 'cardRelUsedBy'],
  'ally-of': ['cardRelAllyOf'],
  borders: ['cardRelBorders'],
  'related-to': ['cardRelRelatedTo'],
};

/** "member of" (out), "has member" (in); a symmetric relation reads the same both ways. */
export function relationWords(type: string, direction: 'out' | 'in' = 'out'): string {
  const keys = RELATIONS[type];
  if (!keys) return type.replace(/-/g, ' ');
  return t((direction === 'in' ? keys[1] : undefined) ?? keys[0]);
}
