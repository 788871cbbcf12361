package io.wascheduler.api.message;

import java.util.List;

/** {@code POST /v1/messages/bulk}: one action applied to each id independently. */
record BulkRequest(String action, List<String> ids) {

    static final int MAX_IDS = 1000;

    record Result(String id, String outcome, String detail) {
    }

    record Results(List<Result> results) {
    }
}
