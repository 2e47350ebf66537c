package io.distillguard.event;

/** Receives every rejected line, in reading order, on the reading thread. */
@FunctionalInterface
public interface RejectSink {

  void reject(Reject r);
}
