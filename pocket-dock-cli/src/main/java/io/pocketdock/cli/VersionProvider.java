package io.pocketdock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the CLI's version (stamped into the jar at build time) and the JVM's. */
public final class VersionProvider implements IVersionProvider {

  /** Used by picocli. */
  public VersionProvider() {}

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {
      "pocket-dock " + version(),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"
    };
  }

  /** The version from {@code version.properties}, or {@code unknown} in an unpackaged build. */
  static String version() throws IOException {
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    }
  }
}
