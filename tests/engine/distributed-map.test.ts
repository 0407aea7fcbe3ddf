/**
 * Distributed Map beyond the conformance cases: child executions keep their own histories, and a
 * raw S3 ListObjectsV2 response becomes the item shape AWS documents
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html:
 * `{"Etag", "Key", "LastModified": <epoch seconds>, "Size", "StorageClass"}`).
 */
import { describe, expect, it } from "vitest";
import { compileStateMachine, Execution, type TaskResolver } from "../../grader/engine/index.ts";
import { parseCsv } from "../../grader/engine/item-reader.ts";

const distributedMap = (extra: Record<string, unknown>) => ({
  StartAt: "Cada",
  States: {
    Cada: {
      Type: "Map",
      ItemProcessor: {
        ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
        StartAt: "Processar",
        States: { Processar: { Type: "Pass", End: true } },
      },
      End: true,
      ...extra,
    },
  },
});

describe("Distributed Map", () => {
  it("runs each child as an execution with its own history, outside the parent's", async () => {
    const machine = compileStateMachine(distributedMap({}));
    const execution = Execution.start(machine, [{ n: 1 }, { n: 2 }]);
    const result = await execution.settle();
    expect(result.status).toBe("SUCCEEDED");
    expect(result.output).toEqual([{ n: 1 }, { n: 2 }]);
    expect(result.events.map((event) => event.type)).not.toContain("PassStateEntered");
    const children = Object.values(execution.record.childExecutions ?? {});
    expect(children).toHaveLength(2);
    for (const child of children) {
      expect(child.status).toBe("SUCCEEDED");
      expect(child.events.map((event) => event.type)).toEqual([
        "ExecutionStarted",
        "PassStateEntered",
        "PassStateExited",
        "ExecutionSucceeded",
      ]);
      expect(child.mapRunArn).toMatch(/^arn:aws:states:us-east-1:123456789012:mapRun:StateMachine\/Cada:/);
    }
  });

  it("turns a raw ListObjectsV2 response into AWS's documented item shape", async () => {
    const machine = compileStateMachine(
      distributedMap({
        ItemReader: {
          Resource: "arn:aws:states:::s3:listObjectsV2",
          Parameters: { Bucket: "logs", Prefix: "2026/" },
        },
      }),
    );
    const resolveTask: TaskResolver = () => ({
      kind: "success",
      output: {
        Contents: [
          {
            Key: "2026/a.log",
            ETag: '"e1"',
            LastModified: "2026-01-01T00:00:10.000Z",
            Size: 5,
            StorageClass: "STANDARD",
          },
        ],
      },
    });
    const result = await Execution.start(machine, {}, { resolveTask }).settle();
    expect(result.output).toEqual([
      { Key: "2026/a.log", Etag: '"e1"', LastModified: 1767225610, Size: 5, StorageClass: "STANDARD" },
    ]);
  });
});

describe("CSV reading", () => {
  it("handles quoted delimiters, doubled quotes, CRLF and a missing final newline", () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n1,2', ",")).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["1", "2"],
    ]);
  });
});
