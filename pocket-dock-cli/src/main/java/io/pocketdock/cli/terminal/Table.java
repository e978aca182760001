package io.pocketdock.cli.terminal;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table with left-aligned columns separated by two spaces. The last column is not padded, so
 * lines carry no trailing blanks. Headers are optional ({@link #withoutHeader(int)} for key/value
 * listings).
 */
public final class Table {
  private final List<String> headers;
  private final int columns;
  private final List<String[]> rows = new ArrayList<>();

  private Table(List<String> headers, int columns) {
    this.headers = headers;
    this.columns = columns;
  }

  /** A table with these column headers. */
  public static Table of(String... headers) {
    return new Table(List.of(headers), headers.length);
  }

  /** A table of {@code columns} columns with no header line. */
  public static Table withoutHeader(int columns) {
    return new Table(List.of(), columns);
  }

  /** Adds a row; missing cells are blank, extra cells are an error. */
  public Table row(String... cells) {
    if (cells.length > columns) {
      throw new IllegalArgumentException(cells.length + " cells for " + columns + " columns");
    }
    rows.add(Arrays.copyOf(cells, columns));
    return this;
  }

  /** Writes the table, headers in bold when colours are on. */
  public void print(PrintWriter out, Colors colors) {
    int[] width = new int[columns];
    if (!headers.isEmpty()) {
      measure(width, headers.toArray(String[]::new));
    }
    for (String[] row : rows) {
      measure(width, row);
    }
    if (!headers.isEmpty()) {
      out.println(colors.bold(line(width, headers.toArray(String[]::new))));
    }
    for (String[] row : rows) {
      out.println(line(width, row));
    }
  }

  private static void measure(int[] width, String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      width[i] = Math.max(width[i], cell(cells, i).length());
    }
  }

  private static String line(int[] width, String[] cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      String text = cell(cells, i);
      b.append(text);
      if (i < width.length - 1) {
        b.append(" ".repeat(width[i] - text.length() + 2));
      }
    }
    return b.toString().stripTrailing();
  }

  private static String cell(String[] cells, int i) {
    return cells[i] == null ? "" : cells[i];
  }
}
