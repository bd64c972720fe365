/**
 * Entity types grouped into a few families that the map and the timeline draw alike (one colour and one shape per
 * family): sixteen colours could not be told apart, seven can, and the shape carries the family without colour.
 * Pure: no DOM, no browser.
 */
import type { EntityType } from '../factbase/types';
import { t, type MessageKey } from '../i18n/translator';

export type Family =
  'person' | 'body' | 'company' | 'agreement' | 'infrastructure' | 'place' | 'event' | 'idea' | 'military';
type Shape = 'circle' | 'square' | 'rounded' | 'diamond' | 'hexagon' | 'ring' | 'triangle' | 'dashed';

interface FamilyInfo {
  id: Family;
  /** In the interface language, read when shown. */
  readonly label: string;
  shape: Shape;
}

const family = (id: Family, key: MessageKey, shape: Shape): FamilyInfo => ({
  id,
  get label() {
    return t(key);
  },
  shape,
});

export const FAMILIES: readonly FamilyInfo[] = [
  family('person', 'exploreFamilyPeople', 'circle'),
  family('body', 'exploreFamilyOrganizations', 'rounded'),
  family('company', 'exploreFamilyCompanies', 'square'),
  family('agreement', 'exploreFamilyAgreements', 'diamond'),
  family('infrastructure', 'exploreFamilyInfrastructure', 'hexagon'),
  family('place', 'exploreFamilyPlaces', 'ring'),
  family('event', 'exploreFamilyEvents', 'triangle'),
  family('idea', 'exploreFamilyIdeas', 'dashed'),
  family('military', 'exploreFamilyMilitary', 'square'),
];

const FAMILY_OF: Record<EntityType, Family> = {
  person: 'person',
  organization: 'body',
  company: 'company',
  agreement: 'agreement',
  program: 'agreement',
  pipeline: 'infrastructure',
  corridor: 'infrastructure',
  port: 'infrastructure',
  railway: 'infrastructure',
  'gas-field': 'infrastructure',
  'military-system': 'military',
  event: 'event',
  place: 'place',
  country: 'place',
  region: 'place',
  idea: 'idea',
};

export const familyOf = (type: EntityType | string): Family => FAMILY_OF[type as EntityType] ?? 'idea';

export const familyInfo = (family: Family): FamilyInfo => FAMILIES.find((f) => f.id === family)!;

/**
 * The SVG path of a family's shape, centred on 0,0 with radius `r`. Circles and rings are drawn as paths too, so
 * every node is one element whatever its shape.
 */
export function shapePath(shape: Shape, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  const circle = `M${f(-r)},0a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
  switch (shape) {
    case 'circle':
    case 'ring':
    case 'dashed':
      return circle;
    case 'square': {
      const s = r * 0.86;
      return `M${f(-s)},${f(-s)}H${f(s)}V${f(s)}H${f(-s)}Z`;
    }
    case 'rounded': {
      const s = r * 0.9;
      const c = r * 0.35;
      return `M${f(-s + c)},${f(-s)}H${f(s - c)}Q${f(s)},${f(-s)} ${f(s)},${f(-s + c)}V${f(s - c)}Q${f(s)},${f(s)} ${f(s - c)},${f(s)}H${f(-s + c)}Q${f(-s)},${f(s)} ${f(-s)},${f(s - c)}V${f(-s + c)}Q${f(-s)},${f(-s)} ${f(-s + c)},${f(-s)}Z`;
    }
    case 'diamond': {
      const s = r * 1.2;
      return `M0,${f(-s)}L${f(s)},0L0,${f(s)}L${f(-s)},0Z`;
    }
    case 'hexagon': {
      const pts = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i;
        return `${f(r * 1.08 * Math.cos(a))},${f(r * 1.08 * Math.sin(a))}`;
      });
      return `M${pts.join('L')}Z`;
    }
    case 'triangle': {
      const s = r * 1.25;
      return `M0,${f(-s)}L${f(s * 0.95)},${f(s * 0.7)}L${f(-s * 0.95)},${f(s * 0.7)}Z`;
    }
  }
}
