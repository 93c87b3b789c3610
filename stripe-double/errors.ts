/** The `error` object of a Stripe v1 error response. */
export interface StripeErrorBody {
  type: "invalid_request_error" | "idempotency_error" | "api_error" | "card_error";
  message: string;
  param?: string;
  code?: string;
  decline_code?: string;
  doc_url?: string;
}

/** Thrown inside the double; the router turns it into Stripe's JSON error response. */
export class DoubleApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
    this.name = "DoubleApiError";
  }
}

export function invalidRequest(message: string, param?: string, code?: string): DoubleApiError {
  const body: StripeErrorBody = { type: "invalid_request_error", message };
  if (param !== undefined) body.param = param;
  if (code !== undefined) {
    body.code = code;
    body.doc_url = `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`;
  }
  return new DoubleApiError(400, body);
}

export function unknownParam(param: string): DoubleApiError {
  return invalidRequest(`Received unknown parameter: ${param}`, param, "parameter_unknown");
}

export function missingParam(param: string): DoubleApiError {
  return invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
}

export function invalidParam(param: string, message: string): DoubleApiError {
  return invalidRequest(message, param, "parameter_invalid_string");
}

export function noSuchObject(kind: string, id: string, param = "id"): DoubleApiError {
  const err = invalidRequest(`No such ${kind}: '${id}'`, param, "resource_missing");
  return new DoubleApiError(404, err.body);
}

export function unrecognizedUrl(method: string, path: string): DoubleApiError {
  return new DoubleApiError(404, {
    type: "invalid_request_error",
    message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
  });
}
