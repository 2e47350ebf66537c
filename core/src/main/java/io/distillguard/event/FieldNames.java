package io.distillguard.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;

/**
 * The known fields of one JSON object, in the order writers usually emit them. {@link #next} first asks Jackson
 * whether the upcoming name is the expected one, a byte comparison that skips the symbol-table lookup, and falls
 * back to an ordinary name read when it is not; so any field order is accepted and the usual one is cheap.
 */
final class FieldNames {

  /** {@link #next} at the end of the object. */
  static final int END = -2;

  /** {@link #next} for a field not in the list. */
  static final int UNKNOWN = -1;

  private final String[] names;
  private final SerializedString[] quoted;

  FieldNames(String... names) {
    if (names.length > 31) {
      throw new IllegalArgumentException("at most 31 fields, for the seen-bits of the parser");
    }
    this.names = names.clone();
    this.quoted = new SerializedString[names.length];
    for (int i = 0; i < names.length; i++) {
      quoted[i] = new SerializedString(names[i]);
    }
  }

  /**
   * Moves to the next field name of the current object and returns its index, {@link #UNKNOWN} or {@link #END};
   * {@code expected} is the index most likely next (one past the previous field).
   */
  int next(JsonParser p, int expected) throws IOException {
    String name;
    if (expected < quoted.length) {
      if (p.nextFieldName(quoted[expected])) {
        return expected;
      }
      if (p.currentToken() != JsonToken.FIELD_NAME) {
        return END;
      }
      name = p.currentName();
    } else {
      name = p.nextFieldName();
      if (name == null) {
        return END;
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return i;
      }
    }
    return UNKNOWN;
  }

  String name(int index) {
    return names[index];
  }
}
