package io.wascheduler.dispatcher.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentRecentlyTest {

    @Test
    void anAttemptSentIsRecognisedWhenReadAgain() {
        SentRecently sent = new SentRecently(10);
        sent.remember("m-1|1|1");

        assertThat(sent.contains("m-1|1|1")).isTrue();
        assertThat(sent.contains("m-1|1|2")).isFalse();
    }

    @Test
    void onlyTheLatestAttemptsAreRemembered() {
        SentRecently sent = new SentRecently(2);
        sent.remember("a");
        sent.remember("b");
        sent.remember("c");

        assertThat(sent.contains("a")).isFalse();
        assertThat(sent.contains("b")).isTrue();
        assertThat(sent.contains("c")).isTrue();
    }
}
