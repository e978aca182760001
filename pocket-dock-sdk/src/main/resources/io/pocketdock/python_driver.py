# pocket-dock's Python interpreter driver: runs cells that share one namespace.
#
# Started as `python3 -u -c <this file> <marker> <artifact-limit> <output-limit>` with stdin and
# stdout attached. Requests arrive on stdin, one JSON object per line: {"cell": n, "code": "..."}.
# Each answer is one line on the original stdout, "<marker> <json>", where marker is a random
# string the host chose; anything else on stdout (stray output of a background thread between
# cells) is not an answer. While a cell runs, file descriptors 1 and 2 point at per-cell files,
# so output of subprocesses and C extensions is captured too, not only print().
import ast, base64, io, json, linecache, os, signal, sys, tempfile, time, traceback

MARKER = sys.argv[1]
ARTIFACT_LIMIT = int(sys.argv[2])
OUTPUT_LIMIT = int(sys.argv[3])
MAX_ARTIFACTS = 32
SCAN_LIMIT = 5000
HOME = os.path.expanduser("~")
ARTIFACT_ROOT = os.path.join(HOME, ".pd-artifacts")

answers = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
# Requests come on a private copy of stdin; cells and their subprocesses read an empty stdin.
requests = os.fdopen(os.dup(0), "rb")
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
sys.stdin = io.TextIOWrapper(io.BytesIO(b""))
namespace = {"__name__": "__main__", "__builtins__": __builtins__}
os.environ.setdefault("MPLBACKEND", "Agg")


def answer(obj):
    answers.write(MARKER + " " + json.dumps(obj, ensure_ascii=True) + "\n")
    answers.flush()


def snapshot(root):
    """Path -> (mtime_ns, size) of regular files under root, skipping hidden directories."""
    seen = {}
    for top, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        for f in files:
            p = os.path.join(top, f)
            try:
                st = os.stat(p, follow_symlinks=False)
            except OSError:
                continue
            seen[p] = (st.st_mtime_ns, st.st_size)
            if len(seen) >= SCAN_LIMIT:
                return seen
    return seen


def save_figures(cell):
    """Saves open matplotlib figures as PNG files (only if the cell used pyplot)."""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None:
        return []
    out = []
    try:
        nums = list(plt.get_fignums())
        if nums:
            target = os.path.join(ARTIFACT_ROOT, "cell-%d" % cell)
            os.makedirs(target, exist_ok=True)
            for n in nums:
                p = os.path.join(target, "figure-%d.png" % n)
                plt.figure(n).savefig(p, format="png")
                out.append(p)
            plt.close("all")
    except Exception:
        pass
    return out


def artifact(path):
    try:
        size = os.path.getsize(path)
        data = None
        if size <= ARTIFACT_LIMIT:
            with open(path, "rb") as fh:
                data = base64.b64encode(fh.read(ARTIFACT_LIMIT + 1)).decode("ascii")
        return {"path": path, "size": size, "data": data}
    except OSError:
        return None


def read_capped(fh):
    fh.seek(0)
    data = fh.read(OUTPUT_LIMIT + 1)
    return data[:OUTPUT_LIMIT].decode("utf-8", "replace"), len(data) > OUTPUT_LIMIT


def error_of(exc, filename):
    tb = exc.__traceback__
    # Drop the driver's own frames: the traceback starts at the cell.
    while tb is not None and tb.tb_frame.f_code.co_filename != filename:
        tb = tb.tb_next
    text = "".join(traceback.format_exception(type(exc), exc, tb))
    return {"type": type(exc).__name__, "message": str(exc), "traceback": text}


def run_cell(cell, code):
    filename = "<cell-%d>" % cell
    linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
    value = None
    tree = ast.parse(code, filename, "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), namespace)
    if last is not None:
        result = eval(compile(last, filename, "eval"), namespace)
        if result is not None:
            namespace["_"] = result
            value = repr(result)
    return value


def serve():
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    answer({"ready": True, "pid": os.getpid(), "python": sys.version.split()[0]})
    saved_out, saved_err = os.dup(1), os.dup(2)
    while True:
        line = requests.readline()
        if not line:
            return
        req = json.loads(line)
        cell, code = req["cell"], req["code"]
        out = tempfile.TemporaryFile()
        err = tempfile.TemporaryFile()
        cwd = os.getcwd()
        before = snapshot(cwd)
        started = time.monotonic()
        value, error = None, None
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(out.fileno(), 1)
        os.dup2(err.fileno(), 2)
        try:
            # Ctrl-C (the host's timeout) interrupts cells only, never the driver itself.
            signal.signal(signal.SIGINT, signal.default_int_handler)
            value = run_cell(cell, code)
        except BaseException as exc:
            error = error_of(exc, "<cell-%d>" % cell)
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except Exception:
                pass
            os.dup2(saved_out, 1)
            os.dup2(saved_err, 2)
        figures = save_figures(cell)
        after = snapshot(cwd)
        changed = [p for p, st in after.items() if before.get(p) != st]
        changed.sort()
        paths = (changed + figures)[:MAX_ARTIFACTS]
        stdout, out_cut = read_capped(out)
        stderr, err_cut = read_capped(err)
        out.close()
        err.close()
        arts = [a for a in (artifact(p) for p in paths) if a is not None]
        answer({
            "cell": cell,
            "stdout": stdout,
            "stderr": stderr,
            "truncated": out_cut or err_cut,
            "value": value,
            "error": error,
            "artifacts": arts,
            "duration_ms": int((time.monotonic() - started) * 1000),
        })


serve()
