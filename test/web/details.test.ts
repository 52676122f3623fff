// The details panel's content: who an organisation is and its ties, a partnership's state and whole history, a tie's trust.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEVEL_NAMES } from '../../src/model/vocabulary.ts';
import { coreOf, findTie, isCore, listOf } from '../../src/model/world.ts';
import { ClassroomRun } from '../../src/web/classroom.ts';
import { detailsOf, durationWords, organisationDetails, partnershipDetails, tieDetails, type Line } from '../../src/web/details.ts';
import { createMemoryHost } from '../../src/scenario/host.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { eventSentence, timeWords } from '../../src/web/words.ts';

const scenario = loadScenario(
  'scenarios/baseline.yaml',
  createMemoryHost({ 'scenarios/baseline.yaml': readFileSync('scenarios/baseline.yaml', 'utf8') }),
);
const run = new ClassroomRun('A', scenario, scenario.time.seed, {});
for (let s = 0; s < 72; s++) run.sim.advance();
const world = run.sim.world;
const text = (line: Line) => line.map((s) => (typeof s === 'string' ? s : s.text)).join('');

describe('details of an organisation', () => {
  const i = world.active.map((id) => world.partnerships[id].members[0])[0];
  const d = organisationDetails(run, i);
  const fact = (name: string) => text(d.facts.find(([k]) => k === name)?.[1] ?? []);

  it('says who it is, where, and what moves it', () => {
    expect(d.title).toBe(run.names[i]);
    expect(fact('Area')).toBe(run.areaNames[world.orgs.area[i]]);
    expect(fact('Power')).toBe(world.orgs.power[i].toFixed(2));
    expect(fact('Joins for')).toMatch(/^values \d+% · resources \d+% · compliance \d+%$/);
    expect(fact('Leader')).toMatch(/^no\. \d+, experience 0\.\d\d, in post/);
  });

  it('lists its partnerships as links and its strongest ties with trust both ways', () => {
    const partnerships = d.sections.find((s) => s.heading.startsWith('Partnerships'));
    expect(partnerships?.lines).toHaveLength(listOf(world.orgs.partnerships, 'id', i).length);
    expect(partnerships?.lines[0][0]).toEqual({
      text: `partnership ${listOf(world.orgs.partnerships, 'id', i)[0]}`,
      target: { kind: 'partnership', run: 'A', id: listOf(world.orgs.partnerships, 'id', i)[0] },
    });
    const ties = d.sections.find((s) => s.heading.startsWith('Strongest ties'));
    expect(ties?.lines.length).toBe(Math.min(5, listOf(world.orgs.ties, 'slot', i).length));
    for (const line of ties?.lines ?? []) expect(text(line)).toMatch(/ — trusts it (0\.\d\d|1\.00), trusted (0\.\d\d|1\.00)$/);
  });
});

describe('details of a partnership', () => {
  // One dissolved in the run itself (the burn-in's events are not recorded, so a partnership it ended has no history).
  const dissolved = world.partnerships.find((p) => p.endedStep !== null && p.endedStep > 0)!;
  const active = world.partnerships[world.active[0]];

  it('shows the four features and the score, its level, mandate and members', () => {
    const d = partnershipDetails(run, active.id);
    expect(d.title).toBe(`Partnership ${active.id}`);
    expect(d.bars.map((b) => b.value)).toEqual([active.trust, active.network, active.norms, active.motivation, active.score]);
    expect(text(d.facts.find(([k]) => k === 'Level')![1])).toContain(LEVEL_NAMES[active.level]);
    expect(d.sections.find((x) => x.heading.startsWith('Members'))?.lines).toHaveLength(active.members.length);
    expect(text(d.facts.find(([k]) => k === 'Set up')![1])).toMatch(/^(voluntary|incentivised|mandated)/);
  });

  it('tells its whole history in order, and why it dissolved', () => {
    const d = partnershipDetails(run, dissolved.id);
    const history = d.sections.find((s) => s.heading === 'History')!;
    const events = run.sim.events.filter((e) => e.partnership === dissolved.id);
    const context = { names: run.names, areaOf: (p: number) => run.areaOf(p) };
    expect(history.lines.map(text)).toEqual(events.map((e) => `${timeWords(e.step, 12)}: ${eventSentence(e, context)}`));
    expect(d.subtitle).toMatch(/^Dissolved in year \d+, month \d+ — /);
  });
});

describe('details of an area-wide partnership', () => {
  const p = world.active.map((id) => world.partnerships[id]).find((x) => x.scope === 'area' && x.core < x.members.length)!;

  it('says it is area-wide, how many are in its core, and which members are wider', () => {
    const d = partnershipDetails(run, p.id);
    expect(d.subtitle).toMatch(/^Area-wide, open to every organisation in Area \d · /);
    expect(text(d.facts.find(([k]) => k === 'Members')![1])).toMatch(
      new RegExp(`^${p.members.length} \\(${coreOf(world, p).length} in its core, the rest wider\\), lead `),
    );
    const members = d.sections.find((x) => x.heading.startsWith('Members'))!.lines.map(text);
    expect(members.filter((line) => line.endsWith(', wider'))).toHaveLength(p.members.length - coreOf(world, p).length);
    const wider = p.members.find((i) => !isCore(world, p, i))!;
    const line = organisationDetails(run, wider)
      .sections[0].lines.map(text)
      .find((l) => l.startsWith(`partnership ${p.id} `));
    expect(line).toMatch(/ — area-wide, \w+, \d+ members, a wider member$/);
  });
});

describe('details of a dissolved area-wide partnership', () => {
  // Its members' roles went with it: the panel gives its last core's size, and no member's depth.
  const p = world.partnerships.find((x) => x.scope === 'area' && x.endedStep !== null)!;

  it('says how many were in its core at the end, and marks no member wider', () => {
    const d = partnershipDetails(run, p.id);
    expect(d.subtitle).toMatch(/^Dissolved in /);
    expect(text(d.facts.find(([k]) => k === 'Members')![1])).toMatch(
      new RegExp(`^${p.members.length} at the end \\(${p.core} in its core, the rest wider\\), lead `),
    );
    const members = d.sections.find((x) => x.heading.startsWith('Members'))!.lines.map(text);
    expect(members).toHaveLength(p.members.length);
    expect(members.filter((line) => line.endsWith(', wider'))).toEqual([]);
  });
});

describe('details of a tie', () => {
  it('gives trust in both directions while the tie lives', () => {
    const slot = listOf(world.orgs.ties, 'slot', 0)[0];
    const [a, b] = [world.ties.a[slot], world.ties.b[slot]];
    const d = tieDetails(run, b, a);
    expect(d.facts.map(([k]) => k)).toEqual([`${run.names[a]} trusts`, `${run.names[b]} trusts`, 'Damage', 'Strength', 'Age']);
  });

  it('says when the tie has broken', () => {
    let pair: [number, number] = [0, 0];
    for (let j = 1; j < world.orgs.n; j++) if (findTie(world, 0, j) < 0) pair = [0, j];
    expect(tieDetails(run, ...pair).subtitle).toMatch(/broken/);
  });

  it('gives nothing for what the run does not have', () => {
    expect(detailsOf(run, { kind: 'org', run: 'A', org: world.orgs.n })).toBeNull();
    expect(detailsOf(run, { kind: 'partnership', run: 'A', id: world.partnerships.length })).toBeNull();
  });
});

describe('durations', () => {
  it('reads in years and months', () => {
    expect(durationWords(0, 12)).toBe('0 months');
    expect(durationWords(1, 12)).toBe('1 month');
    expect(durationWords(12, 12)).toBe('1 year');
    expect(durationWords(28, 12)).toBe('2 years 4 months');
    expect(durationWords(5, 4)).toBe('5 steps');
  });
});
