import { z } from "zod";

/** The settings' shared parsing: an empty variable counts as unset. */
export const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
export const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
