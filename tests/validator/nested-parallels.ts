/** Deep-nesting fixtures shared by the validator's and the CLI's tests. */

/** `levels` Parallels, each the only state of the previous one's branch, as JSON text (built as text). */
export function nestedParallels(levels: number): string {
  let open = "";
  let close = "";
  for (let i = 0; i < levels; i++) {
    open += `{"StartAt":"P${i}","States":{"P${i}":{"Type":"Parallel","End":true,"Branches":[`;
    close = "]}}}" + close;
  }
  return open + '{"StartAt":"F","States":{"F":{"Type":"Pass","End":true}}}' + close;
}
