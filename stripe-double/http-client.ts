import { Readable } from "node:stream";
import Stripe from "stripe";
import type { DoubleCore } from "./core";
import { handleHttp, type DoubleHttpResponse } from "./handle-http";

type RequestHeaders = Parameters<Stripe.HttpClient["makeRequest"]>[4];

class DoubleHttpClientResponse extends Stripe.HttpClientResponse {
  constructor(private readonly res: DoubleHttpResponse) {
    super(res.status, res.headers);
  }

  override getRawResponse(): object {
    return { statusCode: this.res.status, headers: this.res.headers };
  }

  override toStream(streamCompleteCallback: () => void): Readable {
    const stream = Readable.from([this.res.body]);
    stream.on("end", streamCompleteCallback);
    return stream;
  }

  override toJSON(): Promise<unknown> {
    // Parse asynchronously, like a real body read, so SDK error paths stay the same.
    return Promise.resolve().then(() => this._parseResponseBody(this.res.body) as unknown);
  }
}

/**
 * Lets the real SDK talk to the double without sockets: the SDK still builds the
 * form body, headers (incl. Idempotency-Key), errors and pagination itself.
 */
export class DoubleHttpClient extends Stripe.HttpClient {
  /** `observe` sees every response (the schema test validates each body). */
  constructor(
    private readonly double: DoubleCore,
    private readonly observe?: (res: DoubleHttpResponse, method: string, path: string) => void,
  ) {
    super();
  }

  override getClientName(): string {
    return "openbond-stripe-double";
  }

  override async makeRequest(
    _host: string,
    _port: string,
    path: string,
    method: string,
    headers: RequestHeaders,
    requestData: string,
  ): Promise<DoubleHttpClientResponse> {
    const res = handleHttp(this.double, method, path, headers, requestData ?? "");
    this.observe?.(res, method, path);
    return new DoubleHttpClientResponse(res);
  }
}
