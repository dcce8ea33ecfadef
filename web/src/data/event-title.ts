/** How an event is named in lists, on the timeline and in the graph: its description's first line, else its id. */
export function titleOf(event: { id: string; description: string }): string {
  return event.description.split('\n', 1)[0] || event.id;
}
