import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { ProblemMessage } from "./ProblemMessage";

interface Props {
  /** The label of the button that opens the dialog, e.g. "Terminate". */
  label: string;
  /** The dialog's heading, e.g. "Terminate order-17?". */
  title: string;
  /** What the action does, and any fields it needs (the caller owns their state). */
  children?: ReactNode;
  /** The label of the confirm button (the action's label unless set). */
  confirmLabel?: string;
  /** Runs the request; the dialog closes when it resolves and shows the problem when it rejects. */
  onConfirm: () => Promise<unknown>;
  /** Called after a successful confirm (e.g. to refetch). */
  onDone?: () => void;
  /** Disables the opening button (e.g. the run is closed). */
  disabled?: boolean;
  /** Disables the confirm button (e.g. a required field is empty). */
  confirmDisabled?: boolean;
  /** Styles both buttons as destructive. */
  danger?: boolean;
}

/**
 * A button that asks for confirmation in a dialog before it runs an action. The confirm button is
 * disabled while the request runs and a second click (or Enter) in that time does nothing, so an
 * action cannot be submitted twice. A refusal stays in the dialog as the server's problem message.
 */
export function ConfirmAction({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  onDone,
  disabled,
  confirmDisabled,
  danger,
}: Props) {
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inFlight = useRef(false);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (open) cancel.current?.focus();
  }, [open]);

  const close = () => {
    if (inFlight.current) return;
    setOpen(false);
    setError(null);
    opener.current?.focus();
  };

  const confirm = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRunning(true);
    setError(null);
    try {
      await onConfirm();
      inFlight.current = false;
      setRunning(false);
      setOpen(false);
      opener.current?.focus();
      onDone?.();
    } catch (e) {
      inFlight.current = false;
      setRunning(false);
      setError(e);
    }
  };

  const kind = danger ? "button danger" : "button";
  return (
    <>
      <button
        ref={opener}
        type="button"
        className={kind}
        disabled={disabled || running}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      {open && (
        <div className="dialog-backdrop">
          <div
            role="dialog"
            aria-modal="true"
            aria-labelledby={titleId}
            className="dialog"
            onKeyDown={(e) => {
              if (e.key === "Escape") close();
            }}
          >
            <h2 id={titleId}>{title}</h2>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void confirm();
              }}
            >
              {children}
              {error !== null && <ProblemMessage error={error} />}
              <div className="dialog-buttons">
                <button ref={cancel} type="button" className="button" onClick={close} disabled={running}>
                  Cancel
                </button>
                <button type="submit" className={kind} disabled={running || confirmDisabled} aria-busy={running}>
                  {running ? `${confirmLabel ?? label}…` : (confirmLabel ?? label)}
                </button>
              </div>
            </form>
          </div>
        </div>
      )}
    </>
  );
}
