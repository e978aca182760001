/*
 * pd-exec: pocket-dock's native fast-exec helper. One process per sandbox, started by one attached
 * exec; it runs any number of commands at once for the SDK and multiplexes their output.
 *
 * Protocol (all integers big-endian). Every frame, both ways:
 *   u32 length   bytes that follow (type + run + payload), at most MAX_FRAME
 *   u8  type
 *   u32 run      the run's id, chosen by the SDK (0 for HELLO)
 *   payload
 * Requests on stdin:  RUN  payload = str cwd (empty: the helper's), u32 n, n x str "NAME=value",
 *                     str command; a str is u32 length + bytes (no NUL inside).
 * Responses on stdout: HELLO (once, payload "pd-exec/1"), STARTED, OUT (bytes), ERR (bytes),
 *                      EXIT (u32 status: the code, or 128+n for signal n), NOTSTARTED (reason).
 * stdout carries only frames; stderr is unused. End of stdin ends the helper.
 *
 * A run is /bin/sh -c COMMAND in a new session, stdin /dev/null, stdout and stderr fresh pipes, in
 * the helper's environment with the run's entries added. It ends (EXIT) when the shell is reaped
 * and both pipes are at end of file, as with the engine's exec API.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

enum {
  REQ_RUN = 1,
  RSP_HELLO = 0x81,
  RSP_STARTED = 0x82,
  RSP_OUT = 0x83,
  RSP_ERR = 0x84,
  RSP_EXIT = 0x85,
  RSP_NOTSTARTED = 0x86,
};

#define MAX_FRAME (1u << 20) /* largest request accepted */
#define CHUNK 65536          /* largest OUT/ERR payload */
#define BIG_PIPE (1 << 20)   /* output pipe size asked for */
#define MAX_RUNS 1024
#define MAX_ENV 4096

extern char **environ;

struct run {
  uint32_t id;
  pid_t pid;      /* 0 once reaped */
  int out, err;   /* -1 at end of file */
  int status_fd;  /* exec status pipe, -1 once the start is known */
  int started;
  int exit_status;
};

static struct run runs[MAX_RUNS];
static int nruns;
static int sig_pipe[2];
static unsigned char out_buf[9 + CHUNK];

static void put32(unsigned char *p, uint32_t v) {
  p[0] = (unsigned char)(v >> 24);
  p[1] = (unsigned char)(v >> 16);
  p[2] = (unsigned char)(v >> 8);
  p[3] = (unsigned char)v;
}

static uint32_t get32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static void write_all(const unsigned char *p, size_t n) {
  while (n > 0) {
    ssize_t w = write(STDOUT_FILENO, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      _exit(1); /* the SDK went away */
    }
    p += w;
    n -= (size_t)w;
  }
}

static void frame(int type, uint32_t run, const void *payload, size_t len) {
  put32(out_buf, (uint32_t)(5 + len));
  out_buf[4] = (unsigned char)type;
  put32(out_buf + 5, run);
  if (len > 0 && payload != out_buf + 9) memcpy(out_buf + 9, payload, len);
  write_all(out_buf, 9 + len);
}

static void on_sigchld(int sig) {
  (void)sig;
  int saved = errno;
  char b = 0;
  (void)!write(sig_pipe[1], &b, 1);
  errno = saved;
}

static void set_flags(int fd, int fl) {
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | fl);
}

static void not_started(uint32_t id, const char *what, int err) {
  char msg[256];
  int n = snprintf(msg, sizeof msg, "%s: %s", what, strerror(err));
  frame(RSP_NOTSTARTED, id, msg, n < 0 ? 0 : (size_t)n < sizeof msg ? (size_t)n : sizeof msg - 1);
}

/* Reads a length-prefixed string at *p (bounded by end) as a fresh NUL-terminated copy. */
static char *take_str(const unsigned char **p, const unsigned char *end) {
  if (end - *p < 4) return NULL;
  uint32_t n = get32(*p);
  *p += 4;
  if ((uint32_t)(end - *p) < n || memchr(*p, 0, n) != NULL) return NULL;
  char *s = malloc(n + 1);
  if (s == NULL) return NULL;
  memcpy(s, *p, n);
  s[n] = 0;
  *p += n;
  return s;
}

/* The helper's environment with the run's entries added; a run entry replaces one of the same name. */
static char **run_env(char **entries, uint32_t n) {
  size_t base = 0;
  while (environ[base] != NULL) base++;
  char **env = calloc(base + n + 1, sizeof *env);
  if (env == NULL) return NULL;
  size_t k = 0;
  for (size_t i = 0; i < base; i++) {
    const char *eq = strchr(environ[i], '=');
    size_t name = eq ? (size_t)(eq - environ[i]) : strlen(environ[i]);
    int replaced = 0;
    for (uint32_t j = 0; j < n && !replaced; j++) {
      replaced = strncmp(entries[j], environ[i], name) == 0 && entries[j][name] == '=';
    }
    if (!replaced) env[k++] = environ[i];
  }
  for (uint32_t j = 0; j < n; j++) env[k++] = entries[j];
  env[k] = NULL;
  return env;
}

static void start_run(uint32_t id, const unsigned char *p, const unsigned char *end) {
  char *cwd = NULL, *cmd = NULL, **entries = NULL, **env = NULL;
  uint32_t n = 0, got = 0;
  int op[2] = {-1, -1}, ep[2] = {-1, -1}, sp[2] = {-1, -1};
  cwd = take_str(&p, end);
  if (cwd == NULL || end - p < 4) goto malformed;
  n = get32(p);
  p += 4;
  if (n > MAX_ENV) goto malformed;
  entries = calloc(n + 1, sizeof *entries);
  if (entries == NULL) goto malformed;
  for (; got < n; got++) {
    entries[got] = take_str(&p, end);
    if (entries[got] == NULL || strchr(entries[got], '=') == NULL) goto malformed;
  }
  cmd = take_str(&p, end);
  if (cmd == NULL || p != end) goto malformed;
  if (nruns == MAX_RUNS) {
    not_started(id, "too many runs", EAGAIN);
    goto done;
  }
  env = run_env(entries, n);
  if (env == NULL) {
    not_started(id, "environment", ENOMEM);
    goto done;
  }
  if (pipe2(op, O_CLOEXEC) < 0 || pipe2(ep, O_CLOEXEC) < 0 || pipe2(sp, O_CLOEXEC) < 0) {
    not_started(id, "pipe", errno);
    goto done;
  }
  /* Bigger output pipes: fewer switches between the command and the helper on a busy machine
   * (best effort: the kernel's pipe-max-size and the user's pipe quota may refuse). */
  (void)fcntl(op[0], F_SETPIPE_SZ, BIG_PIPE);
  pid_t pid = fork();
  if (pid < 0) {
    not_started(id, "fork", errno);
    goto done;
  }
  if (pid == 0) {
    /* The child: only async-signal-safe calls until execve. */
    int step = 0;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    signal(SIGCHLD, SIG_DFL);
    setsid();
    int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null < 0 || dup2(null, 0) < 0 || dup2(op[1], 1) < 0 || dup2(ep[1], 2) < 0) step = 1;
    if (step == 0 && cwd[0] != 0 && chdir(cwd) < 0) step = 2;
    if (step == 0) {
      char *argv[] = {"sh", "-c", cmd, NULL};
      execve("/bin/sh", argv, env);
      step = 3;
    }
    unsigned char msg[5] = {(unsigned char)step};
    put32(msg + 1, (uint32_t)errno);
    (void)!write(sp[1], msg, sizeof msg);
    _exit(127);
  }
  close(op[1]);
  close(ep[1]);
  close(sp[1]);
  set_flags(op[0], O_NONBLOCK);
  set_flags(ep[0], O_NONBLOCK);
  runs[nruns++] = (struct run){id, pid, op[0], ep[0], sp[0], 0, 0};
  op[0] = ep[0] = sp[0] = -1;
  op[1] = ep[1] = sp[1] = -1;
  goto done;
malformed:
  not_started(id, "malformed request", EINVAL);
done:
  for (int i = 0; i < 2; i++) {
    if (op[i] >= 0) close(op[i]);
    if (ep[i] >= 0) close(ep[i]);
    if (sp[i] >= 0) close(sp[i]);
  }
  free(env);
  if (entries != NULL) {
    for (uint32_t j = 0; j < got + 1 && j <= n; j++) free(entries[j]);
    free(entries);
  }
  free(cwd);
  free(cmd);
}

/*
 * Learns whether the run's execve happened (the status pipe closes) or failed (the child wrote why).
 * Called when the status pipe is readable, and before anything else is reported for the run, so
 * STARTED always comes first. Blocks only until the child has exec'd or failed, which is immediate
 * once the pipe is readable, or once the child produced output or exited.
 * Returns 0 when the run never started (it is then over: NOTSTARTED was sent).
 */
static int settle(struct run *r) {
  if (r->status_fd < 0) return r->started;
  unsigned char msg[5];
  ssize_t n;
  do {
    n = read(r->status_fd, msg, sizeof msg);
  } while (n < 0 && errno == EINTR);
  close(r->status_fd);
  r->status_fd = -1;
  if (n == (ssize_t)sizeof msg) {
    static const char *what[] = {"start", "redirect", "chdir", "execve /bin/sh"};
    not_started(r->id, what[msg[0] < 4 ? msg[0] : 0], (int)get32(msg + 1));
    return 0;
  }
  r->started = 1;
  frame(RSP_STARTED, r->id, NULL, 0);
  return 1;
}

static void drain(struct run *r, int *fd, int type) {
  ssize_t n;
  do {
    n = read(*fd, out_buf + 9, CHUNK);
  } while (n < 0 && errno == EINTR);
  if (n > 0) {
    if (settle(r)) frame(type, r->id, out_buf + 9, (size_t)n);
  } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
    close(*fd);
    *fd = -1;
  }
}

static void reap(void) {
  int status;
  pid_t pid;
  while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
    for (int i = 0; i < nruns; i++) {
      if (runs[i].pid == pid) {
        runs[i].pid = 0;
        runs[i].exit_status = WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
      }
    }
  }
}

/* Sends EXIT for runs that are over and forgets them. */
static void finish(void) {
  for (int i = 0; i < nruns;) {
    struct run *r = &runs[i];
    if (r->pid == 0 && r->out < 0 && r->err < 0) {
      if (settle(r)) {
        unsigned char code[4];
        put32(code, (uint32_t)r->exit_status);
        frame(RSP_EXIT, r->id, code, 4);
      }
      runs[i] = runs[--nruns];
    } else if (r->pid == 0 && r->status_fd >= 0 && !settle(r)) {
      /* Failed before execve: its pipes hold nothing of a command. */
      if (r->out >= 0) close(r->out);
      if (r->err >= 0) close(r->err);
      runs[i] = runs[--nruns];
    } else {
      i++;
    }
  }
}

int main(void) {
  signal(SIGPIPE, SIG_IGN);
  if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0) return 1;
  (void)fcntl(STDOUT_FILENO, F_SETPIPE_SZ, BIG_PIPE); /* the engine's pipe, when it is one */
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_sigchld;
  sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGCHLD, &sa, NULL);
  fcntl(STDIN_FILENO, F_SETFD, FD_CLOEXEC);
  fcntl(STDOUT_FILENO, F_SETFD, FD_CLOEXEC);
  fcntl(STDERR_FILENO, F_SETFD, FD_CLOEXEC);

  static const char hello[] = "pd-exec/1";
  frame(RSP_HELLO, 0, hello, sizeof hello - 1);

  size_t cap = 65536, have = 0;
  unsigned char *in = malloc(cap);
  if (in == NULL) return 1;
  static struct pollfd fds[2 + 3 * MAX_RUNS];
  for (;;) {
    int nfds = 0;
    fds[nfds++] = (struct pollfd){STDIN_FILENO, POLLIN, 0};
    fds[nfds++] = (struct pollfd){sig_pipe[0], POLLIN, 0};
    for (int i = 0; i < nruns; i++) {
      fds[nfds++] = (struct pollfd){runs[i].out, POLLIN, 0};
      fds[nfds++] = (struct pollfd){runs[i].err, POLLIN, 0};
      fds[nfds++] = (struct pollfd){runs[i].status_fd, POLLIN, 0}; /* -1 once settled: ignored */
    }
    if (poll(fds, (nfds_t)nfds, -1) < 0) {
      if (errno == EINTR) continue;
      return 1;
    }
    if (fds[1].revents) {
      char b[64];
      while (read(sig_pipe[0], b, sizeof b) > 0) {
      }
      reap();
    }
    /* Runs only, by their position when polled: finish() below may reorder them. */
    for (int i = 0, f = 2; i < nruns; i++, f += 3) {
      /* STARTED as soon as the command is exec'd, even if it stays silent (a caller that loses the
       * helper then knows the command ran and must not be run again another way). */
      if (runs[i].status_fd >= 0 && fds[f + 2].revents) settle(&runs[i]);
      if (runs[i].out >= 0 && fds[f].revents) drain(&runs[i], &runs[i].out, RSP_OUT);
      if (runs[i].err >= 0 && fds[f + 1].revents) drain(&runs[i], &runs[i].err, RSP_ERR);
    }
    reap();
    finish();
    if (fds[0].revents) {
      if (have == cap) {
        size_t want = cap * 2;
        unsigned char *bigger = want <= 2 * (MAX_FRAME + 4) ? realloc(in, want) : NULL;
        if (bigger == NULL) return 1;
        in = bigger;
        cap = want;
      }
      ssize_t n = read(STDIN_FILENO, in + have, cap - have);
      if (n == 0) return 0; /* the SDK closed the channel */
      if (n < 0) {
        if (errno == EINTR || errno == EAGAIN) continue;
        return 1;
      }
      have += (size_t)n;
      size_t pos = 0;
      while (have - pos >= 4) {
        uint32_t len = get32(in + pos);
        if (len < 5 || len > MAX_FRAME) return 2; /* not our protocol: stop */
        if (have - pos - 4 < len) break;
        const unsigned char *f = in + pos + 4;
        if (f[0] == REQ_RUN) {
          start_run(get32(f + 1), f + 5, f + len);
        } else {
          not_started(get32(f + 1), "unknown request", EINVAL);
        }
        pos += 4 + len;
      }
      memmove(in, in + pos, have - pos);
      have -= pos;
    }
  }
}
