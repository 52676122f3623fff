// Invariants of the world's state that every mechanism must keep, as one check that names every broken one: used
// after every step of shipped scenarios (invariants.test.ts) and of runs with a mechanism switched off (ablation.test.ts).
import { CAUSES, LEVEL_NAMES } from '../../src/model/vocabulary.ts';
import { joinsTrusts } from '../../src/model/trusts.ts';
import { indexInList, listOf, type OrgLists, type World } from '../../src/model/world.ts';

const sortNumbers = (xs: readonly number[]) => [...xs].sort((x, y) => x - y);

/** Returns a description of each way the flat lists' layout is broken: each organisation's list within its room, every
 * room inside the part of the columns taken and apart from every other, and the room held the sum of them. */
export function brokenLayout<C extends string>(what: string, lists: OrgLists<C>): string[] {
  const broken: string[] = [];
  const rooms = Array.from(lists.start, (start, i) => ({ i, start, end: start + lists.capacity[i] })).filter((r) => r.end > r.start);
  rooms.sort((x, y) => x.start - y.start);
  for (let i = 0; i < lists.start.length; i++)
    if (lists.length[i] > lists.capacity[i]) broken.push(`${what} of ${i}: ${lists.length[i]} listed in room for ${lists.capacity[i]}`);
  for (let k = 1; k < rooms.length; k++)
    if (rooms[k].start < rooms[k - 1].end) broken.push(`${what}: the rooms of ${rooms[k - 1].i} and ${rooms[k].i} overlap`);
  if (rooms.length > 0 && rooms[rooms.length - 1].end > lists.used) broken.push(`${what}: a room ends past the ${lists.used} taken`);
  const held = lists.capacity.reduce((sum, capacity) => sum + capacity, 0);
  if (held !== lists.held) broken.push(`${what}: ${lists.held} held but the rooms hold ${held}`);
  return broken;
}

/** Returns a description of every broken invariant (empty when all hold), so that a failure names them all. */
export function brokenInvariants(world: World): string[] {
  const broken: string[] = [];
  const check = (ok: boolean, what: () => string) => {
    if (!ok && broken.length < 20) broken.push(what());
  };
  const { orgs, ties, partnerships, roles } = world;
  // The alive tie of each pair (key lower * n + higher), from the pool itself; a pair tied twice is broken.
  const pairSlot = new Map<number, number>();
  for (let slot = 0; slot < ties.count; slot++) {
    if (ties.alive[slot] === 0) continue;
    const key = ties.a[slot] * orgs.n + ties.b[slot];
    check(!pairSlot.has(key), () => `ties ${pairSlot.get(key)} and ${slot} join the same pair (${ties.a[slot]}, ${ties.b[slot]})`);
    pairSlot.set(key, slot);
  }

  // Active list: no duplicates, and exactly the partnerships not ended.
  check(new Set(world.active).size === world.active.length, () => `active has duplicates: ${world.active}`);
  const notEnded = partnerships.filter((p) => p.endedStep === null).map((p) => p.id);
  check(
    JSON.stringify(sortNumbers(world.active)) === JSON.stringify(notEnded),
    () => `active ${sortNumbers(world.active)} != not ended ${notEnded}`,
  );

  // Expected shared counts and internal networks, computed from the active partnerships' member lists.
  const shared = new Map<number, number>();
  const sharedPrincipled = new Map<number, number>();
  const sharedConvened = new Map<number, number>();
  const memberOf: number[][] = Array.from({ length: orgs.n }, () => []);
  const coreOf = new Array<number>(orgs.n).fill(0);
  // Role slots: each held by one member of one active partnership, or free; none lost.
  const held = new Set<number>();
  for (const id of world.active) {
    const p = partnerships[id];
    check(p.id === id, () => `partnership at ${id} has id ${p.id}`);
    check(p.members.length >= 2, () => `active partnership ${id} has ${p.members.length} members`);
    check(new Set(p.members).size === p.members.length, () => `partnership ${id} lists a member twice: ${p.members}`);
    check(p.members.includes(p.lead), () => `partnership ${id}'s lead ${p.lead} is not a member of ${p.members}`);
    check(p.roles.length === p.members.length, () => `partnership ${id} has ${p.roles.length} roles for ${p.members.length} members`);
    for (const r of p.roles) {
      check(r >= 0 && r < roles.count && !held.has(r), () => `partnership ${id} holds role slot ${r}, out of the pool or held twice`);
      held.add(r);
    }
    check(p.endReason === null, () => `active partnership ${id} has end reason ${p.endReason}`);
    check(
      p.level >= 0 && p.level < LEVEL_NAMES.length && p.peakLevel >= p.level,
      () => `partnership ${id} level ${p.level} peak ${p.peakLevel}`,
    );
    const roleValues = p.roles.flatMap((r) => [roles.commitment[r], roles.trust[r], roles.orgTrust[r], roles.leaderTrust[r]]);
    for (const v of [p.trust, p.network, p.norms, p.motivation, p.score, ...roleValues])
      check(v >= 0 && v <= 1, () => `partnership ${id} has a feature, score, commitment or member trust ${v} outside [0, 1]`);
    for (const r of p.roles)
      check(Number.isFinite(roles.belief[r]), () => `partnership ${id} has a member whose belief is ${roles.belief[r]}`);
    for (const i of p.members) memberOf[i].push(id);
    // Depths: each member is in the core or the wider membership, not both; a small group's are all core; the core's
    // count is kept; an area-wide partnership's members are all of its area, its lead in its core.
    const core = p.members.filter((_, k) => roles.core[p.roles[k]] === 1);
    for (const r of p.roles) check(roles.core[r] <= 1, () => `partnership ${id} has a member of depth ${roles.core[r]}`);
    check(p.scope === 'group' || p.scope === 'area', () => `partnership ${id} has scope ${p.scope}`);
    check(p.core === core.length && p.core >= 2, () => `partnership ${id} counts ${p.core} in its core, which holds ${core}`);
    check(p.scope === 'area' || core.length === p.members.length, () => `group ${id} has wider members`);
    if (p.scope === 'area') {
      for (const i of p.members)
        check(orgs.area[i] === p.area, () => `area-wide partnership ${id} (area ${p.area}) has member ${i} of area ${orgs.area[i]}`);
      check(core.includes(p.lead), () => `area-wide partnership ${id}'s lead ${p.lead} is not in its core ${core}`);
    }
    for (const i of core) coreOf[i]++;
    // Its internal network: the ties between core members.
    const internal: number[] = [];
    for (let x = 0; x < core.length; x++) {
      for (let y = x + 1; y < core.length; y++) {
        const lo = Math.min(core[x], core[y]);
        const hi = Math.max(core[x], core[y]);
        const slot = pairSlot.get(lo * orgs.n + hi);
        if (slot === undefined) continue;
        internal.push(slot);
        shared.set(slot, (shared.get(slot) ?? 0) + 1);
        sharedPrincipled.set(slot, (sharedPrincipled.get(slot) ?? 0) + +p.principles);
        sharedConvened.set(slot, (sharedConvened.get(slot) ?? 0) + +p.laInvolved);
      }
    }
    const listed = sortNumbers(p.ties);
    check(
      JSON.stringify(listed) === JSON.stringify(sortNumbers(internal)),
      () =>
        `partnership ${id} (core ${core}) lists ties ${listed}, but the alive ties between its core members are ${sortNumbers(internal)}`,
    );
    for (const slot of p.ties) check(ties.alive[slot] === 1, () => `partnership ${id} lists dead tie ${slot}`);
  }
  const free = new Set(roles.free);
  check(
    free.size === roles.free.length && [...free].every((r) => r < roles.count && !held.has(r)) && held.size + free.size === roles.count,
    () => `role slots: ${held.size} held and ${roles.free.length} free (${free.size} distinct) of ${roles.count} used`,
  );

  // The organisations' lists (of ties and of partnerships) each in a room of its own.
  for (const problem of [...brokenLayout('ties', orgs.ties), ...brokenLayout('partnerships', orgs.partnerships)])
    check(false, () => problem);

  // Memberships: the count of core memberships, the organisation's list, and the active partnerships' member lists agree.
  for (let i = 0; i < orgs.n; i++) {
    const list = listOf(orgs.partnerships, 'id', i);
    check(
      orgs.memberships[i] === coreOf[i],
      () => `organisation ${i}: memberships ${orgs.memberships[i]} but in the core of ${coreOf[i]} partnerships`,
    );
    check(
      JSON.stringify(sortNumbers(list)) === JSON.stringify(sortNumbers(memberOf[i])),
      () => `organisation ${i} lists partnerships ${sortNumbers(list)} but is a member of ${sortNumbers(memberOf[i])}`,
    );
  }

  // Ties: shared counts, both ends' lists, and every value in [0, 1].
  let alive = 0;
  const inUnit = (v: number) => v >= 0 && v <= 1;
  for (let slot = 0; slot < ties.count; slot++) {
    if (ties.alive[slot] === 0) continue;
    alive++;
    const a = ties.a[slot];
    const b = ties.b[slot];
    check(a < b, () => `tie ${slot} (${a}, ${b}): side A is not the lower index`);
    const atA = indexInList(orgs.ties, 'slot', a, slot);
    const atB = indexInList(orgs.ties, 'slot', b, slot);
    check(atA >= 0 && atB >= 0, () => `tie ${slot} (${a}, ${b}) missing from an end's list`);
    check(
      orgs.ties.columns.partner[orgs.ties.start[a] + atA] === b && orgs.ties.columns.partner[orgs.ties.start[b] + atB] === a,
      () => `tie ${slot} (${a}, ${b}): an end's partners list does not name the other end beside it`,
    );
    check(
      ties.shared[slot] === (shared.get(slot) ?? 0),
      () => `tie ${slot} (${a}, ${b}): shared ${ties.shared[slot]}, but both ends are in ${shared.get(slot) ?? 0} active partnerships`,
    );
    for (const [name, counts] of [
      ['sharedPrincipled', sharedPrincipled],
      ['sharedConvened', sharedConvened],
    ] as const)
      check(
        ties[name][slot] === (counts.get(slot) ?? 0),
        () => `tie ${slot} (${a}, ${b}): ${name} ${ties[name][slot]}, expected ${counts.get(slot) ?? 0}`,
      );
    const values = {
      trustAB: ties.trustAB[slot],
      trustBA: ties.trustBA[slot],
      leaderAB: ties.leaderAB[slot],
      leaderBA: ties.leaderBA[slot],
      damageAB: ties.damageAB[slot],
      damageBA: ties.damageBA[slot],
      strength: ties.strength[slot],
    };
    for (const [name, v] of Object.entries(values)) check(inUnit(v), () => `tie ${slot} ${name} = ${v} is outside [0, 1]`);
  }
  const ends = orgs.ties.length.reduce((sum, length) => sum + length, 0);
  check(ends === 2 * alive, () => `organisations list ${ends} tie ends for ${alive} alive ties`);
  for (let i = 0; i < orgs.n; i++) {
    for (const slot of listOf(orgs.ties, 'slot', i))
      check(
        ties.alive[slot] === 1 && (ties.a[slot] === i || ties.b[slot] === i),
        () => `organisation ${i} lists tie ${slot}, which is dead or not its own`,
      );
  }

  // Leaders: each organisation's leader leads it and no other, and its copy of their experience is theirs; a leader out
  // of post leads none; the posts record agrees (each leader's last post, open exactly while they are in it); seekers are
  // out of post, each once.
  const { leaders, posts } = world;
  for (let i = 0; i < orgs.n; i++) {
    const id = orgs.leaderId[i];
    check(id >= 0 && id < leaders.count && leaders.org[id] === i, () => `organisation ${i}'s leader ${id} leads ${leaders.org[id]}`);
    check(
      orgs.leaderExperience[i] === leaders.experience[id],
      () => `organisation ${i}'s copy of its leader's experience is ${orgs.leaderExperience[i]}, not ${leaders.experience[id]}`,
    );
  }
  const inPost = new Set<number>();
  for (let id = 0; id < leaders.count; id++) {
    const org = leaders.org[id];
    check(
      org === -1 || (org >= 0 && org < orgs.n && orgs.leaderId[org] === id),
      () => `leader ${id} leads ${org}, whose leader is ${orgs.leaderId[org]}`,
    );
    if (org >= 0) inPost.add(id);
    check(leaders.experience[id] >= 0 && leaders.experience[id] <= 1, () => `leader ${id} has experience ${leaders.experience[id]}`);
    const post = posts[leaders.post[id]];
    check(post !== undefined && post.leader === id, () => `leader ${id}'s post ${leaders.post[id]} is not theirs`);
    if (post !== undefined)
      check(
        (post.to === null) === org >= 0 && (org < 0 || post.org === org),
        () => `leader ${id}'s last post ${JSON.stringify(post)} disagrees with their organisation ${org}`,
      );
  }
  check(inPost.size === orgs.n, () => `${inPost.size} leaders in post for ${orgs.n} organisations`);
  check(posts.filter((post) => post.to === null).length === orgs.n, () => 'open posts are not one per organisation');
  const seeking = world.seekers.map((s) => s.leader);
  check(new Set(seeking).size === seeking.length, () => `a leader seeks a post twice: ${seeking}`);
  for (const id of seeking) check(leaders.org[id] === -1, () => `seeker ${id} leads ${leaders.org[id]}`);

  // Dissolved partnerships carry when and why.
  for (const p of partnerships) {
    if (p.endedStep === null) continue;
    check(
      p.endReason !== null && (CAUSES as readonly string[]).includes(p.endReason),
      () => `dissolved partnership ${p.id} has end reason ${p.endReason}`,
    );
    check(p.endedStep >= p.formedStep, () => `partnership ${p.id} ended at ${p.endedStep} before forming at ${p.formedStep}`);
    check(!world.active.includes(p.id), () => `dissolved partnership ${p.id} is still active`);
    check(p.ties.length === 0, () => `dissolved partnership ${p.id} still lists ties ${p.ties}`);
  }

  // Multi-academy trusts: every school in at most one trust, and a trust's list, its schools' records, its office, lead
  // and home agree.
  const listedIn = new Array<number>(orgs.n).fill(-1);
  for (const t of world.trusts) {
    check(t.id === world.trusts.indexOf(t), () => `trust at ${world.trusts.indexOf(t)} has id ${t.id}`);
    for (const i of t.members) {
      check(listedIn[i] === -1, () => `school ${i} is listed by trusts ${listedIn[i]} and ${t.id}`);
      listedIn[i] = t.id;
      check(orgs.trust[i] === t.id, () => `trust ${t.id} lists school ${i}, whose record says trust ${orgs.trust[i]}`);
      check(joinsTrusts(orgs.kind[i]), () => `trust ${t.id} lists organisation ${i} of kind ${orgs.kind[i]}`);
    }
    if (t.ended !== null) {
      check(t.members.length === 0 && t.office < 0, () => `ended trust ${t.id} has schools ${t.members} or office ${t.office}`);
      check(t.endReason === 'merged' || t.endReason === 'closed', () => `ended trust ${t.id} has end reason ${t.endReason}`);
      continue;
    }
    check(t.endReason === null, () => `open trust ${t.id} has end reason ${t.endReason}`);
    check(t.office >= 0 || t.members.length > 0, () => `open trust ${t.id} has neither school nor office`);
    if (t.office >= 0) check(orgs.trust[t.office] === t.id && t.lead === t.office, () => `trust ${t.id}'s office ${t.office} disagrees`);
    else check(t.members.includes(t.lead), () => `trust ${t.id}'s lead ${t.lead} is not one of its schools ${t.members}`);
    const counts = new Map<number, number>();
    for (const i of t.members) counts.set(orgs.area[i], (counts.get(orgs.area[i]) ?? 0) + 1);
    const most = Math.max(0, ...counts.values());
    check(
      t.members.length === 0 || counts.get(t.home) === most,
      () => `trust ${t.id} is based in area ${t.home}, not where most schools are`,
    );
  }
  for (let i = 0; i < orgs.n; i++) {
    const office = orgs.trust[i] >= 0 && world.trusts[orgs.trust[i]].office === i;
    check(
      office || orgs.trust[i] === listedIn[i],
      () => `organisation ${i} records trust ${orgs.trust[i]} but is listed by ${listedIn[i]}`,
    );
    check(orgs.remote[i] >= 0 && orgs.remote[i] <= 1, () => `organisation ${i} has remote share ${orgs.remote[i]}`);
    check(orgs.trust[i] >= 0 || orgs.remote[i] === 0, () => `organisation ${i} is in no trust but has remote share ${orgs.remote[i]}`);
  }
  return broken;
}
