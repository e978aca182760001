package io.pocketdock;

import java.nio.charset.StandardCharsets;

/**
 * Who owns the files pocket-dock writes into a container: the container's configured user
 * ({@code Config.User}: {@code name}, {@code uid}, {@code name:group} or {@code uid:gid}), looked up
 * in the container's {@code /etc/passwd} and {@code /etc/group}. An empty user is root. A name that
 * cannot be found falls back to 1000:1000 {@code sandbox}, the user pocket-dock's images run as.
 *
 * @param uid the numeric user id
 * @param gid the numeric group id
 * @param user the user name (empty when unknown)
 * @param group the group name (empty when unknown)
 */
record ContainerOwner(long uid, long gid, String user, String group) {
  static final ContainerOwner ROOT = new ContainerOwner(0, 0, "root", "root");
  static final ContainerOwner SANDBOX = new ContainerOwner(1000, 1000, "sandbox", "sandbox");

  /** Resolves {@code configUser} with the given passwd and group files (empty when unreadable). */
  static ContainerOwner resolve(String configUser, byte[] passwd, byte[] group) {
    String spec = configUser.trim();
    if (spec.isEmpty()) {
      return ROOT;
    }
    int colon = spec.indexOf(':');
    String userPart = colon < 0 ? spec : spec.substring(0, colon);
    String groupPart = colon < 0 ? null : spec.substring(colon + 1);
    String[] pw = find(passwd, userPart, isNumber(userPart) ? 2 : 0);
    long uid;
    long gid;
    String user;
    if (pw != null && pw.length > 3 && isNumber(pw[2]) && isNumber(pw[3])) {
      uid = Long.parseLong(pw[2]);
      gid = Long.parseLong(pw[3]);
      user = pw[0];
    } else if (isNumber(userPart)) {
      uid = Long.parseLong(userPart);
      gid = uid;
      user = "";
    } else {
      return SANDBOX;
    }
    String groupName = "";
    if (groupPart != null && !groupPart.isEmpty()) {
      String[] gr = find(group, groupPart, isNumber(groupPart) ? 2 : 0);
      if (gr != null && gr.length > 2 && isNumber(gr[2])) {
        gid = Long.parseLong(gr[2]);
        groupName = gr[0];
      } else if (isNumber(groupPart)) {
        gid = Long.parseLong(groupPart);
      }
    } else {
      String[] gr = find(group, Long.toString(gid), 2);
      groupName = gr != null ? gr[0] : "";
    }
    return new ContainerOwner(uid, gid, user, groupName);
  }

  /** The first line of a colon-separated database whose field {@code field} equals {@code key}. */
  private static String @org.jspecify.annotations.Nullable [] find(byte[] db, String key, int field) {
    for (String line : new String(db, StandardCharsets.UTF_8).split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length > field && fields[field].equals(key)) {
        return fields;
      }
    }
    return null;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
