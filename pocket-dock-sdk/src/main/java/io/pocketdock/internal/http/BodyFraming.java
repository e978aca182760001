package io.pocketdock.internal.http;

import java.io.Closeable;
import java.util.List;

/** Decides how a response body is delimited, per RFC 9112 section 6.3. */
final class BodyFraming {

  private BodyFraming() {}

  static BodyStream open(
      HttpRequest request,
      ResponseHead head,
      ConnectionInput in,
      Runnable onEnd,
      Closeable response)
      throws HttpProtocolException {
    int status = head.status();
    if (status == 101) {
      // The connection now belongs to the caller; its bytes are the exec/attach stream.
      return new UntilEofBody(in, onEnd, response);
    }
    if (request.method().equals("HEAD") || status == 204 || status == 304) {
      BodyStream empty = new FixedLengthBody(in, 0, onEnd, response);
      empty.end();
      return empty;
    }
    List<String> codings = head.headers().get("Transfer-Encoding");
    if (codings != null) {
      if (codings.size() != 1 || !codings.get(0).equalsIgnoreCase("chunked")) {
        throw new HttpProtocolException(
            "unsupported Transfer-Encoding " + String.join(", ", codings));
      }
      // Transfer-Encoding overrides any Content-Length, which a compliant server would not send.
      return new ChunkedBody(in, onEnd, response);
    }
    List<String> lengths = head.headers().get("Content-Length");
    if (lengths != null) {
      BodyStream fixed = new FixedLengthBody(in, contentLength(lengths), onEnd, response);
      if (fixed.complete()) {
        fixed.end();
      }
      return fixed;
    }
    return new UntilEofBody(in, onEnd, response);
  }

  /** Parses Content-Length, which may repeat only with the same value. */
  static long contentLength(List<String> values) throws HttpProtocolException {
    long length = -1;
    for (String value : values) {
      for (String part : value.split(",", -1)) {
        long parsed = parseDigits(part.strip());
        if (parsed < 0 || (length >= 0 && parsed != length)) {
          throw new HttpProtocolException("invalid Content-Length " + String.join(", ", values));
        }
        length = parsed;
      }
    }
    return length;
  }

  private static long parseDigits(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
