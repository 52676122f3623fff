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

/** The posts of a run from step 0: those open then, and every post taken since. The model records each post's
 * experience as it opens and closes, so nothing is watched step by step; only the posts open at step 0 need their
 * leaders' experience then. */
export class PostLog {
  /** The posts open at step 0 (indices into World.posts), by organisation, and their leaders' experience then. */
  private readonly atStart: number[];
  private readonly experienceAtStart: Float64Array;
  /** The first post taken after step 0. */
  private readonly firstLater: number;

  /** Starts the log at step 0 of a world. */
  constructor(private readonly world: World) {
    const { orgs, leaders, posts } = world;
    this.atStart = Array.from(orgs.leaderId, (id) => leaders.post[id]);
    this.experienceAtStart = Float64Array.from(this.atStart, (p) => leaders.experience[posts[p].leader]);
    this.firstLater = posts.length;
  }

  /** Returns every post so far: those open at step 0, then those taken since, in order. */
  records(): LeaderPost[] {
    const { posts, leaders } = this.world;
    const record = (p: number, startExperience: number): LeaderPost => ({
      leader: posts[p].leader,
      organisation: posts[p].org,
      fromStep: posts[p].from,
      toStep: posts[p].to,
      startExperience,
      endExperience: posts[p].endExperience ?? leaders.experience[posts[p].leader],
    });
    const later = posts.slice(this.firstLater).map((post, k) => record(this.firstLater + k, post.startExperience));
    return [...this.atStart.map((p, k) => record(p, this.experienceAtStart[k])), ...later];
  }
}
