// How the classroom shows trusts: each trust's colour (neighbouring trusts differ, a trust keeps its colour), and the
// trusts' changes read from the model's state step by step, every joining told once: as a school founding, joining or
// handed on, or as part of its trust's merger or closure.
import { describe, expect, it } from 'vitest';
import { shippedScenarioTexts } from '../../src/cli/classroom-page.ts';
import type { World } from '../../src/model/world.ts';
import { ORG_KINDS } from '../../src/scenario/schema.ts';
import { Classroom, loadPresets } from '../../src/web/classroom.ts';
import { TRUST_COLORS } from '../../src/web/style.ts';
import { colourTrustsInPlace, type TrustEvent } from '../../src/web/trusts-shown.ts';

const trustsOf = (homes: number[], ended: (number | null)[] = []) =>
  ({ trusts: homes.map((home, id) => ({ id, home, ended: ended[id] ?? null })) }) as unknown as World;

describe('trust colours', () => {
  it('gives a trust the colour fewest trusts of its area have, then fewest of all, the lowest on a tie', () => {
    const colours: number[] = [];
    colourTrustsInPlace(trustsOf([0, 0, 1, 1, 0]), colours, 3);
    // Area 0: 0, then 1; area 1 has none, so the least used overall (2), then 0 (used once, as 1 is); area 0 then 2.
    expect(colours).toEqual([0, 1, 2, 0, 2]);
  });

  it('keeps the colours given and leaves ended trusts out of the count', () => {
    const colours = [0, 1];
    colourTrustsInPlace(trustsOf([0, 0, 0], [null, 5]), colours, 3);
    expect(colours).toEqual([0, 1, 1]);
  });
});

describe('trust events of a run', () => {
  const { presets } = loadPresets({ scenarios: shippedScenarioTexts(), initial: 'scenarios/fragmentation.yaml' });
  const c = new Classroom(presets);
  const run = c.a;
  const joinsAtStart = run.sim.world.trustJoins.length;
  const steps: number[] = [];
  const events: TrustEvent[] = [];
  // The kinds before each step, to check which joinings were conversions.
  const kindBefore = new Map<number, Uint8Array>();
  while (!c.atEnd) {
    kindBefore.set(run.step + 1, run.sim.world.orgs.kind.slice());
    c.advance();
  }
  events.push(...run.trustEvents);
  steps.push(...events.map((e) => e.step));

  // Mergers and closures are rare: at the calibrated defaults this run has none, and hands schools on instead (before
  // them it merged or closed a trust and handed none on).
  it('has joinings, foundings and schools moving between trusts in the fragmentation preset', () => {
    const count = (kind: TrustEvent['kind']) => events.filter((e) => e.kind === kind).length;
    expect(count('trust-joined')).toBeGreaterThan(20);
    expect(count('trust-founded')).toBeGreaterThan(0);
    expect(count('trust-merged') + count('trust-closed') + count('trust-handed-on')).toBeGreaterThan(0);
    expect(steps).toEqual([...steps].sort((x, y) => x - y));
  });

  it('tells every joining once: as founding, joining, handing on, or moving with a merger or closure', () => {
    const world = run.sim.world;
    const one = events.filter((e) => e.org >= 0).length;
    const moved = events.filter((e) => e.org < 0).reduce((s, e) => s + e.moved, 0);
    expect(one + moved).toBe(world.trustJoins.length - joinsAtStart);
  });

  it('founds a trust at the step it was founded with its first school, and ends it when it ended, as it ended', () => {
    const world = run.sim.world;
    for (const e of events.filter((x) => x.kind === 'trust-founded')) {
      expect(world.trusts[e.trust].founded).toBe(e.step);
      expect(world.trustJoins.find((j) => j.trust === e.trust)?.org).toBe(e.org);
    }
    const ended = world.trusts.filter((t) => t.ended !== null).sort((p, q) => (p.ended as number) - (q.ended as number) || p.id - q.id);
    const endings = events.filter((e) => e.org < 0).sort((p, q) => p.step - q.step || p.trust - q.trust);
    expect(endings.map((e) => [e.trust, e.step, e.kind])).toEqual(
      ended.map((t) => [t.id, t.ended, t.endReason === 'merged' ? 'trust-merged' : 'trust-closed']),
    );
    for (const e of events.filter((x) => x.kind === 'trust-merged')) expect(e.moved).toBe(e.schools);
  });

  it('says a school converted when it was a maintained school before the step, and only then', () => {
    const school = ORG_KINDS.indexOf('school');
    for (const e of events.filter((x) => x.kind === 'trust-joined' || x.kind === 'trust-founded'))
      expect(e.converted).toBe(kindBefore.get(e.step)?.[e.org] === school);
    expect(events.some((e) => e.converted)).toBe(true);
  });

  it('colours every trust of the run from the palette', () => {
    expect(run.trustColours).toHaveLength(run.sim.world.trusts.length);
    expect(run.trustColours.every((k) => k >= 0 && k < TRUST_COLORS.length)).toBe(true);
  });
});
