package io.distillguard.service.http;

/** An error answered with {@code status} and a JSON body {@code {"error": message}}; the message never quotes input. */
final class ApiException extends RuntimeException {

  final int status;
  final String retryAfter;

  ApiException(int status, String message) {
    this(status, message, null);
  }

  ApiException(int status, String message, String retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}
