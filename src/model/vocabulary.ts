// The model's named categories: continuum levels, mandates, causes of leaving, and the events it records.

/** The continuum levels, weakest first (Himmelman's networking -> collaborating continuum). */
export const LEVEL_NAMES = ['networking', 'coordinating', 'cooperating', 'collaborating'] as const;
export type LevelName = (typeof LEVEL_NAMES)[number];

/** How a partnership came to exist. */
export const MANDATES = ['voluntary', 'incentivised', 'mandated'] as const;
export type Mandate = (typeof MANDATES)[number];

/** A partnership's scope: a small group, or area-wide (open to every organisation of its area; ABPP). */
export const SCOPES = ['group', 'area'] as const;
export type Scope = (typeof SCOPES)[number];

/** How deeply a member takes part: in the core group, or in an area-wide partnership's wider membership. */
export const DEPTHS = ['core', 'wider'] as const;
export type Depth = (typeof DEPTHS)[number];

/** The change that drove a member out (the one that cost it most since it judged the partnership best; 'no-purpose'
 * when nothing changed for the worse), and so a partnership's end. */
export const CAUSES = ['funding-ended', 'trust-fell', 'leader-left', 'competition', 'capacity', 'values-diverged', 'no-purpose'] as const;
export type Cause = (typeof CAUSES)[number];

/** The kinds of event in the log. */
export const EVENT_KINDS = ['formed', 'joined', 'left', 'strengthened', 'weakened', 'dissolved', 'leader-moved'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** One entry of the event log: what happened, when, to which partnership and organisations, and why. */
export interface PartnershipEvent {
  readonly step: number;
  readonly kind: EventKind;
  /** The partnership; -1 for an event of no partnership (leader-moved). */
  readonly partnership: number;
  /** The organisations: for leader-moved, the one the leader left and the one they now lead. */
  readonly organisations: readonly number[];
  /** Why: a Cause for left/dissolved; for formed, what brought it about ('network', 'broker', 'mandate', 'history', and
   * for an area-wide partnership 'convened-officers' or 'convened-leader'); for joined, 'peers', or for an area-wide
   * partnership 'open' (into its wider membership) or 'deepened' (a wider member moving into its core); for leader-moved, 'moved'; for strengthened, its highest feature, for weakened its lowest ('trust', 'network', 'norms', 'motivation'). */
  readonly cause: string;
  /** The continuum level after the event, for strengthened/weakened. */
  readonly level?: LevelName;
  /** The leader's id (World.leaders), for leader-moved. */
  readonly leader?: number;
  /** For an area-wide partnership's formed and joined events: its scope, and each organisation's depth (same order). */
  readonly scope?: Scope;
  readonly depths?: readonly Depth[];
}
