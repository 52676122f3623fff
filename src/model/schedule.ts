// The step's mechanisms as values: the implementation of each entry of the scenario's mechanism table, and the
// schedule a scenario runs (the table's order, less the mechanisms it switches off).
import { MECHANISM_IDS, type MechanismId } from '../scenario/mechanisms.ts';
import type { Scenario } from '../scenario/schema.ts';
import { areaWide } from './area-wide.ts';
import { brokerage } from './brokerage.ts';
import { continuum } from './continuum.ts';
import { governance } from './governance.ts';
import { initiation } from './initiation.ts';
import { interaction } from './interaction.ts';
import { joining } from './joining.ts';
import { leaders } from './leaders.ts';
import { mandate } from './mandate.ts';
import type { Mechanism } from './mechanism.ts';
import { meeting } from './meeting.ts';
import { membership } from './membership.ts';
import { norms } from './norms.ts';
import { trustWeights } from './trust-weights.ts';

/** Every mechanism by id: the Record makes the compiler demand one for each entry of the mechanism table. */
export const MECHANISM_IMPLEMENTATIONS: { readonly [M in MechanismId]: Mechanism & { readonly id: M } } = {
  leaders: { ...leaders, id: 'leaders' },
  governance: { ...governance, id: 'governance' },
  interaction: { ...interaction, id: 'interaction' },
  trustWeights: { ...trustWeights, id: 'trustWeights' },
  norms: { ...norms, id: 'norms' },
  membership: { ...membership, id: 'membership' },
  meeting: { ...meeting, id: 'meeting' },
  joining: { ...joining, id: 'joining' },
  initiation: { ...initiation, id: 'initiation' },
  brokerage: { ...brokerage, id: 'brokerage' },
  areaWide: { ...areaWide, id: 'areaWide' },
  mandate: { ...mandate, id: 'mandate' },
  continuum: { ...continuum, id: 'continuum' },
};

/** Returns the mechanisms a scenario's steps run, in order: every one it does not switch off. */
export function scheduleFor(scenario: Pick<Scenario, 'mechanisms'>): readonly Mechanism[] {
  return MECHANISM_IDS.filter((id) => scenario.mechanisms?.[id] !== false).map((id) => MECHANISM_IMPLEMENTATIONS[id]);
}
