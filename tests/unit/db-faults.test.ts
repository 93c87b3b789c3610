import { describe, expect, it } from "vitest";
import { isRetryableRead } from "@/db/faults";

describe("isRetryableRead", () => {
  it("retries plain reads only", () => {
    expect(isRetryableRead("select * from campaigns where id = $1")).toBe(true);
    expect(isRetryableRead("with t as (select 1) select * from t")).toBe(true);
  });
  it("never retries a statement that writes or locks", () => {
    expect(isRetryableRead("insert into campaigns values ($1)")).toBe(false);
    expect(isRetryableRead("select * from ledger_accounts where code = $1 for update")).toBe(false);
    expect(isRetryableRead("with x as (update t set a = 1 returning *) select * from x")).toBe(false);
    // The ledger's one-statement post is a SELECT that writes.
    expect(isRetryableRead("SELECT entry_id, replayed FROM ledger_post_entry($1::text, $2::text)")).toBe(false);
  });
});
