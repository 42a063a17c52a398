import { render, screen } from "@testing-library/react";
import { ProblemMessage } from "./ProblemMessage";
import { ProblemError } from "../api/problem";

test("shows the problem's title, detail, field and value", () => {
  render(
    <ProblemMessage
      error={
        new ProblemError({
          type: "https://weft.dev/problems/invalid-field",
          title: "Invalid field",
          status: 400,
          detail: "pageSize must be in 1..1000",
          field: "pageSize",
          value: 5000,
        })
      }
    />,
  );
  const alert = screen.getByRole("alert");
  expect(alert.textContent).toContain("Invalid field");
  expect(alert.textContent).toContain("pageSize must be in 1..1000");
  expect(alert.querySelector(".problem-field")?.textContent).toBe("Field: pageSize (value 5000)");
});

test("an error that is not a problem is shown as a failed request with its message", () => {
  render(<ProblemMessage error={new TypeError("Failed to fetch")} />);
  const alert = screen.getByRole("alert");
  expect(alert.textContent).toContain("Request failed");
  expect(alert.textContent).toContain("Failed to fetch");
  expect(alert.querySelector(".problem-field")).toBeNull();
});
