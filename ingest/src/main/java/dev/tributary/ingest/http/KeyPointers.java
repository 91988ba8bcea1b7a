package dev.tributary.ingest.http;

import com.fasterxml.jackson.core.JsonPointer;

/** Checks JSON Pointers (RFC 6901) when settings are made. */
final class KeyPointers {

    private KeyPointers() {
    }

    static JsonPointer require(String pointer, String what) {
        if (pointer == null || pointer.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty; give a JSON Pointer to a member, e.g. /deviceId");
        }
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": '" + pointer + "' is not a JSON Pointer (RFC 6901), e.g. "
                    + "/device/id: " + e.getMessage(), e);
        }
    }
}
