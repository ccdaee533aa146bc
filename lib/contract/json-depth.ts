// How deeply a JSON value nests, measured without recursion: a payload of a few thousand nested
// arrays parses fine (JSON.parse is iterative) but would overflow the stack of any recursive walk
// after it (JSON.stringify among them), which a sender would see as a 500 and retry forever. So
// the depth is checked first, and everything after may walk the value.
/** Levels of nested arrays and objects a webhook payload may have; the payload itself is level 1. */
export const MAX_PAYLOAD_DEPTH = 64;

/** Whether `value` nests arrays/objects more than `maxDepth` levels deep. Stops at the first too-deep level. */
export function exceedsJsonDepth(value: unknown, maxDepth: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (current === null || typeof current !== "object") continue;
    if (depth > maxDepth) return true;
    for (const item of Array.isArray(current) ? current : Object.values(current)) {
      if (item !== null && typeof item === "object") stack.push([item, depth + 1]);
    }
  }
  return false;
}
