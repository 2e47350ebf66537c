package io.distillguard.app;

import java.io.PrintStream;

/**
 * Progress of a long job on standard error: a line rewritten in place on an interactive terminal, otherwise a plain
 * line every ten seconds. Uses the wall clock, which only paces the display and never reaches detection logic.
 */
interface Progress {

  Progress NONE = line -> {};

  /** Offers a status line; the implementation decides whether and how to show it. */
  void update(String line);

  /** Ends the status display. */
  default void done() {}

  static Progress toStderr() {
    boolean tty = System.console() != null;
    PrintStream err = System.err;
    return new Progress() {
      private long last = System.nanoTime();
      private boolean shown;

      @Override
      public void update(String line) {
        long now = System.nanoTime();
        long every = tty ? 250_000_000L : 10_000_000_000L;
        if (now - last < every) {
          return;
        }
        last = now;
        if (tty) {
          err.print("\r" + line + "   ");
          shown = true;
        } else {
          err.println(line);
        }
      }

      @Override
      public void done() {
        if (shown) {
          err.println();
        }
      }
    };
  }
}
