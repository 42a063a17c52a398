import { errorPosition, splitOrderBy, statusLabel, withStatus } from "./filterQuery";

test("splitOrderBy keeps ORDER BY inside quotes and parentheses in the condition", () => {
  expect(splitOrderBy("WorkflowType = 'A' ORDER BY StartTime DESC")).toEqual({
    where: "WorkflowType = 'A'",
    orderBy: "ORDER BY StartTime DESC",
  });
  expect(splitOrderBy("WorkflowId = 'x ORDER BY y'")).toEqual({ where: "WorkflowId = 'x ORDER BY y'", orderBy: "" });
  expect(splitOrderBy("order by StartTime")).toEqual({ where: "", orderBy: "order by StartTime" });
  expect(splitOrderBy("  ")).toEqual({ where: "", orderBy: "" });
  expect(splitOrderBy("WorkflowId = 'BORDER BY'")).toEqual({ where: "WorkflowId = 'BORDER BY'", orderBy: "" });
});

test("withStatus narrows the condition to a status and drops the order", () => {
  expect(withStatus("", "RUNNING")).toBe("ExecutionStatus = 'RUNNING'");
  expect(withStatus("WorkflowType = 'A' OR TaskQueue = 'q' ORDER BY StartTime", "FAILED")).toBe(
    "(WorkflowType = 'A' OR TaskQueue = 'q') AND ExecutionStatus = 'FAILED'",
  );
});

test("errorPosition reads the position the server's detail names", () => {
  expect(
    errorPosition("invalid list query \"WorkflowType = \": unexpected end at position 15: expected a value"),
  ).toBe(15);
  expect(errorPosition("unknown field 'Foo'")).toBeNull();
});

test("statusLabel", () => {
  expect(statusLabel("CONTINUED_AS_NEW")).toBe("Continued as new");
  expect(statusLabel("RUNNING")).toBe("Running");
});
