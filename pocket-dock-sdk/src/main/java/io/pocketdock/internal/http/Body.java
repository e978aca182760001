package io.pocketdock.internal.http;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A request body: none, a fixed array of bytes, or a stream written while the request is sent. */
public sealed interface Body {

  /**
   * Returns the empty body.
   *
   * @return a body without content
   */
  static Body none() {
    return None.INSTANCE;
  }

  /**
   * Returns a JSON body, sent as UTF-8 with {@code Content-Type: application/json}.
   *
   * @param json the JSON text
   * @return the body
   */
  static Body json(String json) {
    return new Fixed(json.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  /**
   * Returns a body of bytes sent with a {@code Content-Length}.
   *
   * @param content the bytes; not copied, so do not modify them until the request is sent
   * @param contentType the media type, e.g. {@code application/x-tar}
   * @return the body
   */
  static Body bytes(byte[] content, String contentType) {
    return new Fixed(content, contentType);
  }

  /**
   * Returns a body produced while the request is sent, with {@code Transfer-Encoding: chunked}, so
   * that a large tar archive never has to be held in memory.
   *
   * @param contentType the media type
   * @param writer writes the content to the stream it is given; need not close it
   * @return the body
   */
  static Body stream(String contentType, IOConsumer<OutputStream> writer) {
    return new Streamed(contentType, writer);
  }

  /** The empty body. */
  enum None implements Body {
    /** The only instance. */
    INSTANCE
  }

  /**
   * A body whose length is known up front.
   *
   * @param content the bytes
   * @param contentType the media type
   */
  @SuppressWarnings("ArrayRecordComponent") // bytes handed over, not copied: see above
  record Fixed(byte[] content, String contentType) implements Body {

    /** Rejects null components and a content type that could inject header lines. */
    public Fixed {
      Objects.requireNonNull(content, "content");
      checkContentType(contentType);
    }
  }

  /**
   * A body written as it is sent.
   *
   * @param contentType the media type
   * @param writer writes the content
   */
  record Streamed(String contentType, IOConsumer<OutputStream> writer) implements Body {

    /** Rejects null components and a content type that could inject header lines. */
    public Streamed {
      checkContentType(contentType);
      Objects.requireNonNull(writer, "writer");
    }
  }

  private static void checkContentType(String contentType) {
    if (contentType.isEmpty() || !HttpSyntax.isFieldValue(contentType)) {
      throw new IllegalArgumentException("invalid content type: " + contentType);
    }
  }
}
