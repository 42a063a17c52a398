import { render, screen } from "@testing-library/react";
import { DataVersion } from "./DataVersion";

test("a long data version is shortened with the whole one in its title; a short one is shown whole", () => {
  const hash = "843343d78a48938e9f6b89fe4f6a4bac";
  render(
    <>
      <DataVersion value={hash} />
      <DataVersion value="dv-1" />
      <DataVersion value={undefined} />
    </>,
  );
  expect(screen.getByTitle(hash).textContent).toBe("843343d78a48…");
  expect(screen.getByText("dv-1").getAttribute("title")).toBe("dv-1");
  expect(screen.getByText("—")).toBeTruthy();
});
