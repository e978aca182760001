package io.pocketdock;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container port published on the host. By default it listens on {@code 127.0.0.1} only, so a
 * sandbox is never reachable from the network unless you say so with {@link #onAllInterfaces()}.
 *
 * <pre>{@code
 * PortMapping.of(8080, 8000)                 // 127.0.0.1:8080 -> 8000/tcp
 * PortMapping.parse("0.0.0.0:5353:53/udp")   // the CLI's -p syntax
 * }</pre>
 *
 * <p>A spec with ports gets a network (a port needs one); asking for ports with {@code
 * network(false)} is refused.
 *
 * @param hostPort the host port, 1 to 65535
 * @param containerPort the port inside the sandbox, 1 to 65535
 * @param protocol {@code tcp} or {@code udp}
 * @param hostIp the host address to listen on ({@code 127.0.0.1} by default)
 */
public record PortMapping(int hostPort, int containerPort, String protocol, String hostIp) {

  /** The address ports are published on unless asked otherwise. */
  public static final String LOOPBACK = "127.0.0.1";

  private static final Pattern FORMAT =
      Pattern.compile("(?:(\\[[0-9a-fA-F:]+\\]|[0-9.]+):)?(\\d+):(\\d+)(?:/(tcp|udp))?");
  private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9a-fA-F:]+");

  /** Validates ranges, protocol and address. */
  public PortMapping {
    checkPort("host", hostPort);
    checkPort("container", containerPort);
    protocol = protocol.toLowerCase(Locale.ROOT);
    if (!protocol.equals("tcp") && !protocol.equals("udp")) {
      throw InvalidArgumentException.of("port", "protocol must be tcp or udp, got '" + protocol + "'");
    }
    if (!IP.matcher(hostIp).matches()) {
      throw InvalidArgumentException.of("port", "not an IP address: '" + hostIp + "'");
    }
  }

  private static void checkPort(String which, int port) {
    if (port < 1 || port > 65535) {
      throw InvalidArgumentException.of(
          "port", which + " port must be between 1 and 65535, got " + port);
    }
  }

  /** TCP {@code containerPort} published on {@code 127.0.0.1:hostPort}. */
  public static PortMapping of(int hostPort, int containerPort) {
    return new PortMapping(hostPort, containerPort, "tcp", LOOPBACK);
  }

  /**
   * Parses {@code [hostIp:]hostPort:containerPort[/tcp|udp]}; IPv6 addresses in brackets.
   *
   * @throws InvalidArgumentException when the text has another shape or a value is out of range
   */
  public static PortMapping parse(String text) {
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      throw new InvalidArgumentException(
          "port",
          "not a port mapping: '" + text + "'",
          "write HOST:CONTAINER, e.g. 8080:80, or IP:HOST:CONTAINER/udp");
    }
    String ip = m.group(1) == null ? LOOPBACK : m.group(1).replace("[", "").replace("]", "");
    String proto = m.group(4) == null ? "tcp" : m.group(4);
    try {
      return new PortMapping(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), proto, ip);
    } catch (NumberFormatException e) {
      throw InvalidArgumentException.of("port", "port number out of range in '" + text + "'");
    }
  }

  /** The same mapping, listening on every host interface ({@code 0.0.0.0}). */
  public PortMapping onAllInterfaces() {
    return new PortMapping(hostPort, containerPort, protocol, "0.0.0.0");
  }

  /** {@code hostIp:hostPort:containerPort/protocol}; parsed back by {@link #parse}. */
  @Override
  public String toString() {
    String ip = hostIp.contains(":") ? "[" + hostIp + "]" : hostIp;
    return ip + ":" + hostPort + ":" + containerPort + "/" + protocol;
  }
}
