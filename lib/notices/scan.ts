/**
 * A notice's scan: the type is read from the file's first bytes (never from its
 * name or the browser's claim), the size is capped, and the bytes are stored
 * encrypted with the case-file keyring, bound to the notice by the AAD.
 */
import { caseFileKeys } from "@/lib/case-files/keys";
import { AppError } from "@/lib/errors";
import { decryptJson, encryptJson } from "@/lib/privacy/case-file-crypto";

export const MAX_SCAN_BYTES = 10 * 1024 * 1024;
export type ScanMime = "application/pdf" | "image/jpeg" | "image/png";

const MAGIC: { mime: ScanMime; bytes: number[] }[] = [
  { mime: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { mime: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The scan's type from its content; refuses anything else and anything over the limit. */
export function sniffScan(bytes: Uint8Array): ScanMime {
  if (bytes.length === 0) throw new AppError("validation", "The scan is empty: attach the PDF, JPEG or PNG file.");
  if (bytes.length > MAX_SCAN_BYTES)
    throw new AppError(
      "validation",
      `The scan is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is 10 MB. Scan at a lower resolution or in grey.`,
    );
  const found = MAGIC.find((m) => m.bytes.every((b, i) => bytes[i] === b));
  if (!found)
    throw new AppError("validation", "The scan is not a PDF, JPEG or PNG file (checked by its content, not its name).");
  return found.mime;
}

const aad = (noticeId: string) => `notice-scan:${noticeId}`;

export function sealScan(noticeId: string, bytes: Uint8Array): string {
  return encryptJson(Buffer.from(bytes).toString("base64"), caseFileKeys().keyring, aad(noticeId));
}

export function openScan(noticeId: string, envelope: string): Buffer {
  return Buffer.from(decryptJson<string>(envelope, caseFileKeys().keyring, aad(noticeId)), "base64");
}
