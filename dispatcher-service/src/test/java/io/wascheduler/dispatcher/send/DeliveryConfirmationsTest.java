package io.wascheduler.dispatcher.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryConfirmationsTest {

    @Test
    void theWamidOfTheAskedVersionMeansMetaTookIt() {
        assertThat(DeliveryConfirmations.wamidOfVersion("""
            {"messageId":"m-1","version":2,"status":"SENT","wamid":"wamid.ABC"}""", 2)).isEqualTo("wamid.ABC");
    }

    @Test
    void anotherVersionOrNoWamidIsNotKnownToBeTaken() {
        assertThat(DeliveryConfirmations.wamidOfVersion("""
            {"messageId":"m-1","version":3,"status":"SCHEDULED","wamid":"wamid.OLD"}""", 2)).isNull();
        assertThat(DeliveryConfirmations.wamidOfVersion("""
            {"messageId":"m-1","version":2,"status":"SCHEDULED","wamid":null}""", 2)).isNull();
    }
}
