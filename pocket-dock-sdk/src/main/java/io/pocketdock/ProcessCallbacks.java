package io.pocketdock;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The output and exit callbacks registered on one container, called by its background processes'
 * reader threads. A callback that throws is logged and skipped; it never stops the reader.
 */
final class ProcessCallbacks {
  private static final System.Logger LOG = System.getLogger(ProcessCallbacks.class.getName());

  private final List<Consumer<OutputEvent>> stdout = new CopyOnWriteArrayList<>();
  private final List<Consumer<OutputEvent>> stderr = new CopyOnWriteArrayList<>();
  private final List<Consumer<ExitEvent>> exit = new CopyOnWriteArrayList<>();

  Subscription onStdout(Consumer<OutputEvent> callback) {
    return add(stdout, callback);
  }

  Subscription onStderr(Consumer<OutputEvent> callback) {
    return add(stderr, callback);
  }

  Subscription onExit(Consumer<ExitEvent> callback) {
    return add(exit, callback);
  }

  void output(OutputEvent event) {
    dispatch(event.stream() == StdStream.STDERR ? stderr : stdout, event, event.processId());
  }

  void exit(ExitEvent event) {
    dispatch(exit, event, event.processId());
  }

  private static <T> Subscription add(List<Consumer<T>> list, Consumer<T> callback) {
    java.util.Objects.requireNonNull(callback, "callback");
    // A wrapper per registration, so registering one lambda twice gives two removable entries.
    @SuppressWarnings("UnnecessaryMethodReference") // the new identity is the point
    Consumer<T> entry = callback::accept;
    list.add(entry);
    return () -> list.remove(entry);
  }

  private static <T> void dispatch(List<Consumer<T>> list, T event, String processId) {
    for (Consumer<T> callback : list) {
      try {
        callback.accept(event);
      } catch (RuntimeException | Error e) {
        if (e instanceof VirtualMachineError fatal) {
          throw fatal;
        }
        LOG.log(
            System.Logger.Level.WARNING,
            "a callback for background process " + processId + " threw; the reader goes on",
            e);
      }
    }
  }
}
