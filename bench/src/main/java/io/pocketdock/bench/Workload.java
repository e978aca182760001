package io.pocketdock.bench;

import java.util.List;

/** One benchmark workload: measures ours and the floor and returns its table rows. */
interface Workload {
  /** The rows for this workload; n/a rows when the feature does not exist yet. */
  List<Row> measure(BenchEnv env) throws Exception;
}
