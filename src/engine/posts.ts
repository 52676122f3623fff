// Leaders' posts as the run reports them: who led which organisation from when to when, read from the model's own
// record of posts (World.posts: a leader may hold several, one after another, ODD 7.1), from step 0 on, with each
// leader's experience when a post began (or at step 0) and when it ended (or now).
import type { World } from '../model/world.ts';

/** One leader's post: the organisation they led, from when to when, and their experience then. */
export interface LeaderPost {
  /** The leader's id (World.leaders): the same in each post a leader holds. */
  readonly leader: number;
  readonly organisation: number;
  /** The step the post began (0 or earlier for a leader in post at step 0). */
  readonly fromStep: number;
  /** The step they left it, or null while in post at the end. */
  readonly toStep: number | null;
  /** Experience when the post began (for a post begun before step 0, at step 0), and at its end (or the run's). */
  readonly startExperience: number;
  readonly endExperience: number;
}

/** The posts of a run from step 0: those open then, and every post taken since. */
export class PostLog {
  /** The posts reported (indices into World.posts), in order: those open at step 0 by organisation, then the later. */
  private readonly shown: number[];
  /** The posts open at the last observation, one per organisation, and the first post not yet seen. */
  private open: number[];
  private next: number;
  private readonly start = new Map<number, number>();
  private readonly end = new Map<number, number>();

  /** Starts the log at step 0 of a world. */
  constructor(private readonly world: World) {
    this.shown = Array.from(world.orgs.leaderId, (id) => world.leaders.post[id]);
    this.open = [...this.shown];
    this.next = world.posts.length;
    for (const p of this.shown) this.start.set(p, world.leaders.experience[world.posts[p].leader]);
    this.observeInPlace();
  }

  /** Records, after a step, each post's latest experience (a leader who left has kept theirs since) and the posts taken. */
  observeInPlace(): void {
    const { posts, leaders, orgs } = this.world;
    for (const p of this.open) this.end.set(p, leaders.experience[posts[p].leader]);
    for (let p = this.next; p < posts.length; p++) {
      this.shown.push(p);
      this.start.set(p, leaders.experience[posts[p].leader]);
      this.end.set(p, leaders.experience[posts[p].leader]);
    }
    this.next = posts.length;
    this.open = Array.from(orgs.leaderId, (id) => leaders.post[id]);
  }

  /** Returns every post so far, in the order shown. */
  records(): LeaderPost[] {
    const posts = this.world.posts;
    return this.shown.map((p) => ({
      leader: posts[p].leader,
      organisation: posts[p].org,
      fromStep: posts[p].from,
      toStep: posts[p].to,
      startExperience: this.start.get(p) as number,
      endExperience: this.end.get(p) as number,
    }));
  }
}
