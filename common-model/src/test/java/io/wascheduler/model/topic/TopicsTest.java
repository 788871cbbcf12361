package io.wascheduler.model.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void delayTiersAreStampedByTheBrokerSoEachPartitionIsOrderedByAppendTime() {
        var tier = Topics.delayTier(Duration.ofSeconds(16)).toNewTopic((short) 1);

        assertThat(tier.name()).isEqualTo("wa.dispatch.delay.16s");
        assertThat(tier.configs()).containsEntry(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        assertThat(Topics.MESSAGE_COMMANDS.toNewTopic((short) 1).configs())
            .doesNotContainKey(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)
            .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
    }

    @Test
    void theDefaultLadderGrowsByFourFromOneSecondAndEveryTopicNameIsUnique() {
        assertThat(Topics.DEFAULT_DELAY_LADDER.getFirst()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Topics.DEFAULT_DELAY_LADDER.get(1)).isEqualTo(Duration.ofSeconds(4));
        List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
        assertThat(names).doesNotHaveDuplicates().contains("wa.message.commands", "wa.dispatch.delay.1s");
    }
}
