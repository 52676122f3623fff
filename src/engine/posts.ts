// Leaders' posts as an observer sees them: who led which organisation from when to when. The model keeps a leader's
// experience and tenure on the organisation (ODD 7.1); a new leader is seen as a tenure restarted at 0 by the leaders
// mechanism, and each leader is given an id here, in order of appearance.
import type { World } from '../model/world.ts';

/** One leader's post: the organisation they led, from when to when, and their experience then. */
export interface LeaderPost {
  readonly leader: number;
  readonly organisation: number;
  /** The step the post began (0 or earlier for a leader in post at step 0: the step 0 less their tenure then). */
  readonly fromStep: number;
  /** The step they were replaced in, or null while in post at the end. */
  readonly toStep: number | null;
  /** Experience when the post began (for a post begun before step 0, at step 0), and at its end (or the run's). */
  readonly startExperience: number;
  readonly endExperience: number;
}

interface OpenPost {
  leader: number;
  organisation: number;
  fromStep: number;
  toStep: number | null;
  startExperience: number;
  endExperience: number;
}

/** The posts of a run: the leaders in post at step 0 (leader i leads organisation i), and every leader since. */
export class PostLog {
  private readonly posts: OpenPost[] = [];
  /** The post each organisation's leader holds now (an index into posts). */
  private readonly current: Int32Array;

  /** Starts the log at step 0 of a world; `turnover` says whether its leaders can change (the leaders mechanism runs). */
  constructor(
    world: World,
    private readonly turnover: boolean,
  ) {
    const o = world.orgs;
    this.current = new Int32Array(o.n);
    for (let i = 0; i < o.n; i++) {
      this.current[i] = i;
      const experience = o.leaderExperience[i];
      this.posts.push({
        leader: i,
        organisation: i,
        fromStep: -o.leaderTenure[i],
        toStep: null,
        startExperience: experience,
        endExperience: experience,
      });
    }
  }

  /** Records, after a step, the leaders replaced in it and each sitting leader's experience. */
  observeInPlace(world: World, step: number): void {
    const o = world.orgs;
    for (let i = 0; i < o.n; i++) {
      const post = this.posts[this.current[i]];
      if (this.turnover && o.leaderTenure[i] === 0) {
        post.toStep = step;
        this.current[i] = this.posts.length;
        const experience = o.leaderExperience[i];
        this.posts.push({
          leader: this.posts.length,
          organisation: i,
          fromStep: step,
          toStep: null,
          startExperience: experience,
          endExperience: experience,
        });
      } else post.endExperience = o.leaderExperience[i];
    }
  }

  /** Returns the id of each organisation's leader now. */
  leaders(): Int32Array {
    return Int32Array.from(this.current, (post) => this.posts[post].leader);
  }

  /** Returns every post so far, in order of appearance. */
  records(): LeaderPost[] {
    return this.posts.map((post) => ({ ...post }));
  }
}
