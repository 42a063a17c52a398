import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ConfirmAction } from "./ConfirmAction";
import { ProblemError } from "../api/problem";

function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

test("asks before it runs, disables confirm while the request runs and never submits twice", async () => {
  const pending = deferred();
  let calls = 0;
  const onDone = vi.fn();
  render(
    <ConfirmAction label="Terminate" title="Terminate order-1?" onConfirm={() => { calls++; return pending.promise; }} onDone={onDone} danger>
      <p>The run stops at once.</p>
    </ConfirmAction>,
  );
  await userEvent.click(screen.getByRole("button", { name: "Terminate" }));
  expect(calls).toBe(0);
  const dialog = screen.getByRole("dialog", { name: "Terminate order-1?" });
  expect(dialog.textContent).toContain("The run stops at once.");

  // the opener and the confirm button share the label; the confirm button is the dialog's submit
  const inDialog = dialog.querySelector("button[type=submit]") as HTMLButtonElement;
  expect(inDialog.textContent).toBe("Terminate");
  fireEvent.click(inDialog);
  fireEvent.click(inDialog);
  fireEvent.submit(inDialog.form!);
  expect(calls).toBe(1);
  await waitFor(() => expect(inDialog.disabled).toBe(true));

  pending.resolve();
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(calls).toBe(1);
  expect(onDone).toHaveBeenCalledTimes(1);
});

test("a refusal stays in the dialog with the problem's title and detail, and can be retried", async () => {
  let calls = 0;
  render(
    <ConfirmAction
      label="Cancel run"
      title="Cancel order-2?"
      confirmLabel="Yes, cancel"
      onConfirm={async () => {
        calls++;
        if (calls === 1) {
          throw new ProblemError({ type: "https://weft.dev/problems/workflow-not-running", title: "Workflow not running", status: 409, detail: "order-2 already completed" });
        }
      }}
    />,
  );
  await userEvent.click(screen.getByRole("button", { name: "Cancel run" }));
  await userEvent.click(screen.getByRole("button", { name: "Yes, cancel" }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toContain("Workflow not running");
  expect(alert.textContent).toContain("order-2 already completed");
  expect(screen.getByRole("dialog")).toBeTruthy();
  await userEvent.click(screen.getByRole("button", { name: "Yes, cancel" }));
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  expect(calls).toBe(2);
});

test("Escape and Cancel close the dialog without running the action", async () => {
  const onConfirm = vi.fn(async () => {});
  render(<ConfirmAction label="Pause" title="Pause order-3?" onConfirm={onConfirm} />);
  await userEvent.click(screen.getByRole("button", { name: "Pause" }));
  expect(document.activeElement?.textContent).toBe("Cancel");
  await userEvent.keyboard("{Escape}");
  expect(screen.queryByRole("dialog")).toBeNull();
  await userEvent.click(screen.getByRole("button", { name: "Pause" }));
  await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
  expect(screen.queryByRole("dialog")).toBeNull();
  expect(onConfirm).not.toHaveBeenCalled();
});
