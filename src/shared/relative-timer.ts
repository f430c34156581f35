/** An element that shows relative dates ("il y a 5 minutes") and is updated when they move on. */
interface Updatable {
  requestUpdate(): void;
}

/**
 * The elements showing relative dates, refreshed every minute by one timer for all of them, as GitHub's
 * relative-time-element does: a page of 50 teasers and a thread of comments run one interval, not one each. It
 * stops with the last.
 */
const watched = new Set<Updatable>();
let timer: ReturnType<typeof setInterval> | undefined;

/** Adds `element` to the elements refreshed every minute (`watch`), or takes it out. */
export function watchRelative(element: Updatable, watch: boolean): void {
  if (watch) watched.add(element);
  else watched.delete(element);
  if (watched.size && !timer) {
    timer = setInterval(() => watched.forEach((each) => each.requestUpdate()), 60_000);
  } else if (!watched.size && timer) {
    clearInterval(timer);
    timer = undefined;
  }
}
