/**
 * HTTP/1.1 over a Unix-domain socket, just enough for the container engine API.
 *
 * <p>{@link io.pocketdock.internal.http.UnixSocketTransport} opens one connection per request and
 * enforces a deadline on the whole exchange; {@link io.pocketdock.internal.http.HttpResponse}
 * decodes Content-Length, chunked and read-to-EOF bodies and gives access to a hijacked connection
 * for exec and attach. Parsing is strict and bounded, and every failure is an {@link
 * java.io.IOException}: {@link io.pocketdock.internal.http.HttpConnectException}, {@link
 * io.pocketdock.internal.http.HttpTimeoutException} or {@link
 * io.pocketdock.internal.http.HttpProtocolException}.
 */
@NullMarked
package io.pocketdock.internal.http;

import org.jspecify.annotations.NullMarked;
