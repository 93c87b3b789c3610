"use client";
/** Ticks or clears every name in the list, for approving or hiding a page of names at once. */
import type { ChangeEvent } from "react";

export function SelectAll() {
  function toggle(e: ChangeEvent<HTMLInputElement>) {
    const form = e.currentTarget.form;
    for (const box of form?.querySelectorAll<HTMLInputElement>('input[name="donationId"]') ?? []) {
      box.checked = e.currentTarget.checked;
    }
  }
  return (
    <label className="flex items-center gap-1">
      <input type="checkbox" onChange={toggle} className="h-5 w-5 accent-brand" aria-label="Select all names" />
      <span className="sr-only sm:not-sr-only">All</span>
    </label>
  );
}
